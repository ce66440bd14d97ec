import { and, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../../db/open-db';
import { alerts, clientContacts, clientDocuments, clients, contracts, invoices, mailMessages, miners, payments, roles, staff, tasks } from '../../../db/schema';
import type { CallOrigin } from '../../contract/auth';
import { AppError } from '../../contract/errors';

/**
 * Which clients a caller may see and change: `{ managerId }` when their role is limited to the clients they manage
 * (clients.manager_id = their staff id), null when they see every client (built-in roles, custom roles without the
 * switch, the local operator of a workstation without accounts, background work).
 */
export type ClientScope = { managerId: number } | null;

type PersonRow = Pick<typeof staff.$inferSelect, 'id' | 'roleId' | 'clientId'>;

/** The scope of a staff member: only a custom role with "only the clients they manage" limits it. */
export function clientScopeOfStaff(db: DbOrTx, person: PersonRow): ClientScope {
  if (person.roleId === null || person.clientId !== null) return null;
  const role = db.select({ only: roles.onlyManagedClients }).from(roles).where(eq(roles.id, person.roleId)).get();
  return role?.only ? { managerId: person.id } : null;
}

/** The scope of a call: its session's or API token's person; null without either. */
export function clientScopeOf(db: DbOrTx, origin: CallOrigin | undefined): ClientScope {
  const staffId = origin?.session?.staffId ?? origin?.apiToken?.staffId ?? null;
  if (staffId === null) return null;
  const person = db.select({ id: staff.id, roleId: staff.roleId, clientId: staff.clientId }).from(staff).where(eq(staff.id, staffId)).get();
  return person ? clientScopeOfStaff(db, person) : null;
}

/**
 * The SQL filter of a list: rows whose client (`clientIdColumn`) is in the scope; undefined (no filter) when unscoped.
 * A row of no client (NULL) is left out: lists whose rows may belong to the facility itself use facilityOrInClientScope.
 */
export function clientScopeCondition(scope: ClientScope, clientIdColumn: SQLiteColumn | SQL): SQL | undefined {
  if (!scope) return undefined;
  return sql`${clientIdColumn} IN (SELECT ${clients.id} FROM ${clients} WHERE ${clients.managerId} = ${scope.managerId})`;
}

/** As clientScopeCondition, keeping rows of no client (the facility's own: a task, a settings change). */
export function facilityOrInClientScope(scope: ClientScope, clientIdColumn: SQLiteColumn): SQL | undefined {
  const inScope = clientScopeCondition(scope, clientIdColumn);
  return inScope && or(isNull(clientIdColumn), inScope);
}

/**
 * The same rule for hand-written SQL (the dashboard's counts): ` AND (…)` to append to a WHERE clause, with its one
 * parameter; empty when unscoped. `facilityRows` keeps rows of no client, as facilityOrInClientScope does.
 */
export function clientScopeSqlText(scope: ClientScope, column: string, facilityRows: boolean): { and: string; params: number[] } {
  if (!scope) return { and: '', params: [] };
  const theirs = `${column} IN (SELECT id FROM clients WHERE manager_id = ?)`;
  return { and: ` AND (${facilityRows ? `${column} IS NULL OR ${theirs}` : theirs})`, params: [scope.managerId] };
}

/** A thing a procedure reads or changes, named by what it belongs to. */
export type ClientRef =
  | { client: number }
  | { contract: number }
  | { invoice: number }
  | { payment: number }
  | { contact: number }
  | { document: number }
  /** A task of a client (a task of no client is the facility's: anyone may see it). */
  | { task: number }
  /** A message of the outbox, or a miner: theirs when of one of their clients, the facility's when of none. */
  | { mailMessage: number }
  | { miner: number }
  /** Many miners or alerts at once (a selection of thousands is checked in one query), each as `miner` above. */
  | { miners: readonly number[] }
  | { alerts: readonly number[] }
  /** The open client with this contact e-mail (a mass edit's "assign by e-mail"). */
  | { clientEmail: string }
  /** Every client at once (a facility-wide report): a scoped caller is refused and asked to choose one of theirs. */
  | { everyClient: true };

const owners = [
  ['contract', contracts, contracts.clientId, 'Contract'],
  ['invoice', invoices, invoices.clientId, 'Invoice'],
  ['payment', payments, payments.clientId, 'Payment'],
  ['contact', clientContacts, clientContacts.clientId, 'Contact'],
  ['document', clientDocuments, clientDocuments.clientId, 'Document'],
  ['task', tasks, tasks.clientId, 'Task'],
  ['mailMessage', mailMessages, mailMessages.clientId, 'Message'],
  ['miner', miners, miners.clientId, 'Miner'],
] as const;

const manyOwners = [
  ['miners', miners, miners.clientId, 'Miner'],
  ['alerts', alerts, alerts.clientId, 'Alert'],
] as const;

type OneRef = Exclude<ClientRef, { everyClient: true } | { miners: readonly number[] } | { alerts: readonly number[] }>;

/** What the sentence calls the thing, and the client it belongs to (undefined when there is no such thing). */
function ownerOf(db: DbOrTx, ref: OneRef): { what: string; id: number; clientId: number | undefined } {
  if ('client' in ref) return { what: 'Client', id: ref.client, clientId: ref.client };
  if ('clientEmail' in ref) {
    const row = db
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.contactEmail, ref.clientEmail), isNull(clients.archivedAt)))
      .get();
    return { what: 'Client', id: row?.id ?? 0, clientId: row?.id };
  }
  for (const [key, table, column, what] of owners) {
    if (!(key in ref)) continue;
    const id = (ref as Record<string, number>)[key];
    const row = db.select({ clientId: column }).from(table).where(eq(table.id, id)).get();
    return { what, id, clientId: row?.clientId ?? undefined };
  }
  throw new Error('Unknown client reference.');
}

