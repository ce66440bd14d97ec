import { and, inArray, isNull, sql } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { minerClientAssignments, miners } from '../../../db/schema';
import type { IdentitySource, MinerLiveStatus, MinerState } from '../../contract/miners';
import { recordManyIdentityChanges } from './miners.identity';
import { recordAuditRows } from '../audit/record-audit';

export type MinerRow = typeof miners.$inferSelect;

export type NewMiner = {
  assetId: string;
  make: string;
  model: string;
  serial?: string | null;
  mac?: string | null;
  ip?: string | null;
  hostname?: string | null;
  firmware?: string | null;
  workerName?: string | null;
  /** The driver family, when known (discovery); the poller identifies miners without one. */
  family?: string | null;
  notes?: string;
  /** Unless given: assigned with a client, else unassigned. */
  state?: MinerState;
  clientId?: number | null;
  paid?: boolean;
  liveStatus?: MinerLiveStatus;
  /** Catalogue entry; make and model stay as written on the miner. */
  modelId?: number | null;
  siteId?: number | null;
  rackId?: number | null;
  rackPosition?: number | null;
};

/**
 * Adds miners to the inventory in one transaction; a miner that arrives for a client starts its
 * assignment history now, and every miner its identity history (with `source`). Multi-row inserts keep thousands of miners (imports, demo) fast.
 */
export function createMiners(db: DbOrTx, inputs: readonly NewMiner[], actor: string, source: IdentitySource = 'manual'): MinerRow[] {
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const rows = inChunks(inputs).flatMap((chunk) =>
      tx
        .insert(miners)
        .values(
          chunk.map((input) => ({
            ...input,
            state: input.state ?? (input.clientId ? ('assigned' as const) : ('unassigned' as const)),
            createdAt: now,
            updatedAt: now,
          })),
        )
        .returning()
        .all(),
    );
    const assigned = rows.filter((row) => row.clientId !== null);
    for (const chunk of inChunks(assigned)) {
      tx.insert(minerClientAssignments)
        .values(chunk.map((row) => ({ minerId: row.id, clientId: row.clientId ?? 0, fromAt: now })))
        .run();
    }
    recordManyIdentityChanges(
      tx,
      rows.map((row) => ({ minerId: row.id, before: {}, after: { serial: row.serial, mac: row.mac, ip: row.ip, hostname: row.hostname } })),
      source,
      now,
    );
    recordAuditRows(
      tx,
      rows.map((row) => ({ actor, action: 'miner.created', entity: 'miner', entityId: row.id, clientId: row.clientId, after: row })),
    );
    return rows;
  });
}

export const createMiner = (db: DbOrTx, input: NewMiner, actor: string): MinerRow => createMiners(db, [input], actor)[0];

/** Closes the miners' open assignment rows at `at` and, unless they go to no client, opens rows for `clientId` at the same instant. */
function moveAssignments(tx: DbOrTx, minerIds: readonly number[], clientId: number | null, at: string): void {
  for (const ids of inChunks(minerIds, 5_000)) {
    tx.update(minerClientAssignments)
      .set({ toAt: at })
      .where(and(inIds(minerClientAssignments.minerId, ids), isNull(minerClientAssignments.toAt)))
      .run();
    if (clientId !== null) {
      tx.run(
        sql`INSERT INTO ${minerClientAssignments} (miner_id, client_id, from_at) SELECT ${miners.id}, ${clientId}, ${at} FROM ${miners} WHERE ${inIds(miners.id, ids)}`,
      );
    }
  }
}

/**
 * Moves miners to another client (or to none): closes their open assignment rows and opens new ones
 * at the same instant, so billing can pro-rate the month on both sides; one audit row per miner.
 * Call inside the transaction of the change.
 */
export function reassignMiners(tx: DbOrTx, moving: readonly MinerRow[], clientId: number | null, actor: string, why: string): void {
  const now = new Date().toISOString();
  moveAssignments(
    tx,
    moving.map((miner) => miner.id),
    clientId,
    now,
  );
  for (const chunk of inChunks(moving)) {
    const ids = chunk.map((miner) => miner.id);
    tx.update(miners)
      .set({ clientId, state: clientId === null ? 'unassigned' : 'assigned', updatedAt: now })
      .where(inArray(miners.id, ids))
      .run();
  }
  recordAuditRows(
    tx,
    moving.map((miner) => ({
      actor,
      action: 'miner.client_changed',
      entity: 'miner',
      entityId: miner.id,
      clientId: clientId ?? miner.clientId, // a miner leaving for no client stays in its last client's activity
      before: { clientId: miner.clientId },
      after: { clientId, why },
    })),
  );
}
