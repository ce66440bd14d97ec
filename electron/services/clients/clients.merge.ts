import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clientContacts, clientDocuments, clientPricing, clients, miners, tasks } from '../../../db/schema';
import { clientStatusLabels, type MergeCounts, type MergePreview, type MergeResult } from '../../contract/clients';
import { AppError } from '../../contract/errors';
import { counted } from '../../contract/words';
import { recordAudit } from '../audit/record-audit';
import { countClientContracts, moveContractsToClient } from '../contracts/contracts.clients';
import { countIssuedInvoices, countUnissuedInvoices, moveDraftInvoicesToClient } from '../invoices/invoices.clients';
import { reassignMiners } from '../miners/miners.service';
import { clientLabel, requireClient, type ClientRow } from './clients.guards';
import { readOneClientLinks } from './clients.links';
import { effectiveCurrency } from './clients.pricing';
import { clientAuditView, countForClient, getClientDetail } from './clients.service';
import { recordStatusChange } from './clients.status';

type MergePlan = { source: ClientRow; survivor: ClientRow; movingPriceIds: number[]; moves: MergeCounts; conflicts: string[] };

function requireMergeable(db: DbOrTx, sourceId: number, survivorId: number): { source: ClientRow; survivor: ClientRow } {
  if (sourceId === survivorId) {
    throw new AppError('INVALID_INPUT', 'A client cannot be merged into itself. Choose the other client to keep.', { survivorId: 'must be another client' });
  }
  const source = requireClient(db, sourceId);
  if (source.mergedIntoId !== null) throw new AppError('CONFLICT', `${clientLabel(source)} was already merged into client #${source.mergedIntoId}.`);
  if (source.archivedAt) throw new AppError('CONFLICT', `${clientLabel(source)} is archived. Only open clients can be merged.`);
  const survivor = requireClient(db, survivorId);
  if (survivor.archivedAt) {
    throw new AppError('CONFLICT', `${clientLabel(survivor)} is archived and cannot receive a merge. Choose an open client to keep.`, {
      survivorId: 'is archived',
    });
  }
  return { source, survivor };
}

/** Price rows move unless the survivor already has that date, and only when both bill in the same currency. */
function planPricing(db: DbOrTx, source: ClientRow, survivor: ClientRow): { ids: number[]; conflicts: string[] } {
  const rows = db.select().from(clientPricing).where(eq(clientPricing.clientId, source.id)).all();
  if (rows.length === 0) return { ids: [], conflicts: [] };
  const [from, to] = [effectiveCurrency(db, source), effectiveCurrency(db, survivor)];
  if (from !== to) {
    return { ids: [], conflicts: [`${counted(rows.length, 'price row')} stay with the archived client: it bills in ${from}, the survivor in ${to}.`] };
  }
  const taken = new Set(
    db
      .select({ validFrom: clientPricing.validFrom })
      .from(clientPricing)
      .where(
        and(
          eq(clientPricing.clientId, survivor.id),
          inArray(
            clientPricing.validFrom,
            rows.map((r) => r.validFrom),
          ),
        ),
      )
      .all()
      .map((r) => r.validFrom),
  );
  const clashing = rows.filter((r) => taken.has(r.validFrom)).map((r) => r.validFrom);
  const conflicts = clashing.length ? [`Both clients have prices valid from ${clashing.join(', ')}: the survivor's prices are kept for those dates.`] : [];
  return { ids: rows.filter((r) => !taken.has(r.validFrom)).map((r) => r.id), conflicts };
}

