import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import { AppError } from '../../contract/errors';
import type { MinerState } from '../../contract/miners';

/** The miner columns a mass edit may change, as stored. */
export type Editable = {
  clientId: number | null;
  paid: boolean;
  state: MinerState;
  siteId: number | null;
  rackId: number | null;
  rackPosition: number | null;
  notes: string;
};
export type EditableKey = keyof Editable;
/** A miner as a plan reads it: only the columns the change concerns are filled (see columnsToRead). */
export type MinerValues = Editable & { id: number };
/** Tags one edit put on and took off a miner, exactly as stored, so an undo reverses precisely those. */
export type TagChange = { added: string[]; removed: string[] };
/** One miner's change: only the columns whose value differs (`changed` of them); clientId is the miner's client before it. */
export type Plan = { id: number; clientId: number | null; before: Partial<Editable>; after: Partial<Editable>; changed: number; tags?: TagChange };

export const editableKeys = ['clientId', 'paid', 'state', 'siteId', 'rackId', 'rackPosition', 'notes'] as const satisfies readonly EditableKey[];
export const columnOf: Record<EditableKey, string> = {
  clientId: 'client_id',
  paid: 'paid',
  state: 'state',
  siteId: 'site_id',
  rackId: 'rack_id',
  rackPosition: 'rack_position',
  notes: 'notes',
};

/** A JSON array of ids for `IN (SELECT value FROM json_each(?))`: one bound text, however many miners. */
export const idList = (ids: readonly number[]) => JSON.stringify(ids);

/**
 * The columns a plan compares: those the change sets and those it decides from (the state follows the
 * client, the rack and position follow the site and rack). Reading only these keeps a wide notes column
 * out of an edit of ten thousand miners.
 */
export function columnsToRead(setting: readonly EditableKey[], stateGiven: boolean): EditableKey[] {
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
export function readMiners(db: Db, ids: readonly number[], keys: readonly EditableKey[]): MinerValues[] {
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
export function readTags(db: Db, ids: readonly number[]): Map<number, string[]> {
  const byMiner = new Map<number, string[]>();
  const rows = prepared(db.$client, 'SELECT miner_id, tag FROM miner_tags WHERE miner_id IN (SELECT value FROM json_each(?))').raw().all(idList(ids)) as [
    number,
    string,
  ][];
  for (const [minerId, tag] of rows) byMiner.set(minerId, [...(byMiner.get(minerId) ?? []), tag]);
  return byMiner;
}

/** What adding and removing tags does to one miner's tags; a tag is the same tag whatever its case. */
export function tagChange(current: readonly string[], add: readonly string[], remove: readonly string[]): TagChange {
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

export const tagsAfter = (current: readonly string[], change: TagChange) => [...current.filter((tag) => !change.removed.includes(tag)), ...change.added];

/**
 * Per miner, the values the changes lead to; a new site or rack leaves the position empty to be set on the floor.
 * Every value an edit changes is the same for all miners (the target, or the null or state that follows from it),
 * so miners changing the same columns share one `after` object from `shared`, serialised once.
 */
export function planChanges(
  miner: MinerValues,
  target: Partial<Editable>,
  stateGiven: boolean,
  keys: readonly EditableKey[],
  shared: Map<number, Partial<Editable>>,
): Plan {
  const next: Editable = { ...miner, ...target };
  if (target.siteId !== undefined && target.rackId === undefined && target.siteId !== miner.siteId) next.rackId = null;
  if (next.rackId !== miner.rackId) next.rackPosition = null;
  // Like a single reassignment: the client decides assigned/unassigned, but an RMA or retired machine keeps its state.
  if (!stateGiven && target.clientId !== undefined && (miner.state === 'assigned' || miner.state === 'unassigned' || miner.state === 'staged')) {
    next.state = target.clientId === null ? 'unassigned' : 'assigned';
  }
  return diff(miner, next, keys, shared);
}

/**
 * The keys whose value differs, before and after; `keys` are the columns read. With `shared`, plans changing
 * the same keys get one `after` object: only for an edit, whose new values are the same for every miner.
 */
export function diff(miner: MinerValues, next: Editable, keys: readonly EditableKey[], shared?: Map<number, Partial<Editable>>): Plan {
  // Plain property writes: run for every miner of an edit of thousands, so no object per changed key.
  const before: Record<string, unknown> = {};
  let changedKeys = 0;
  let changed = 0;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    if (next[key] !== miner[key]) {
      before[key] = miner[key];
      changedKeys |= 1 << i;
      changed += 1;
    }
  }
  let after = shared?.get(changedKeys);
  if (!after) {
    const values: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i += 1) if (changedKeys & (1 << i)) values[keys[i]] = next[keys[i]];
    after = values as Partial<Editable>;
    shared?.set(changedKeys, after);
  }
  return { id: miner.id, clientId: miner.clientId, before: before as Partial<Editable>, after, changed };
}

/** An edit marking miners assigned must leave each of them with a client: refused, naming how many would have none. */
export function refuseAssignedWithoutClient(miners: readonly MinerValues[], target: Partial<Editable>): void {
  if (target.state !== 'assigned' || target.clientId) return;
  const without = miners.filter((miner) => (target.clientId === undefined ? miner.clientId : target.clientId) === null).length;
  if (without === 0) return;
  const which = without === miners.length ? (without === 1 ? 'The miner has' : `All ${without} miners have`) : `${without} of the ${miners.length} miners have`;
  throw new AppError(
    'INVALID_INPUT',
    `${which} no client, so they cannot be marked Assigned. Choose a client in the same edit, or leave those miners out. Nothing was changed.`,
    {
      state: 'needs a client for every miner',
    },
  );
}

export const isChange = (plan: Plan) => plan.changed > 0 || (plan.tags !== undefined && plan.tags.added.length + plan.tags.removed.length > 0);
