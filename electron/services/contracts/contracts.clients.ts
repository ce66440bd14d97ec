import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import type { DbOrTx } from '../../../db/open-db';
import { contractEquipment, contracts } from '../../../db/schema';
import { recordContractChange } from './contracts.events';
import { contractInForceStatuses } from '../../contract/contracts.vocab';
import { heldEquipment } from './contracts.read';

/** What a client has under contract: contracts in force, and the sites its O&M contracts in force hold now. */
export function contractFiguresOfClients(db: DbOrTx, clientIds: readonly number[], now = new Date()): Map<number, { inForce: number; omSites: number }> {
  const out = new Map(clientIds.map((id) => [id, { inForce: 0, omSites: 0 }]));
  if (!clientIds.length) return out;
  const inForce = and(inIds(contracts.clientId, clientIds), inArray(contracts.status, [...contractInForceStatuses]));
  for (const row of db.select({ clientId: contracts.clientId, n: count() }).from(contracts).where(inForce).groupBy(contracts.clientId).all()) {
    out.get(row.clientId)!.inForce = row.n;
  }
  const sites = db
    .select({ clientId: contracts.clientId, n: sql<number>`count(DISTINCT ${contractEquipment.siteId})` })
    .from(contractEquipment)
    .innerJoin(contracts, eq(contracts.id, contractEquipment.contractId))
    .where(and(inForce, eq(contracts.type, 'om'), sql`${contractEquipment.siteId} IS NOT NULL`, heldEquipment(now.toISOString())))
    .groupBy(contracts.clientId)
    .all();
  for (const row of sites) out.get(row.clientId)!.omSites = row.n;
  return out;
}

/** The condition "the client has a contract in force", for the clients list's filter. */
export const clientHasContractInForce = (clientIdColumn: Parameters<typeof eq>[0]) =>
  sql`EXISTS (SELECT 1 FROM ${contracts} WHERE ${contracts.clientId} = ${clientIdColumn} AND ${contracts.status} IN ('active', 'expiring'))`;

/** Every contract of a client, whatever its status. */
export const countClientContracts = (db: DbOrTx, clientId: number): number =>
  db.select({ n: count() }).from(contracts).where(eq(contracts.clientId, clientId)).get()?.n ?? 0;

/**
 * A merge moves every contract of the duplicate client to the survivor, each with a line on its timeline.
 * Call inside the merge's transaction.
 */
export function moveContractsToClient(tx: DbOrTx, from: { id: number; name: string }, to: { id: number; name: string }, actor: string): void {
  const at = new Date().toISOString();
  const moved = tx.update(contracts).set({ clientId: to.id, updatedAt: at }).where(eq(contracts.clientId, from.id)).returning().all();
  for (const row of moved) {
    recordContractChange(tx, {
      actor,
      kind: 'moved_by_merge',
      at,
      contract: row,
      message: `Moved from client #${from.id} "${from.name}" to client #${to.id} "${to.name}" by a merge.`,
      before: { clientId: from.id },
      after: { clientId: to.id },
    });
  }
}