function planMerge(db: DbOrTx, sourceId: number, survivorId: number): MergePlan {
  const { source, survivor } = requireMergeable(db, sourceId, survivorId);
  const links = readOneClientLinks(db, source.id);
  const pricing = planPricing(db, source, survivor);
  const conflicts = [...pricing.conflicts];
  const issued = countIssuedInvoices(db, source.id);
  if (issued)
    conflicts.push(`${counted(issued, 'issued invoice')} and credit notes stay with the archived client: issued invoices are records of whom they billed.`);
  if (links.payments)
    conflicts.push(
      `${counted(links.payments, 'payment')} ${links.payments === 1 ? 'stays' : 'stay'} with the archived client, with the issued invoices they pay and any credit left on them.`,
    );
  if (source.status !== survivor.status) {
    conflicts.push(
      `${clientLabel(source)} is ${clientStatusLabels[source.status]}; the survivor keeps its own status (${clientStatusLabels[survivor.status]}).`,
    );
  }
  const moves: MergeCounts = {
    miners: countForClient(db, miners, source.id),
    contracts: countClientContracts(db, source.id),
    invoices: countUnissuedInvoices(db, source.id),
    payments: 0, // payments stay with the issued invoices they pay (see the conflicts)
    contacts: countForClient(db, clientContacts, source.id),
    documents: countForClient(db, clientDocuments, source.id),
    tasks: countForClient(db, tasks, source.id),
    pricingRows: pricing.ids.length,
  };
  return { source, survivor, movingPriceIds: pricing.ids, moves, conflicts };
}

const ref = (row: ClientRow) => ({ id: row.id, name: row.name });

/** What a merge would move, and what it would not, without changing anything. */
export function previewMerge(db: DbOrTx, sourceId: number, survivorId: number): MergePreview {
  const plan = planMerge(db, sourceId, survivorId);
  return { source: ref(plan.source), survivor: ref(plan.survivor), moves: plan.moves, conflicts: plan.conflicts };
}

/**
 * Merges a duplicate client into the one to keep, in one transaction: miners (with their assignment
 * history), contracts, draft and held invoices, tasks, contacts, documents and price rows move (issued invoices stay); the source stays archived, pointing at the survivor.
 */
export function mergeClients(db: DbOrTx, sourceId: number, survivorId: number, actor: string): MergeResult {
  return db.transaction((tx) => {
    const { source, survivor, movingPriceIds, moves } = planMerge(tx, sourceId, survivorId);
    const why = `merge of client #${source.id} into #${survivor.id}`;
    const minerRows = tx.select().from(miners).where(eq(miners.clientId, source.id)).all();
    reassignMiners(tx, minerRows, survivor.id, actor, why);
    const now = new Date().toISOString();
    tx.update(tasks).set({ clientId: survivor.id, updatedAt: now }).where(eq(tasks.clientId, source.id)).run();
    tx.update(clientContacts).set({ clientId: survivor.id, updatedAt: now }).where(eq(clientContacts.clientId, source.id)).run();
    tx.update(clientDocuments).set({ clientId: survivor.id }).where(eq(clientDocuments.clientId, source.id)).run();
    moveContractsToClient(tx, source, survivor, actor);
    moveDraftInvoicesToClient(tx, source, survivor, actor);
    if (movingPriceIds.length) tx.update(clientPricing).set({ clientId: survivor.id }).where(inArray(clientPricing.id, movingPriceIds)).run();

    const archived = tx
      .update(clients)
      .set({ status: 'inactive', archivedAt: now, mergedIntoId: survivor.id, updatedAt: now })
      .where(eq(clients.id, source.id))
      .returning()
      .get();
    recordStatusChange(tx, source, source.status, 'inactive', `Merged into ${clientLabel(survivor)}.`, actor);
    recordStatusChange(tx, survivor, survivor.status, survivor.status, `${clientLabel(source)} was merged into this client.`, actor);
    const movedMinerIds = minerRows.map((m) => m.id);
    recordAudit(tx, {
      actor,
      action: 'client.merged_away',
      entity: 'client',
      entityId: source.id,
      clientId: source.id,
      before: clientAuditView(source),
      after: { ...clientAuditView(archived), moved: moves, movedMinerIds },
    });
    recordAudit(tx, {
      actor,
      action: 'client.merge_received',
      entity: 'client',
      entityId: survivor.id,
      clientId: survivor.id,
      after: { fromClient: ref(source), moved: moves, movedMinerIds },
    });
    return { survivor: getClientDetail(tx, survivor.id), moved: moves };
  });
}
