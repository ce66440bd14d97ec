import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { insertRows, prepared } from '../../../db/bulk';
import type { Db, DbOrTx } from '../../../db/open-db';
import { clients, minerEditBatches } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { MinerState } from '../../contract/miners';
import { undoWindowSeconds, type MassEditResult, type MinerChanges } from '../../contract/miners.edit';
import { counted } from '../../contract/words';
import { recordSerializedAuditRows, type SerializedAuditRow } from '../audit/record-audit';
import { requireOpenClient } from '../clients/clients.guards';
import { rackLabel, requireRack, requireRoom, requireSite, siteLabel } from '../sites/sites.guards';
import { matchingMinerIds } from './miners.list';

/** The miner columns a mass edit may change, as stored. */
type Editable = {
  clientId: number | null;
  paid: boolean;
  state: MinerState;
  siteId: number | null;
  rackId: number | null;
  rackPosition: number | null;
  notes: string;
};
type EditableKey = keyof Editable;
/** A miner as a plan reads it: only the columns the change concerns are filled (see columnsToRead). */
type MinerValues = Editable & { id: number };
/** Tags one edit put on and took off a miner, exactly as stored, so an undo reverses precisely those. */
type TagChange = { added: string[]; removed: string[] };
/** One miner's change: only the columns whose value differs (`changed` of them); clientId is the miner's client before it. */
type Plan = { id: number; clientId: number | null; before: Partial<Editable>; after: Partial<Editable>; changed: number; tags?: TagChange };

const editableKeys = ['clientId', 'paid', 'state', 'siteId', 'rackId', 'rackPosition', 'notes'] as const satisfies readonly EditableKey[];
const columnOf: Record<EditableKey, string> = {
  clientId: 'client_id',
  paid: 'paid',
  state: 'state',
  siteId: 'site_id',
  rackId: 'rack_id',
  rackPosition: 'rack_position',
  notes: 'notes',
};

/** Ids written into an `IN (…)` list: whole numbers read from the table only, checked. */
function idsText(ids: readonly number[]): string {
  if (!ids.every(Number.isSafeInteger)) throw new Error('idsText takes whole numbers only.');
  return ids.join(', ');
}

/** A JSON array of ids for `IN (SELECT value FROM json_each(?))`: one bound text, however many miners. */
const idList = (ids: readonly number[]) => JSON.stringify(ids);

/**
 * The columns a plan compares: those the change sets and those it decides from (the state follows the
 * client, the rack and position follow the site and rack). Reading only these keeps a wide notes column
 * out of an edit of ten thousand miners.
 */
function columnsToRead(setting: readonly EditableKey[], stateGiven: boolean): EditableKey[] {
  const keys = new Set<EditableKey>(['clientId', ...setting]);
  if (keys.has('clientId') && !stateGiven) keys.add('state');
  if (keys.has('siteId')) keys.add('rackId');
  if (keys.has('rackId')) keys.add('rackPosition');
  return editableKeys.filter((key) => keys.has(key));
}

/**
 * The listed miners' current values of `keys` (the others are left out); the whole edit fails, naming
 * them, when any was deleted meanwhile.
 */
function readMiners(db: Db, ids: readonly number[], keys: readonly EditableKey[]): MinerValues[] {
  const unique = [...new Set(ids)];
  const columns = keys.map((key) => `${columnOf[key]} AS ${key}`).join(', ');
  const rows = prepared(db.$client, `SELECT id, ${columns} FROM miners WHERE id IN (SELECT value FROM json_each(?))`).all(idList(unique)) as MinerValues[];
  if (keys.includes('paid')) for (const row of rows) row.paid = (row.paid as unknown) === 1;
  if (rows.length < unique.length) {
    const found = new Set(rows.map((row) => row.id));
    const missing = unique.filter((id) => !found.has(id));
    const named = missing.slice(0, 10).map((id) => `#${id}`);
    const more = missing.length > 10 ? ` and ${missing.length - 10} more` : '';
    throw new AppError(
      'NOT_FOUND',
      `${missing.length === 1 ? 'Miner' : 'Miners'} ${named.join(', ')}${more} no longer exist${missing.length === 1 ? 's' : ''}, so nothing was changed. Refresh the miners list and try again.`,
    );
  }
  return rows;
}

/** The tags of the miners, as stored. */
function readTags(db: Db, ids: readonly number[]): Map<number, string[]> {
  const byMiner = new Map<number, string[]>();
  const rows = prepared(db.$client, 'SELECT miner_id, tag FROM miner_tags WHERE miner_id IN (SELECT value FROM json_each(?))').raw().all(idList(ids)) as [
    number,
    string,
  ][];
  for (const [minerId, tag] of rows) byMiner.set(minerId, [...(byMiner.get(minerId) ?? []), tag]);
  return byMiner;
}

/** What adding and removing tags does to one miner's tags; a tag is the same tag whatever its case. */
function tagChange(current: readonly string[], add: readonly string[], remove: readonly string[]): TagChange {
  const lower = (tag: string) => tag.toLowerCase();
  const removing = new Set(remove.map(lower));
  const removed = current.filter((tag) => removing.has(lower(tag)));
  const kept = new Set(current.filter((tag) => !removing.has(lower(tag))).map(lower));
  const added: string[] = [];
  for (const tag of add) {
    if (kept.has(lower(tag)) || removing.has(lower(tag))) continue;
    kept.add(lower(tag));
    added.push(tag);
  }
  return { added, removed };
}

