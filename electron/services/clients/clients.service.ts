import { and, count, eq, isNull, ne, notInArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clientContacts, clientDocuments, clientGroups, clients, miners, staff, tasks } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { Client, ClientDetail, Ref } from '../../contract/clients';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { counted } from '../../contract/words';
import { recordAudit } from '../audit/record-audit';
import { readOneClientLinks } from './clients.links';
import { currentClientPrice, effectiveCurrency } from './clients.pricing';
import { recordStatusChange } from './clients.status';
import { clientLabel, requireClient, requireOpenClient, type ClientRow } from './clients.guards';

type ClientFields = Omit<ParsedInputOf<Contract['clients.update']>, 'id'>;

/** The 409 of the issue: a contact e-mail is unique among clients that are not archived. */
function assertContactEmailFree(db: DbOrTx, email: string, exceptId: number | null): void {
  const conditions = [eq(clients.contactEmail, email), isNull(clients.archivedAt)];
  if (exceptId !== null) conditions.push(ne(clients.id, exceptId));
  const other = db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(and(...conditions))
    .get();
  if (other) {
    throw new AppError('CONFLICT', `${clientLabel(other)} already uses ${email} as contact e-mail. Use another address, or open that client instead.`, {
      contactEmail: `is already used by client #${other.id}`,
    });
  }
}

function assertReferencesExist(db: DbOrTx, fields: ClientFields, current: ClientRow | null): void {
  // A client's viewer is not the facility's staff, so cannot manage clients.
  const manager = db
    .select()
    .from(staff)
    .where(and(eq(staff.id, fields.managerId), isNull(staff.clientId)))
    .get();
  if (!manager) {
    throw new AppError('INVALID_INPUT', `Staff member #${fields.managerId} was not found. Choose the client's manager from the list.`, {
      managerId: 'was not found',
    });
  }
  if (!manager.active && current?.managerId !== manager.id) {
    throw new AppError('INVALID_INPUT', `${manager.name} is no longer active staff. Choose an active manager.`, { managerId: 'is not active' });
  }
  if (fields.groupId !== null && !db.select({ id: clientGroups.id }).from(clientGroups).where(eq(clientGroups.id, fields.groupId)).get()) {
    throw new AppError('INVALID_INPUT', `Client group #${fields.groupId} was not found. Choose a group from the list or none.`, { groupId: 'was not found' });
  }
}

const refOf = (db: DbOrTx, table: typeof staff | typeof clientGroups | typeof clients, id: number | null): Ref | null =>
  id === null ? null : (db.select({ id: table.id, name: table.name }).from(table).where(eq(table.id, id)).get() ?? null);

/** How many rows of a per-client table belong to the client (optionally narrowed further). */
export const countForClient = (
  db: DbOrTx,
  table: typeof miners | typeof clientContacts | typeof clientDocuments | typeof tasks,
  clientId: number,
  extra?: SQL,
) =>
  db
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.clientId, clientId), extra))
    .get()?.n ?? 0;

/** The client with everything the detail page shows. */
export function getClientDetail(db: DbOrTx, id: number): ClientDetail {
  const row = requireClient(db, id);
  const links = readOneClientLinks(db, id);
  const manager = refOf(db, staff, row.managerId) ?? { id: row.managerId, name: `Staff #${row.managerId}` };
  return {
    ...row,
    effectiveBillingEmail: row.billingEmail ?? row.contactEmail,
    effectiveCurrency: effectiveCurrency(db, row),
    group: refOf(db, clientGroups, row.groupId),
    manager,
    mergedInto: refOf(db, clients, row.mergedIntoId),
    counts: {
      activeContracts: links.activeContracts,
      assignedMiners: countForClient(db, miners, id),
      omSites: links.omSites,
      contacts: countForClient(db, clientContacts, id),
      documents: countForClient(db, clientDocuments, id),
      openTasks: countForClient(db, tasks, id, notInArray(tasks.status, ['done', 'cancelled'])),
    },
    balances: links.balances,
    currentPricing: currentClientPrice(db, row),
  };
}

/** The audit trail of a client: its stored fields, without the bookkeeping times. */
export const clientAuditView = ({ updatedAt: _updatedAt, ...rest }: ClientRow): Omit<Client, 'updatedAt'> => rest;

/** The audit row of a change to the client itself, with its fields before and after. */
function auditClientChange(tx: DbOrTx, action: string, before: ClientRow, after: ClientRow, actor: string): void {
  recordAudit(tx, { actor, action, entity: 'client', entityId: after.id, clientId: after.id, before: clientAuditView(before), after: clientAuditView(after) });
}

export function createClient(db: DbOrTx, input: ClientFields, actor: string): ClientDetail {
  return db.transaction((tx) => {
    assertContactEmailFree(tx, input.contactEmail, null);
    assertReferencesExist(tx, input, null);
    const now = new Date().toISOString();
    const row = tx
      .insert(clients)
      .values({ ...input, status: 'active', createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordStatusChange(tx, row, null, 'active', null, actor);
    recordAudit(tx, { actor, action: 'client.created', entity: 'client', entityId: row.id, clientId: row.id, after: clientAuditView(row) });
    return getClientDetail(tx, row.id);
  });
}

/** Replaces every field of the form. Renaming keeps the id, so miners, tasks and history stay linked. */
export function updateClient(db: DbOrTx, input: ParsedInputOf<Contract['clients.update']>, actor: string): ClientDetail {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const before = requireOpenClient(tx, id);
    if (fields.contactEmail !== before.contactEmail) assertContactEmailFree(tx, fields.contactEmail, id);
    assertReferencesExist(tx, fields, before);
    const after = tx
      .update(clients)
      .set({ ...fields, updatedAt: new Date().toISOString() })
      .where(eq(clients.id, id))
      .returning()
      .get();
    auditClientChange(tx, 'client.updated', before, after, actor);
    return getClientDetail(tx, id);
  });
}

/** Archives instead of deleting. Refused while anything still depends on the client being open. */
export function archiveClient(db: DbOrTx, id: number, actor: string): ClientDetail {
  return db.transaction((tx) => {
    const before = requireOpenClient(tx, id);
    const links = readOneClientLinks(tx, id);
    const minerCount = countForClient(tx, miners, id);
    const blockers = [
      minerCount > 0 && `it still has ${counted(minerCount, 'miner')} assigned: reassign ${minerCount === 1 ? 'it' : 'them'} to another client first`,
      links.activeContracts > 0 && `it has ${counted(links.activeContracts, 'active contract')}: end them first`,
      links.unpaidInvoices > 0 && `it has ${counted(links.unpaidInvoices, 'unpaid invoice')}: settle or void them first`,
    ].filter((text): text is string => Boolean(text));
    if (blockers.length > 0) throw new AppError('CONFLICT', `${clientLabel(before)} cannot be archived yet: ${blockers.join('; ')}.`);
    const after = tx
      .update(clients)
      .set({ archivedAt: new Date().toISOString(), updatedAt: new Date().toISOString() })
      .where(eq(clients.id, id))
      .returning()
      .get();
    auditClientChange(tx, 'client.archived', before, after, actor);
    return getClientDetail(tx, id);
  });
}
