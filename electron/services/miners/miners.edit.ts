import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { and, eq, isNull } from 'drizzle-orm';
import { insertRows, prepared } from '../../../db/bulk';
import type { Db, DbOrTx } from '../../../db/open-db';
import { clients, minerEditBatches } from '../../../db/schema';
import type { Contract } from '../../contract';
import { refuseContractedMinerChanges } from '../contracts/contracts.miner-guard';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { undoWindowSeconds, type MassEditResult, type MinerChanges } from '../../contract/miners.edit';
import { counted } from '../../contract/words';
import { recordSerializedAuditRows, type SerializedAuditRow } from '../audit/record-audit';
import { requireOpenClient } from '../clients/clients.guards';
import { rackLabel, requireRack, requireRoom, requireSite, siteLabel } from '../sites/sites.guards';
import {
  columnOf,
  columnsToRead,
  diff,
  editableKeys,
  idList,
  isChange,
  planChanges,
  readMiners,
  readTags,
  refuseAssignedWithoutClient,
  tagChange,
  tagsAfter,
  type Editable,
  type EditableKey,
  type MinerValues,
  type Plan,
  type TagChange,
} from './miners.edit.plan';
import { matchingMinerIds } from './miners.list';

/** Ids written into an `IN (…)` list: whole numbers read from the table only, checked. */
function idsText(ids: readonly number[]): string {
  if (!ids.every(Number.isSafeInteger)) throw new Error('idsText takes whole numbers only.');
  return ids.join(', ');
}

/** The requested client, by id or by contact e-mail; archived clients cannot receive miners. */
function resolveClientId(tx: DbOrTx, changes: MinerChanges): number | null | undefined {
  if (changes.clientEmail === undefined)
    return changes.clientId === undefined || changes.clientId === null ? changes.clientId : requireOpenClient(tx, changes.clientId).id;
  const client = tx
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.contactEmail, changes.clientEmail), isNull(clients.archivedAt)))
    .get();
  if (!client)
    throw new AppError('NOT_FOUND', `No client has the e-mail ${changes.clientEmail}. Check the address, or create the client first.`, {
      clientEmail: 'no client has it',
    });
  return client.id;
}

/** The site the miners go to: the rack's site when a rack is given, which must be the given site when both are. */
function resolvePlace(tx: DbOrTx, changes: MinerChanges): { siteId?: number | null; rackId?: number | null } {
  if (changes.rackId === undefined || changes.rackId === null) {
    if (changes.siteId) requireSite(tx, changes.siteId);
    return { siteId: changes.siteId, rackId: changes.rackId };
  }
  const rack = requireRack(tx, changes.rackId);
  const rackSiteId = requireRoom(tx, rack.roomId).siteId;
  if (changes.siteId !== undefined && changes.siteId !== rackSiteId) {
    const chosen = changes.siteId === null ? 'no site' : siteLabel(requireSite(tx, changes.siteId));
    throw new AppError('INVALID_INPUT', `${rackLabel(rack)} is in ${siteLabel(requireSite(tx, rackSiteId))}, not in ${chosen}. Choose a rack of that site.`, {
      rackId: 'is not in the chosen site',
    });
  }
  return { siteId: rackSiteId, rackId: rack.id };
}

/** Map.groupBy, which the compile target does not have yet. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A miner column as SQLite takes it: booleans are 0 or 1. */
const bound = (value: Editable[EditableKey]) => (typeof value === 'boolean' ? Number(value) : value);

