import { getTableColumns } from 'drizzle-orm';
import { insertRowsReturning, updateRows } from '../../../../db/bulk';
import type { Db, DbOrTx } from '../../../../db/open-db';
import { miners } from '../../../../db/schema';
import { recordManyAuditRows, type AuditRecord } from '../../audit/record-audit';
import { openIdentityReviews, recordManyIdentityChanges, type IdentityChange } from '../../miners/miners.identity';
import { editableKeys } from '../../miners/miners.records.values';
import { writeMinerColumns } from '../../miners/miners.write-columns';
import type { CommitPlan, FoundMiner, NewMinerValues } from './scan.commit.plan';

type MinerRow = typeof miners.$inferSelect;

const insertedKeys = ['assetId', ...editableKeys, 'createdAt', 'updatedAt'] as const;

/** A row as SQLite returns it, in the ORM's shape (keys, booleans), as `.returning()` would give it. */
function toMinerRow(stored: Record<string, unknown>): MinerRow {
  const columns = Object.entries(getTableColumns(miners));
  return Object.fromEntries(
    columns.map(([key, column]) => [key, stored[column.name] === null ? null : column.mapFromDriverValue(stored[column.name])]),
  ) as MinerRow;
}

/**
 * The new miners with multi-row statements prepared once per size (the ORM would build and prepare ten
 * thousand rows' text again each time), returned in the plan's order: matched by asset ID, as RETURNING promises no order.
 */
function insertNewMiners(db: Db, creates: readonly NewMinerValues[], now: string): MinerRow[] {
  const values = creates.map((create) => {
    const row = { ...create, createdAt: now, updatedAt: now };
    return insertedKeys.map((key) => (typeof row[key] === 'boolean' ? Number(row[key]) : (row[key] ?? null)));
  });
  const stored = insertRowsReturning(
    db.$client,
    'miners',
    insertedKeys.map((key) => miners[key].name),
    values,
  ).map(toMinerRow);
  const byAssetId = new Map(stored.map((row) => [row.assetId, row]));
  return creates.map((create) => byAssetId.get(create.assetId) as MinerRow);
}

/** A new miner's audit row, as miners.create writes it: the row as inserted, without its update time, and its (no) tags. */
function createdAudit(row: MinerRow, actor: string): AuditRecord {
  const { updatedAt: _updatedAt, ...after } = row;
  return { actor, action: 'miner.created', entity: 'miner', entityId: row.id, clientId: row.clientId, after: { ...after, tags: [] } };
}

/**
 * Writes a planned commit in the caller's transaction, a statement per few hundred rows where the rows allow:
 * new miners, changed columns of known ones (one prepared statement per set of columns), identity history
 * (source "discovery"; a miner changed twice gets its second change after the first), reviews, when each miner
 * was last seen and by which driver, each finding's miner, and the audit rows in the findings' order.
 */
export function writeCommitPlan(db: Db, tx: DbOrTx, plan: CommitPlan, actor: string, now: string): void {
  const created = insertNewMiners(db, plan.creates, now);
  writeMinerColumns(
    db,
    plan.updates.map((update) => ({ minerId: update.minerId, values: update.changed })),
    now,
  );
  const identityWaves: IdentityChange[][] = [
    created.map((row) => ({ minerId: row.id, before: {}, after: { serial: row.serial, mac: row.mac, ip: row.ip, hostname: row.hostname } })),
  ];
  for (const update of plan.updates) (identityWaves[update.wave] ??= []).push(update.identity);
  for (const wave of identityWaves) recordManyIdentityChanges(tx, wave, 'discovery', now);
  openIdentityReviews(tx, plan.reviews, now);

  const minerIdOf = (miner: FoundMiner) => ('existing' in miner ? miner.existing : created[miner.created].id);
  // A machine that answered twice keeps what its last answer said, as writing the findings in order would leave it.
  const lastSeen = new Map<number, unknown[]>();
  for (const { row, miner } of plan.found) lastSeen.set(minerIdOf(miner), [minerIdOf(miner), row.foundAt, row.family]);
  updateRows(db.$client, 'miners', 'id', ['last_seen_at', 'family'], [...lastSeen.values()]);
  updateRows(
    db.$client,
    'discovery_results',
    'id',
    ['miner_id'],
    plan.found.map(({ row, miner }) => [row.id, minerIdOf(miner)]),
  );
  recordManyAuditRows(
    db,
    plan.audits.map((audit) => ('created' in audit ? createdAudit(created[audit.created], actor) : audit)),
  );
}
