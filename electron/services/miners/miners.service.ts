import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { minerClientAssignments, miners } from '../../../db/schema';
import type { MinerLiveStatus } from '../../contract/miners';
import { recordAudit } from '../audit/record-audit';

export type MinerRow = typeof miners.$inferSelect;

export type NewMiner = {
  assetId: string;
  make: string;
  model: string;
  serial?: string | null;
  mac?: string | null;
  ip?: string | null;
  hostname?: string | null;
  clientId?: number | null;
  paid?: boolean;
  liveStatus?: MinerLiveStatus;
};

/** Adds a miner to the inventory; when it arrives for a client, its assignment history starts now. */
export function createMiner(db: DbOrTx, input: NewMiner, actor: string): MinerRow {
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const clientId = input.clientId ?? null;
    const row = tx
      .insert(miners)
      .values({ ...input, clientId, state: clientId === null ? 'unassigned' : 'assigned', createdAt: now, updatedAt: now })
      .returning()
      .get();
    if (clientId !== null) tx.insert(minerClientAssignments).values({ minerId: row.id, clientId, fromAt: now }).run();
    recordAudit(tx, { actor, action: 'miner.created', entity: 'miner', entityId: row.id, clientId, after: row });
    return row;
  });
}

/**
 * Moves a miner to another client (or to none): closes the open assignment row and opens a new one
 * at the same instant, so billing can pro-rate the month on both sides. Call inside a transaction.
 */
export function reassignMiner(tx: DbOrTx, miner: MinerRow, clientId: number | null, actor: string, why: string): MinerRow {
  const now = new Date().toISOString();
  tx.update(minerClientAssignments)
    .set({ toAt: now })
    .where(and(eq(minerClientAssignments.minerId, miner.id), isNull(minerClientAssignments.toAt)))
    .run();
  if (clientId !== null) tx.insert(minerClientAssignments).values({ minerId: miner.id, clientId, fromAt: now }).run();
  const after = tx
    .update(miners)
    .set({ clientId, state: clientId === null ? 'unassigned' : 'assigned', updatedAt: now })
    .where(eq(miners.id, miner.id))
    .returning()
    .get();
  recordAudit(tx, {
    actor,
    action: 'miner.client_changed',
    entity: 'miner',
    entityId: miner.id,
    clientId: clientId ?? miner.clientId, // a miner leaving for no client stays in its last client's activity
    before: { clientId: miner.clientId },
    after: { clientId, why },
  });
  return after;
}