/** A plan that puts miners into rack positions other miners hold now (an undo after the floor changed) is refused, naming them. */
function refuseTakenPositions(db: Db, plans: readonly Plan[]): void {
  const placing = plans.filter((plan) => plan.after.rackPosition != null);
  if (!placing.length) return;
  const holders = prepared(
    db.$client,
    `SELECT m.id, m.asset_id, m.rack_position, r.name FROM json_each(?) AS wanted
       JOIN miners AS m ON m.rack_id = json_extract(wanted.value, '$[1]') AND m.rack_position = json_extract(wanted.value, '$[2]')
       JOIN racks AS r ON r.id = m.rack_id
      WHERE m.id <> json_extract(wanted.value, '$[0]')`,
  )
    .raw()
    .all(JSON.stringify(placing.map((plan) => [plan.id, plan.after.rackId ?? null, plan.after.rackPosition]))) as [number, string, number, string][];
  // A holder that this same change moves out of its position frees it.
  const leaving = new Set(plans.filter((plan) => plan.after.rackPosition !== undefined).map((plan) => plan.id));
  const blocking = holders.filter(([id]) => !leaving.has(id));
  if (!blocking.length) return;
  const named = blocking.slice(0, 5).map(([, assetId, position, rack]) => `${rack} position ${position} (now ${assetId})`);
  const more = blocking.length > 5 ? ` and ${blocking.length - 5} more` : '';
  throw new AppError(
    'CONFLICT',
    `Other miners have taken ${named.join(', ')}${more} since, so nothing was changed. Move those miners first, or place these miners again by hand.`,
  );
}

/**
 * An edit writes one or two sets of values: one UPDATE per set with the ids written into the text, which
 * updates fastest by rowid, and the assignment rows of each new client the same way.
 */
function writeFewValues(sqlite: Database.Database, updates: readonly Plan[][], moves: Map<number | null, Plan[]>, at: string): void {
  for (const group of updates) {
    const keys = Object.keys(group[0].after) as EditableKey[];
    const values = keys.map((key) => bound(group[0].after[key] as Editable[EditableKey]));
    const sets = keys.map((key) => `${columnOf[key]} = ?`).join(', ');
    sqlite.prepare(`UPDATE miners SET ${sets}, updated_at = ? WHERE id IN (${idsText(group.map((plan) => plan.id))})`).run(...values, at);
  }
  for (const [clientId, group] of moves) {
    const ids = idsText(group.map((plan) => plan.id));
    sqlite.prepare(`UPDATE miner_client_assignments SET to_at = ? WHERE to_at IS NULL AND miner_id IN (${ids})`).run(at);
    if (clientId !== null)
      sqlite.prepare(`INSERT INTO miner_client_assignments (miner_id, client_id, from_at) SELECT id, ?, ? FROM miners WHERE id IN (${ids})`).run(clientId, at);
  }
}

/**
 * An undo puts back hundreds of different values: one cached statement per set of columns, each miner's
 * values read from one JSON text (`[id, value…]` per miner), and the assignment rows of all moves at once.
 */
function writeManyValues(sqlite: Database.Database, changed: readonly Plan[], moving: readonly Plan[], at: string): void {
  for (const group of groupBy(changed, (plan) => Object.keys(plan.after).join(' ')).values()) {
    const keys = Object.keys(group[0].after) as EditableKey[];
    const sets = keys.map((key, i) => `${columnOf[key]} = w.value ->> ${i + 1}`).join(', ');
    const rows = group.map((plan) => [plan.id, ...keys.map((key) => bound(plan.after[key] as Editable[EditableKey]))]);
    prepared(sqlite, `UPDATE miners SET ${sets}, updated_at = ? FROM json_each(?) AS w WHERE miners.id = w.value ->> 0`).run(at, JSON.stringify(rows));
  }
  if (moving.length === 0) return;
  const ids = idList(moving.map((plan) => plan.id));
  prepared(sqlite, 'UPDATE miner_client_assignments SET to_at = ? WHERE to_at IS NULL AND miner_id IN (SELECT value FROM json_each(?))').run(at, ids);
  const clients = JSON.stringify(moving.map((plan) => [plan.id, plan.after.clientId ?? null]));
  prepared(
    sqlite,
    'INSERT INTO miner_client_assignments (miner_id, client_id, from_at) SELECT value ->> 0, value ->> 1, ? FROM json_each(?) WHERE value ->> 1 IS NOT NULL',
  ).run(at, clients);
}