const tagsAfter = (current: readonly string[], change: TagChange) => [...current.filter((tag) => !change.removed.includes(tag)), ...change.added];

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

/** Per miner, the values the changes lead to; a new site or rack leaves the position empty to be set on the floor. */
function planChanges(miner: MinerValues, target: Partial<Editable>, stateGiven: boolean, keys: readonly EditableKey[]): Plan {
  const next: Editable = { ...miner, ...target };
  if (target.siteId !== undefined && target.rackId === undefined && target.siteId !== miner.siteId) next.rackId = null;
  if (next.rackId !== miner.rackId) next.rackPosition = null;
  // Like a single reassignment: the client decides assigned/unassigned, but an RMA or retired machine keeps its state.
  if (!stateGiven && target.clientId !== undefined && (miner.state === 'assigned' || miner.state === 'unassigned' || miner.state === 'staged')) {
    next.state = target.clientId === null ? 'unassigned' : 'assigned';
  }
  return diff(miner, next, keys);
}

/** The keys whose value differs, before and after; `keys` are the columns read. */
function diff(miner: MinerValues, next: Editable, keys: readonly EditableKey[]): Plan {
  // Plain property writes: run for every miner of an edit of thousands, so no object per changed key.
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let changed = 0;
  for (const key of keys) {
    if (next[key] !== miner[key]) {
      before[key] = miner[key];
      after[key] = next[key];
      changed += 1;
    }
  }
  return { id: miner.id, clientId: miner.clientId, before: before as Partial<Editable>, after: after as Partial<Editable>, changed };
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

const isChange = (plan: Plan) => plan.changed > 0 || (plan.tags !== undefined && plan.tags.added.length + plan.tags.removed.length > 0);

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
 * Writes the planned values, closes and opens assignment rows for client moves at `at`, puts tags on and
 * takes them off, and records one audit row per miner. Miners with the same new values share one UPDATE
 * (an edit: one; an undo: one per distinct set of old values), and so do their assignment rows.
 * Returns each plan's `before` as JSON: made once here for the audit log, the undo batch reuses it.
 */
function applyPlans(db: Db, plans: readonly Plan[], at: string, actor: string, action: string, tagsBefore: Map<number, string[]>): string[] {
  const sqlite = db.$client;
  refuseTakenPositions(db, plans);
  // Each before and after serialised once: the after is also the key that groups identical changes.
  const beforeJson = plans.map((plan) => JSON.stringify(plan.before));
  const afterJson = plans.map((plan) => JSON.stringify(plan.after));
  const byAfter = new Map<string, Plan[]>();
  plans.forEach((plan, i) => {
    if (plan.changed === 0) return;
    const group = byAfter.get(afterJson[i]);
    if (group) group.push(plan);
    else byAfter.set(afterJson[i], [plan]);
  });
  const updates = [...byAfter.values()];
  const moves = [
    ...groupBy(
      plans.filter((plan) => plan.after.clientId !== undefined),
      (plan) => plan.after.clientId ?? null,
    ),
  ];
  // An edit writes one or two groups: ids written into the text update fastest by rowid. An undo may restore
  // hundreds of different values; then one cached statement per shape, fed a JSON id list, beats preparing each.
  const fewGroups = updates.length + moves.length <= 8;
  const inList = (ids: number[]) => (fewGroups ? { text: idsText(ids), args: [] } : { text: 'SELECT value FROM json_each(?)', args: [idList(ids)] });
  const run = (text: string, args: unknown[]) => (fewGroups ? sqlite.prepare(text) : prepared(sqlite, text)).run(...args);
  for (const group of updates) {
    const keys = Object.keys(group[0].after) as EditableKey[];
    const ids = inList(group.map((plan) => plan.id));
    const values = keys.map((key) => bound(group[0].after[key] as Editable[EditableKey]));
    run(`UPDATE miners SET ${keys.map((key) => `${columnOf[key]} = ?`).join(', ')}, updated_at = ? WHERE id IN (${ids.text})`, [...values, at, ...ids.args]);
  }
  for (const [clientId, group] of moves) {
    const ids = inList(group.map((plan) => plan.id));
    run(`UPDATE miner_client_assignments SET to_at = ? WHERE to_at IS NULL AND miner_id IN (${ids.text})`, [at, ...ids.args]);
    if (clientId !== null)
      run(`INSERT INTO miner_client_assignments (miner_id, client_id, from_at) SELECT id, ?, ? FROM miners WHERE id IN (${ids.text})`, [
        clientId,
        at,
        ...ids.args,
      ]);
  }
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
    const tagging = addTags.length + removeTags.length > 0;
    const tagsBefore = tagging ? readTags(db, ids) : new Map<number, string[]>();
    const plans = current
      .map((miner) => {
        const plan = planChanges(miner, target, stateGiven, keys);
        return tagging ? { ...plan, tags: tagChange(tagsBefore.get(miner.id) ?? [], addTags, removeTags) } : plan;
      })
      .filter(isChange);
    const at = now.toISOString();
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
    applyPlans(db, plans, at, actor, 'miner.mass_edit_undone', tagsNow);
    tx.update(minerEditBatches).set({ undoneAt: at }).where(eq(minerEditBatches.token, undoToken)).run();
    return { restored: plans.length };
  });
}
