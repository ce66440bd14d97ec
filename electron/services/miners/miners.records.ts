import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { minerClientAssignments, minerIdentityHistory, miners, minerTags } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { IdentitySource } from '../../contract/miners';
import type { MinerDetail } from '../../contract/miners.list';
import type { MinerFieldValues, MinerHistory } from '../../contract/miners.records';
import { recordAudit } from '../audit/record-audit';
import { recordIdentityChanges } from './miners.identity';
import { getMinerDetail, tagsOfMiners } from './miners.list';
import { nextAssetId } from './miners.asset-ids';
import { blank, editableKeys, holderOf, requireMiner, resolveValues, type Editable, type MinerRow } from './miners.records.values';
import { refuseContractedMinerChanges } from '../contracts/contracts.miner-guard';

/** What miners.create takes once parsed: every field optional. */
export type MinerCreateFields = ParsedInputOf<Contract['miners.create']>;
/** Tags as kept: each once whatever its case (the first spelling wins), sorted without regard to case. */
function tidyTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

function writeTags(tx: DbOrTx, minerId: number, tags: readonly string[]): void {
  tx.delete(minerTags).where(eq(minerTags.minerId, minerId)).run();
  if (tags.length)
    tx.insert(minerTags)
      .values(tags.map((tag) => ({ minerId, tag })))
      .run();
}

/** A miner's identifiers among its values. */
export const identityOf = (values: Pick<Editable, 'serial' | 'mac' | 'ip' | 'hostname'>) => ({
  serial: values.serial,
  mac: values.mac,
  ip: values.ip,
  hostname: values.hostname,
});
/** The values of a stored miner that people, imports and scans change. */
export const editableOf = (row: MinerRow): Editable => Object.fromEntries(editableKeys.map((key) => [key, row[key]])) as Editable;

/** The refusal of an asset ID another miner has (any case). */
export const assetIdTaken = (assetId: string) =>
  new AppError('CONFLICT', `Asset ID ${assetId} is already used by another miner. Choose another, or leave it empty to get the next free one.`, {
    assetId: 'is taken',
  });

/**
 * Adds one miner in the caller's transaction: a given asset ID must be free (any case), none gets the next
 * one of the facility's series (miners.asset-ids.ts). Opens its client assignment and identity history, and writes its audit row.
 */
export function insertMinerRecord(tx: DbOrTx, input: MinerCreateFields, actor: string, source: IdentitySource): MinerRow {
  const values = resolveValues(tx, blank, input, null);
  const assetId = input.assetId ?? nextAssetId(tx);
  const taken = holderOf(tx, miners.assetId, assetId, null);
  if (taken) throw assetIdTaken(taken.assetId);
  const now = new Date().toISOString();
  const row = tx
    .insert(miners)
    .values({ ...values, make: values.make ?? '', model: values.model ?? '', assetId, createdAt: now, updatedAt: now })
    .returning()
    .get();
  const tags = tidyTags(input.tags ?? []);
  writeTags(tx, row.id, tags);
  if (row.clientId !== null) tx.insert(minerClientAssignments).values({ minerId: row.id, clientId: row.clientId, fromAt: now }).run();
  recordIdentityChanges(tx, row.id, {}, identityOf(row), source, now);
  const { updatedAt: _updatedAt, ...after } = row;
  recordAudit(tx, { actor, action: 'miner.created', entity: 'miner', entityId: row.id, clientId: row.clientId, after: { ...after, tags } });
  return row;
}

export function createMinerRecord(db: DbOrTx, input: MinerCreateFields, actor: string): MinerDetail {
  return db.transaction((tx) => getMinerDetail(tx, insertMinerRecord(tx, input, actor, 'manual').id));
}

/**
 * Changes the given fields of one miner in the caller's transaction and writes one audit row with only
 * what changed. A client change closes and opens assignment rows at the same instant; identifiers go to
 * the identity history with `source`. Nothing changed: nothing is written.
 */
export function applyMinerChanges(tx: DbOrTx, id: number, input: Partial<MinerFieldValues>, actor: string, source: IdentitySource, extra: object = {}): void {
  const row = requireMiner(tx, id);
  const current = editableOf(row);
  const next = resolveValues(tx, current, input, id);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of editableKeys) {
    if (next[key] !== current[key]) {
      before[key] = current[key];
      after[key] = next[key];
    }
  }
  const tagsBefore = tagsOfMiners(tx, [id]).get(id) ?? [];
  const tagsAfter = input.tags === undefined ? tagsBefore : tidyTags(input.tags);
  if (tagsAfter.join('\n') !== tagsBefore.join('\n')) {
    before.tags = tagsBefore;
    after.tags = tagsAfter;
    writeTags(tx, id, tagsAfter);
  }
  if (Object.keys(after).length === 0) return;
  const now = new Date().toISOString();
  const retiring = next.state === 'retired' && current.state !== 'retired';
  refuseContractedMinerChanges(tx, [{ minerId: id, toClientId: 'clientId' in after ? next.clientId : undefined, retiring }], now);
  const { make, model, ...rest } = next;
  tx.update(miners)
    .set({ ...rest, make: make ?? row.make, model: model ?? row.model, updatedAt: now })
    .where(eq(miners.id, id))
    .run();
  if (next.clientId !== current.clientId) {
    tx.update(minerClientAssignments)
      .set({ toAt: now })
      .where(and(eq(minerClientAssignments.minerId, id), isNull(minerClientAssignments.toAt)))
      .run();
    if (next.clientId !== null) tx.insert(minerClientAssignments).values({ minerId: id, clientId: next.clientId, fromAt: now }).run();
  }
  recordIdentityChanges(tx, id, identityOf(current), identityOf(next), source, now);
  // A miner leaving for no client stays in its last client's activity.
  recordAudit(tx, {
    actor,
    action: 'miner.updated',
    entity: 'miner',
    entityId: id,
    clientId: next.clientId ?? current.clientId,
    before,
    after: { ...after, ...extra },
  });
}

export function updateMinerRecord(db: DbOrTx, input: ParsedInputOf<Contract['miners.update']>, actor: string): MinerDetail {
  const { id, assetId: _assetId, ...fields } = input;
  return db.transaction((tx) => {
    applyMinerChanges(tx, id, fields, actor, 'manual');
    return getMinerDetail(tx, id);
  });
}

/** Every IP, MAC, serial and hostname the miner had, and its client assignments; newest first. */
export function getMinerHistory(db: DbOrTx, id: number): MinerHistory {
  const { assignments } = getMinerDetail(db, id);
  const identity = db
    .select({
      kind: minerIdentityHistory.kind,
      value: minerIdentityHistory.value,
      fromAt: minerIdentityHistory.fromAt,
      toAt: minerIdentityHistory.toAt,
      source: minerIdentityHistory.source,
    })
    .from(minerIdentityHistory)
    .where(eq(minerIdentityHistory.minerId, id))
    .orderBy(desc(minerIdentityHistory.fromAt), desc(minerIdentityHistory.id))
    .all();
  return { identity, assignments };
}