/**
 * Writes the planned values, closes and opens assignment rows for client moves at `at`, puts tags on and
 * takes them off, and records one audit row per miner. Miners with the same new values share one UPDATE
 * (an edit: one or two); when there are many sets of values (an undo), miners changing the same columns do.
 * Returns each plan's `before` as JSON: made once here for the audit log, the undo batch reuses it.
 */
function applyPlans(db: Db, plans: readonly Plan[], at: string, actor: string, action: string, tagsBefore: Map<number, string[]>): string[] {
  const sqlite = db.$client;
  refuseTakenPositions(db, plans);
  // Each before and after serialised once (an after shared by many plans once for all): the after is also the key that groups identical changes.
  const beforeJson = plans.map((plan) => JSON.stringify(plan.before));
  const afterText = new Map<object, string>();
  const afterJson = plans.map((plan) => {
    let text = afterText.get(plan.after);
    if (text === undefined) afterText.set(plan.after, (text = JSON.stringify(plan.after)));
    return text;
  });
  const byAfter = new Map<string, Plan[]>();
  plans.forEach((plan, i) => {
    if (plan.changed === 0) return;
    const group = byAfter.get(afterJson[i]);
    if (group) group.push(plan);
    else byAfter.set(afterJson[i], [plan]);
  });
  const updates = [...byAfter.values()];
  const moving = plans.filter((plan) => plan.after.clientId !== undefined);
  const moves = groupBy(moving, (plan) => plan.after.clientId ?? null);
  if (updates.length + moves.size <= 8) writeFewValues(sqlite, updates, moves, at);
  else writeManyValues(sqlite, updates.flat(), moving, at);
  const untag = prepared(sqlite, 'DELETE FROM miner_tags WHERE miner_id = ? AND tag = ?');
  const tagRows: [number, string][] = [];
  for (const plan of plans) {
    for (const tag of plan.tags?.removed ?? []) untag.run(plan.id, tag);
    for (const tag of plan.tags?.added ?? []) tagRows.push([plan.id, tag]);
  }
  insertRows(sqlite, 'miner_tags', ['miner_id', 'tag'], tagRows);
  recordSerializedAuditRows(
    db,
    { actor, action, entity: 'miner' },
    plans.map((plan, i): SerializedAuditRow => {
      // A miner leaving for no client stays in its last client's activity.
      const clientId = plan.after.clientId ?? plan.clientId;
      const tags = plan.tags;
      if (!tags || tags.added.length + tags.removed.length === 0) return { entityId: plan.id, clientId, beforeJson: beforeJson[i], afterJson: afterJson[i] };
      const current = tagsBefore.get(plan.id) ?? [];
      const before = JSON.stringify({ ...plan.before, tags: current });
      return { entityId: plan.id, clientId, beforeJson: before, afterJson: JSON.stringify({ ...plan.after, tags: tagsAfter(current, tags) }) };
    }),
  );
  return beforeJson;
}

/** The undo batch as JSON, `[{ id, before, tags? }, …]`, put together from the befores already serialised for the audit log. */
function undoBatchJson(plans: readonly Plan[], beforeJson: readonly string[]): string {
  const items = plans.map((plan, i) => `{"id":${plan.id},"before":${beforeJson[i]}${plan.tags ? `,"tags":${JSON.stringify(plan.tags)}` : ''}}`);
  return `[${items.join(',')}]`;
}