/** The first of many rows that belongs to another manager's client (one query, the ids passed as one JSON text). */
function firstNotManagedBy(db: DbOrTx, ref: { miners: readonly number[] } | { alerts: readonly number[] }, managerId: number) {
  for (const [key, table, column, what] of manyOwners) {
    if (!(key in ref)) continue;
    const ids = (ref as Record<string, readonly number[]>)[key];
    if (!ids.length) return undefined;
    const row = db
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          sql`${table.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
          isNotNull(column),
          sql`${column} NOT IN (SELECT ${clients.id} FROM ${clients} WHERE ${clients.managerId} = ${managerId})`,
        ),
      )
      .limit(1)
      .get();
    return row && { what, id: row.id };
  }
  throw new Error('Unknown client reference.');
}

const notManaged = (what: string, id: number) =>
  new AppError('NOT_FOUND', `${what} #${id} was not found among the clients you manage. Your role sees only your own clients.`);

const managerOf = (db: DbOrTx, clientId: number): number | undefined =>
  db.select({ managerId: clients.managerId }).from(clients).where(eq(clients.id, clientId)).get()?.managerId;

/**
 * Refuses what a scoped caller may not see or change. Another manager's client, or anything of theirs, answers
 * NOT_FOUND, as if it did not exist: for this caller it does not (lists never show it), and the answer does not tell
 * which ids belong to other managers. A thing that does not exist is left to the service's own NOT_FOUND.
 */
export function requireInClientScope(db: DbOrTx, scope: ClientScope, refs: readonly ClientRef[]): void {
  if (!scope) return;
  for (const ref of refs) {
    if ('everyClient' in ref)
      throw new AppError('FORBIDDEN', 'Your role sees only the clients you manage: choose one of your clients for this.', {
        clientId: 'choose one of your clients',
      });
    if ('miners' in ref || 'alerts' in ref) {
      const other = firstNotManagedBy(db, ref, scope.managerId);
      if (other) throw notManaged(other.what, other.id);
      continue;
    }
    const owner = ownerOf(db, ref);
    if (owner.clientId === undefined) continue;
    if (managerOf(db, owner.clientId) !== scope.managerId) throw notManaged(owner.what, owner.id);
  }
}

/**
 * A scoped caller's client keeps them as its manager: creating a client makes them its manager, and handing it to
 * another manager is refused (it would leave their sight at once, with no way back for them).
 */
export function requireOwnManager(scope: ClientScope, managerId: number): void {
  if (scope && managerId !== scope.managerId)
    throw new AppError('FORBIDDEN', 'Your role sees only the clients you manage, so you stay the manager of the clients you add or edit.', {
      managerId: 'must be you',
    });
}
