import { and, eq, gt, gte, inArray, isNull, or } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { clients, minerClientAssignments, miners } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { recordAuditRows, type AuditRecord } from '../audit/record-audit';
import { clientLabel } from '../clients/clients.guards';
import type { MinerRow } from '../miners/miners.service';
import { describeInstant } from './contracts.terms';

/**
 * The client assignment history of miners that go under or leave a Hosted or Lease contract, written at
 * the contract's own instants (which may be in the past: contracts that began before the facility used
 * Hashdesk are entered with their true dates). Billing pro-rates by these rows.
 */

type AssignmentRow = typeof minerClientAssignments.$inferSelect;

/** Assignment rows of the miners that are open or end after `at`, by miner. */
function rowsFrom(tx: DbOrTx, minerIds: readonly number[], at: string): Map<number, AssignmentRow[]> {
  const byMiner = new Map<number, AssignmentRow[]>();
  for (const ids of inChunks(minerIds, 5_000)) {
    const rows = tx
      .select()
      .from(minerClientAssignments)
      .where(and(inIds(minerClientAssignments.minerId, ids), or(isNull(minerClientAssignments.toAt), gt(minerClientAssignments.toAt, at))))
      .all();
    for (const row of rows) byMiner.set(row.minerId, [...(byMiner.get(row.minerId) ?? []), row]);
  }
  return byMiner;
}

/**
 * Puts miners with the client from `at` in the assignment history: a miner already with the client from a
 * later instant is back-dated; one in stock gets an open row from `at`. Refused, naming the other client,
 * when the history says the miner was with someone else at or after `at`. Call inside the change's transaction.
 */
export function holdMinersForClient(
  tx: DbOrTx,
  minerRows: readonly MinerRow[],
  client: { id: number; name: string },
  at: string,
  zone: string,
  context: { actor: string; why: string },
): void {
  const history = rowsFrom(
    tx,
    minerRows.map((m) => m.id),
    at,
  );
  const deleteIds: number[] = [];
  const inserts: { minerId: number; clientId: number; fromAt: string }[] = [];
  const audits: AuditRecord[] = [];
  for (const miner of minerRows) {
    const rows = history.get(miner.id) ?? [];
    const other = rows.find((r) => r.clientId !== client.id);
    if (other) {
      const owner = tx.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, other.clientId)).get();
      const until = other.toAt ? `until ${describeInstant(other.toAt, zone)}` : 'now';
      throw new AppError(
        'CONFLICT',
        `Miner ${miner.assetId} is with ${owner ? clientLabel(owner) : `client #${other.clientId}`} ${until}, so it cannot be with ${clientLabel(client)} from ${describeInstant(at, zone)}. Choose a later date or move the miner first.`,
      );
    }
    const open = rows.find((r) => r.toAt === null);
    if (open && rows.length === 1 && open.fromAt <= at) continue; // already with the client since before `at`
    const fromAt = rows.reduce((earliest, r) => (r.fromAt < earliest ? r.fromAt : earliest), at);
    deleteIds.push(...rows.map((r) => r.id));
    inserts.push({ minerId: miner.id, clientId: client.id, fromAt });
    audits.push({
      actor: context.actor,
      action: 'miner.client_changed',
      entity: 'miner',
      entityId: miner.id,
      clientId: client.id,
      before: { clientId: miner.clientId },
      after: { clientId: client.id, fromAt, why: context.why },
    });
  }
  for (const ids of inChunks(deleteIds, 5_000)) tx.delete(minerClientAssignments).where(inIds(minerClientAssignments.id, ids)).run();
  for (const chunk of inChunks(inserts)) tx.insert(minerClientAssignments).values(chunk).run();
  const changed = inserts.map((i) => i.minerId);
  const now = new Date().toISOString();
  for (const ids of inChunks(changed, 5_000)) {
    tx.update(miners).set({ clientId: client.id, state: 'assigned', updatedAt: now }).where(inIds(miners.id, ids)).run();
  }
  if (audits.length) recordAuditRows(tx, audits);
}

/**
 * Sends leased miners back to unassigned stock at `at` (now or past): their open row with the client
 * closes at that instant (a row that began at or after it never took effect and goes). Miners that have
 * moved to someone else meanwhile are left alone. Call inside the change's transaction.
 */
export function returnMinersToStock(tx: DbOrTx, minerIds: readonly number[], clientId: number, at: string, context: { actor: string; why: string }): void {
  if (!minerIds.length) return;
  const now = new Date().toISOString();
  const audits: AuditRecord[] = [];
  for (const ids of inChunks(minerIds, 5_000)) {
    const holding = tx
      .select({ id: miners.id })
      .from(miners)
      .where(and(inIds(miners.id, ids), eq(miners.clientId, clientId)))
      .all()
      .map((m) => m.id);
    if (!holding.length) continue;
    const open = and(inArray(minerClientAssignments.minerId, holding), eq(minerClientAssignments.clientId, clientId), isNull(minerClientAssignments.toAt));
    tx.delete(minerClientAssignments)
      .where(and(open, gte(minerClientAssignments.fromAt, at)))
      .run();
    tx.update(minerClientAssignments).set({ toAt: at }).where(open).run();
    tx.update(miners).set({ clientId: null, state: 'unassigned', updatedAt: now }).where(inArray(miners.id, holding)).run();
    for (const id of holding) {
      audits.push({
        actor: context.actor,
        action: 'miner.client_changed',
        entity: 'miner',
        entityId: id,
        clientId,
        before: { clientId },
        after: { clientId: null, toAt: at, why: context.why },
      });
    }
  }
  if (audits.length) recordAuditRows(tx, audits);
}