/** Takes the Db, not a transaction: the writes go through prepared statements on its connection. */
export function massEditMiners(db: Db, input: ParsedInputOf<Contract['miners.massEdit']>, actor: string, now: Date): MassEditResult {
  return db.transaction((tx) => {
    const ids = input.minerIds ?? (input.filter ? matchingMinerIds(tx, input.filter) : []);
    if (ids.length === 0) throw new AppError('NOT_FOUND', 'No miner matches the filter, so nothing was changed. Clear a filter and try again.');
    const { clientEmail: _email, addTags = [], removeTags = [], ...changes } = input.changes;
    const target: Partial<Editable> = { ...changes, clientId: resolveClientId(tx, input.changes), ...resolvePlace(tx, input.changes) };
    for (const key of Object.keys(target) as EditableKey[]) if (target[key] === undefined) delete target[key];
    const stateGiven = input.changes.state !== undefined;
    const keys = columnsToRead(Object.keys(target) as EditableKey[], stateGiven);
    const current = readMiners(db, ids, keys);
    refuseAssignedWithoutClient(current, target);
    const tagging = addTags.length + removeTags.length > 0;
    const tagsBefore = tagging ? readTags(db, ids) : new Map<number, string[]>();
    const shared = new Map<number, Partial<Editable>>();
    const plans = current
      .map((miner) => {
        const plan = planChanges(miner, target, stateGiven, keys, shared);
        return tagging ? { ...plan, tags: tagChange(tagsBefore.get(miner.id) ?? [], addTags, removeTags) } : plan;
      })
      .filter(isChange);
    const at = now.toISOString();
    refuseContractedMinerChanges(
      tx,
      plans.map((plan) => ({ minerId: plan.id, toClientId: plan.after.clientId, retiring: plan.after.state === 'retired' })),
      at,
    );
    const beforeJson = applyPlans(db, plans, at, actor, 'miner.mass_edited', tagsBefore);
    const undoToken = randomUUID();
    tx.insert(minerEditBatches)
      .values({ token: undoToken, createdAt: at, actor, beforeJson: undoBatchJson(plans, beforeJson) })
      .run();
    return { changed: plans.length, undoToken };
  });
}

/** Puts back the values a mass edit replaced, as a new audited change; refused after the undo window or a second time. */
export function undoMassEdit(db: Db, undoToken: string, actor: string, now: Date): { restored: number } {
  return db.transaction((tx) => {
    const batch = tx.select().from(minerEditBatches).where(eq(minerEditBatches.token, undoToken)).get();
    if (!batch) throw new AppError('NOT_FOUND', 'This mass edit cannot be undone: its undo token is unknown. Edit the miners again to change them back.');
    const saved = JSON.parse(batch.beforeJson) as { id: number; before: Partial<Editable>; tags?: TagChange }[];
    if (batch.undoneAt) throw new AppError('CONFLICT', `This mass edit of ${counted(saved.length, 'miner')} was already undone.`);
    if (now.getTime() - Date.parse(batch.createdAt) > undoWindowSeconds * 1000) {
      throw new AppError(
        'CONFLICT',
        `The undo window of ${undoWindowSeconds} seconds has passed, so the edit of ${counted(saved.length, 'miner')} stays. Edit the miners again to change them back.`,
      );
    }
    const ids = saved.map((s) => s.id);
    // The client always: a miner's audit row names it.
    const keys = editableKeys.filter((key) => key === 'clientId' || saved.some((s) => key in s.before));
    const current = new Map(readMiners(db, ids, keys).map((miner) => [miner.id, miner]));
    const tagsNow = saved.some((s) => s.tags) ? readTags(db, ids) : new Map<number, string[]>();
    const plans = saved
      .map(({ id, before, tags }): Plan => {
        const miner = current.get(id) as MinerValues;
        const plan = diff(miner, { ...miner, ...before }, keys);
        if (!tags) return plan;
        const has = tagsNow.get(id) ?? [];
        // Reverse exactly what the edit did, as far as it still holds.
        return { ...plan, tags: { added: tags.removed.filter((tag) => !has.includes(tag)), removed: tags.added.filter((tag) => has.includes(tag)) } };
      })
      .filter(isChange);
    const at = now.toISOString();
    refuseContractedMinerChanges(
      tx,
      plans.map((plan) => ({ minerId: plan.id, toClientId: plan.after.clientId, retiring: plan.after.state === 'retired' })),
      at,
    );
    applyPlans(db, plans, at, actor, 'miner.mass_edit_undone', tagsNow);
    tx.update(minerEditBatches).set({ undoneAt: at }).where(eq(minerEditBatches.token, undoToken)).run();
    return { restored: plans.length };
  });
}
