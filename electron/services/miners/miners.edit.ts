import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { inIds, prepared } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { Db, DbOrTx } from '../../../db/open-db';
import { clients, minerEditBatches, miners } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { MinerState } from '../../contract/miners';
import { undoWindowSeconds, type MassEditResult, type MinerChanges } from '../../contract/miners.edit';
import { counted } from '../../contract/words';
import { recordManyAuditRows } from '../audit/record-audit';
import { requireOpenClient } from '../clients/clients.guards';
import { rackLabel, requireRack, requireRoom, requireSite, siteLabel } from '../sites/sites.guards';
import { matchingMinerIds } from './miners.list';

/** The columns a mass edit may change, as stored. */
type Editable = { clientId: number | null; paid: boolean; state: MinerState; siteId: number | null; rackId: number | null; rackPosition: number | null };
type EditableKey = keyof Editable;
type MinerValues = Editable & { id: number };
/** One miner's change: only the columns whose value differs; clientId is the miner's client before it. */
type Plan = { id: number; clientId: number | null; before: Partial<Editable>; after: Partial<Editable> };

const editableKeys = ['clientId', 'paid', 'state', 'siteId', 'rackId', 'rackPosition'] as const satisfies readonly EditableKey[];

const editableColumns = {
  id: miners.id,
  clientId: miners.clientId,
  paid: miners.paid,
  state: miners.state,
  siteId: miners.siteId,
  rackId: miners.rackId,
  rackPosition: miners.rackPosition,
};

/** The listed miners' current values; the whole edit fails, naming them, when any was deleted meanwhile. */
function readMiners(tx: DbOrTx, ids: readonly number[]): MinerValues[] {
  const unique = [...new Set(ids)];
  const rows = inChunks(unique, 5_000).flatMap((chunk) => tx.select(editableColumns).from(miners).where(inIds(miners.id, chunk)).all());
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
function planChanges(miner: MinerValues, target: Partial<Editable>, stateGiven: boolean): Plan {
  const next: Editable = { ...miner, ...target };
  if (target.siteId !== undefined && target.rackId === undefined && target.siteId !== miner.siteId) next.rackId = null;
  if (next.rackId !== miner.rackId) next.rackPosition = null;
  // Like a single reassignment: the client decides assigned/unassigned, but an RMA or retired machine keeps its state.
  if (!stateGiven && target.clientId !== undefined && (miner.state === 'assigned' || miner.state === 'unassigned' || miner.state === 'staged')) {
    next.state = target.clientId === null ? 'unassigned' : 'assigned';
  }
  return diff(miner, next);
}

function diff(miner: MinerValues, next: Editable): Plan {
  const plan: Plan = { id: miner.id, clientId: miner.clientId, before: {}, after: {} };
  for (const key of editableKeys) {
    if (next[key] !== miner[key]) {
      Object.assign(plan.before, { [key]: miner[key] });
      Object.assign(plan.after, { [key]: next[key] });
    }
  }
  return plan;
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

const isChange = (plan: Plan) => Object.keys(plan.after).length > 0;

/** A miner column as SQLite takes it: booleans are 0 or 1. */
const bound = (value: Editable[EditableKey]) => (typeof value === 'boolean' ? Number(value) : value);

/**
 * Writes the planned values, closes and opens assignment rows for client moves at `at`, and records one
 * audit row per miner. Miners with the same new values share one UPDATE (an edit: one; an undo: one per
 * distinct set of old values); assignment rows go through prepared statements run per miner.
 */
function applyPlans(db: Db, plans: readonly Plan[], at: string, actor: string, action: string): void {
  const sqlite = db.$client;
  for (const group of groupBy(plans, (plan) => JSON.stringify(plan.after)).values()) {
    const keys = Object.keys(group[0].after) as EditableKey[];
    const ids = group.map((plan) => plan.id).join(', '); // whole numbers read from the table
    sqlite
      .prepare(`UPDATE miners SET ${keys.map((key) => `${miners[key].name} = ?`).join(', ')}, updated_at = ? WHERE id IN (${ids})`)
      .run(...keys.map((key) => bound(group[0].after[key] as Editable[EditableKey])), at);
  }
  const close = prepared(sqlite, 'UPDATE miner_client_assignments SET to_at = ? WHERE miner_id = ? AND to_at IS NULL');
  const open = prepared(sqlite, 'INSERT INTO miner_client_assignments (miner_id, client_id, from_at) VALUES (?, ?, ?)');
  for (const plan of plans) {
    if (plan.after.clientId === undefined) continue;
    close.run(at, plan.id);
    if (plan.after.clientId !== null) open.run(plan.id, plan.after.clientId, at);
  }
  recordManyAuditRows(
    db,
    plans.map((plan) => ({
      actor,
      action,
      entity: 'miner',
      entityId: plan.id,
      // A miner leaving for no client stays in its last client's activity.
      clientId: plan.after.clientId ?? plan.clientId,
      before: plan.before,
      after: plan.after,
    })),
  );
}

/** Takes the Db, not a transaction: the audit rows go through prepared statements on its connection. */
export function massEditMiners(db: Db, input: ParsedInputOf<Contract['miners.massEdit']>, actor: string, now: Date): MassEditResult {
  return db.transaction((tx) => {
    const ids = input.minerIds ?? (input.filter ? matchingMinerIds(tx, input.filter) : []);
    if (ids.length === 0) throw new AppError('NOT_FOUND', 'No miner matches the filter, so nothing was changed. Clear a filter and try again.');
    const { clientEmail: _email, ...changes } = input.changes;
    const target: Partial<Editable> = { ...changes, clientId: resolveClientId(tx, input.changes), ...resolvePlace(tx, input.changes) };
    for (const key of Object.keys(target) as EditableKey[]) if (target[key] === undefined) delete target[key];
    const current = readMiners(tx, ids);
    const plans = current.map((miner) => planChanges(miner, target, input.changes.state !== undefined)).filter(isChange);
    const at = now.toISOString();
    applyPlans(db, plans, at, actor, 'miner.mass_edited');
    const undoToken = randomUUID();
    tx.insert(minerEditBatches)
      .values({ token: undoToken, createdAt: at, actor, beforeJson: JSON.stringify(plans.map(({ id, before }) => ({ id, before }))) })
      .run();
    return { changed: plans.length, undoToken };
  });
}

/** Puts back the values a mass edit replaced, as a new audited change; refused after the undo window or a second time. */
export function undoMassEdit(db: Db, undoToken: string, actor: string, now: Date): { restored: number } {
  return db.transaction((tx) => {
    const batch = tx.select().from(minerEditBatches).where(eq(minerEditBatches.token, undoToken)).get();
    if (!batch) throw new AppError('NOT_FOUND', 'This mass edit cannot be undone: its undo token is unknown. Edit the miners again to change them back.');
    const saved = JSON.parse(batch.beforeJson) as { id: number; before: Partial<Editable> }[];
    if (batch.undoneAt) throw new AppError('CONFLICT', `This mass edit of ${counted(saved.length, 'miner')} was already undone.`);
    if (now.getTime() - Date.parse(batch.createdAt) > undoWindowSeconds * 1000) {
      throw new AppError(
        'CONFLICT',
        `The undo window of ${undoWindowSeconds} seconds has passed, so the edit of ${counted(saved.length, 'miner')} stays. Edit the miners again to change them back.`,
      );
    }
    const current = new Map(
      readMiners(
        tx,
        saved.map((s) => s.id),
      ).map((miner) => [miner.id, miner]),
    );
    const plans = saved
      .map(({ id, before }) => {
        const miner = current.get(id) as MinerValues;
        return diff(miner, { ...miner, ...before });
      })
      .filter(isChange);
    const at = now.toISOString();
    applyPlans(db, plans, at, actor, 'miner.mass_edit_undone');
    tx.update(minerEditBatches).set({ undoneAt: at }).where(eq(minerEditBatches.token, undoToken)).run();
    return { restored: plans.length };
  });
}
