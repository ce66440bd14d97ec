import { inIds } from '../../../../db/bulk';
import { inChunks } from '../../../../db/chunks';
import type { DbOrTx } from '../../../../db/open-db';
import { miners } from '../../../../db/schema';
import type { MinerState } from '../../../contract/miners';
import { importClearMarker, type ImportAction } from '../../../contract/miners.import';
import { tagsOfMiners } from '../miners.list';
import { normaliseMac } from '../../../contract/miners.records';
import { assetIdAllocator } from '../miners.asset-ids';
import type { RowValues } from './import.cells';
import type { ImportContext, ModelRef, RackRef } from './import.context';
import type { MatchedRow } from './import.match';

/** The miner columns an import writes. */
export type MinerColumns = {
  ip: string | null;
  mac: string | null;
  serial: string | null;
  hostname: string | null;
  make: string;
  model: string;
  modelId: number | null;
  firmware: string | null;
  workerName: string | null;
  notes: string;
  siteId: number | null;
  rackId: number | null;
  rackPosition: number | null;
  clientId: number | null;
  paid: boolean;
  state: MinerState;
};
export type CurrentMiner = MinerColumns & { id: number; assetId: string };

/** A client the file creates: its e-mail, the name its Client column gives ("" when none) and how many rows go to it. */
export type PlannedNewClient = { email: string; nameInFile: string; rows: number };

/** What a commit does for one row: for updates only the changed columns; `newClientEmail` names a client the commit creates first. */
export type PlannedRow = {
  row: number;
  action: ImportAction;
  errors: string[];
  minerId: number | null;
  assetId: string | null;
  before: Partial<MinerColumns>;
  after: Partial<MinerColumns>;
  newClientEmail: string | null;
  /** The matched miner's client before the import. */
  clientIdNow: number | null;
  tagsBefore: string[];
  /** Null when the tags stay as they are. */
  tagsAfter: string[] | null;
};

const currentColumns = {
  id: miners.id,
  assetId: miners.assetId,
  ip: miners.ip,
  mac: miners.mac,
  serial: miners.serial,
  hostname: miners.hostname,
  make: miners.make,
  model: miners.model,
  modelId: miners.modelId,
  firmware: miners.firmware,
  workerName: miners.workerName,
  notes: miners.notes,
  siteId: miners.siteId,
  rackId: miners.rackId,
  rackPosition: miners.rackPosition,
  clientId: miners.clientId,
  paid: miners.paid,
  state: miners.state,
};

function loadCurrent(db: DbOrTx, ids: readonly number[]): Map<number, CurrentMiner> {
  const rows = inChunks(ids, 5_000).flatMap((chunk) => db.select(currentColumns).from(miners).where(inIds(miners.id, chunk)).all());
  return new Map(rows.map((row) => [row.id, row]));
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length &&
  [...a]
    .map((t) => t.toLowerCase())
    .sort()
    .join('\0') ===
    [...b]
      .map((t) => t.toLowerCase())
      .sort()
      .join('\0');

/** Per row: the miner's values after the import, new clients to create, and every reason the row cannot be imported. */
export function planRows(db: DbOrTx, ctx: ImportContext, matched: readonly MatchedRow[], defaultSiteId: number | null) {
  const matchedIds = matched.flatMap((row) => (row.minerId === null ? [] : [row.minerId]));
  const current = loadCurrent(db, matchedIds);
  const tags = tagsOfMiners(db, []);
  for (const chunk of inChunks(matchedIds, 5_000)) for (const [id, list] of tagsOfMiners(db, chunk)) tags.set(id, list);
  const newClients = new Map<string, PlannedNewClient>();
  const takenPositions = new Map<string, number>();
  const nextAssetId = assetIdAllocator(db);

  const minerOf = (input: MatchedRow) => (input.minerId === null ? null : (current.get(input.minerId) ?? null));
  const places = matched.map((input) => {
    const placeErrors: string[] = [];
    return { ...resolvePlace(ctx, input.values, input, minerOf(input), defaultSiteId, placeErrors), errors: placeErrors };
  });
  const leaving = minersLeavingTheirPosition(matched, places, minerOf);

  const rows = matched.map((input, i): PlannedRow => {
    const { row, values } = input;
    const errors = [...input.errors];
    const miner = minerOf(input);
    const model = resolveModel(ctx, values, miner, input.minerId === null && input.errors.length > 0, errors);
    const place = places[i];
    errors.push(...place.errors);
    errors.push(...positionErrors(ctx, place, miner, leaving, takenPositions, row));
    const client = resolveClient(ctx, values, errors);
    if (client && 'newEmail' in client && errors.length === 0) {
      const known = newClients.get(client.newEmail);
      if (known) known.rows += 1;
      else newClients.set(client.newEmail, { email: client.newEmail, nameInFile: client.name, rows: 1 });
    }

    const clientId = client === undefined ? undefined : 'id' in client ? client.id : null;
    const next: Partial<MinerColumns> = {
      ip: values.ip,
      mac: values.mac,
      serial: values.serial,
      hostname: values.hostname,
      ...(model ? { make: model.make, model: model.model, modelId: model.id } : {}),
      firmware: values.firmware,
      workerName: values.worker,
      notes: values.notes === null ? '' : values.notes,
      ...place.columns,
      clientId,
      paid: values.paid,
      state: values.state,
    };
    const newClientEmail = client && 'newEmail' in client ? client.newEmail : null;
    const base = { row, errors, newClientEmail, clientIdNow: miner?.clientId ?? null, tagsBefore: miner ? (tags.get(miner.id) ?? []) : [] };
    if (errors.length > 0)
      return { ...base, action: 'error', minerId: input.minerId, assetId: miner?.assetId ?? values.assetId ?? null, before: {}, after: {}, tagsAfter: null };

    if (!miner) {
      const assetId = values.assetId ?? nextAssetId();
      const hasClient = (next.clientId ?? null) !== null || newClientEmail !== null;
      const after = { ...withoutUndefined(next), state: values.state ?? (hasClient ? 'assigned' : 'unassigned') } as Partial<MinerColumns>;
      return { ...base, action: 'create', minerId: null, assetId, before: {}, after, tagsAfter: values.tags ?? null };
    }
    // Like a mass edit: a new client decides assigned or unassigned, but an RMA or retired machine keeps its state.
    const clientChanges = newClientEmail !== null || (clientId !== undefined && clientId !== miner.clientId);
    if (values.state === undefined && clientChanges && ['assigned', 'unassigned', 'staged'].includes(miner.state))
      next.state = clientId === null && newClientEmail === null ? 'unassigned' : 'assigned';
    const { before, after } = diffColumns(miner, next, newClientEmail !== null);
    const tagsWanted = values.tags === null ? [] : values.tags;
    const tagsAfter = tagsWanted && !sameTags(tagsWanted, base.tagsBefore) ? tagsWanted : null;
    const changed = Object.keys(after).length > 0 || tagsAfter !== null;
    return { ...base, action: changed ? 'update' : 'unchanged', minerId: miner.id, assetId: miner.assetId, before, after, tagsAfter };
  });
  return { rows, newClients: [...newClients.values()] };
}

function withoutUndefined<T extends object>(values: T): Partial<T> {
  const defined: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) if (values[key] !== undefined) defined[key] = values[key];
  return defined;
}

/** Identifiers compare as the matcher compares them: MACs in one notation, serials and hostnames in any case. */
function sameValue(key: keyof MinerColumns, a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return a === b;
  if (key === 'mac') return (normaliseMac(a) ?? a) === (normaliseMac(b) ?? b);
  if (key === 'serial' || key === 'hostname') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function diffColumns(miner: CurrentMiner, next: Partial<MinerColumns>, toNewClient: boolean) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof MinerColumns)[]) {
    const value = next[key];
    if (value === undefined || sameValue(key, miner[key], value)) continue;
    before[key] = miner[key];
    after[key] = value;
  }
  // Make, model and catalogue entry read as one "Model": the preview shows them together.
  if ('make' in after || 'model' in after || 'modelId' in after) {
    for (const key of ['make', 'model', 'modelId'] as const) {
      before[key] = miner[key];
      after[key] = next[key];
    }
  }
  if (toNewClient) {
    before.clientId = miner.clientId;
    after.clientId = null; // filled with the new client's id when the commit creates it
  }
  return { before: before as Partial<MinerColumns>, after: after as Partial<MinerColumns> };
}

function resolveModel(ctx: ImportContext, values: RowValues, miner: CurrentMiner | null, matchFailed: boolean, errors: string[]): ModelRef | undefined {
  const same = (a: string | undefined, b: string) => a === undefined || a.toLowerCase() === b.toLowerCase();
  // A miner whose model is not in the catalogue exports and re-imports as it is.
  if (miner && values.model && same(values.model, miner.model) && same(values.make, miner.make)) return undefined;
  if (!values.model) {
    if (!miner && !matchFailed) errors.push('a new miner needs its model from the catalogue, like Antminer S21; add a Model column');
    return undefined;
  }
  const found = ctx.findModel(values.make, values.model);
  const written = values.make ? `${values.make} ${values.model}` : values.model;
  if (found === 'ambiguous') errors.push(`model "${written}" is made by more than one maker in the catalogue; add a Make column`);
  else if (found === null) errors.push(`model "${written}" is not in the model catalogue; add it under Models first, or correct the name`);
  return found === null || found === 'ambiguous' ? undefined : found;
}

type Place = ReturnType<typeof resolvePlace>;

/** The miners of the file whose rack position changes: the position they hold now is free for another row of the file. */
function minersLeavingTheirPosition(
  matched: readonly MatchedRow[],
  places: readonly Place[],
  minerOf: (input: MatchedRow) => CurrentMiner | null,
): Set<number> {
  const leaving = new Set<number>();
  matched.forEach((input, i) => {
    const miner = minerOf(input);
    if (!miner || miner.rackId === null || miner.rackPosition === null) return;
    const { rackId, rackPosition } = places[i].columns;
    if ((rackId !== undefined && rackId !== miner.rackId) || (rackPosition !== undefined && rackPosition !== miner.rackPosition)) leaving.add(miner.id);
  });
  return leaving;
}

/**
 * Whether the row's rack position is free: a miner the file moves away frees its position, so swaps and
 * rotations within one file go through; a miner staying put, or another row of the file, keeps it.
 */
function positionErrors(
  ctx: ImportContext,
  place: Place & { errors: string[] },
  miner: CurrentMiner | null,
  leaving: Set<number>,
  taken: Map<string, number>,
  row: number,
) {
  const rack = place.rackOfPosition;
  if (!rack || place.position === undefined) return [];
  const errors: string[] = [];
  const occupant = ctx.occupant(rack.id, place.position);
  if (place.errors.length === 0 && occupant !== null && occupant !== miner?.id && !leaving.has(occupant)) {
    const who = miner ? `miner ${miner.assetId}` : 'the new miner';
    const other = ctx.assetIdOf(occupant);
    errors.push(
      `${who} cannot take position ${place.position} of rack "${rack.name}": miner ${other} is there and this file does not move it; move ${other} in the same file, or choose a free position`,
    );
  }
  const key = `${rack.id}:${place.position}`;
  const first = taken.get(key);
  if (first === undefined) taken.set(key, row);
  else errors.push(`position ${place.position} of rack "${rack.name}" is also given on row ${first}`);
  return errors;
}

/**
 * Site, rack and position; undefined keeps the miner's value. A new site without a rack takes the miner
 * out of its rack, and so does a rack cell saying (clear); a new rack without a position leaves the
 * position empty, to be set on the floor. Whether the position is free is checked against the whole file.
 */
function resolvePlace(ctx: ImportContext, values: RowValues, input: MatchedRow, miner: CurrentMiner | null, defaultSiteId: number | null, errors: string[]) {
  const siteId = input.siteId ?? miner?.siteId ?? defaultSiteId;
  const siteMoves = miner !== null && input.siteId !== null && input.siteId !== miner.siteId;
  const clearsRack = values.rack === null;
  let rack: RackRef | undefined;
  if (values.rack) {
    const room = values.room?.toLowerCase();
    const named = siteId === null ? [] : ctx.racksNamed(siteId, values.rack).filter((one) => !room || one.roomName.toLowerCase() === room);
    const where = `site "${ctx.siteName(siteId)}"${values.room ? `, room "${values.room}"` : ''}`;
    if (siteId === null) errors.push(`rack "${values.rack}" needs a site: add a Site column or choose a default site`);
    else if (named.length === 0) errors.push(`rack "${values.rack}" does not exist in ${where}; create it under Sites first, or correct the name`);
    else if (named.length > 1)
      errors.push(`${where} has ${named.length} racks named "${values.rack}" (in ${named.map((one) => `"${one.roomName}"`).join(', ')}); add a Room column`);
    else rack = named[0];
  }
  const rackOfPosition = rack ?? (miner && !siteMoves && !clearsRack ? ctx.rackById(miner.rackId) : null);
  const position = values.position ?? undefined;
  if (position !== undefined) {
    if (clearsRack) errors.push(`position ${position} cannot be set while the rack is emptied with ${importClearMarker}; leave the position blank`);
    else if (!rackOfPosition) errors.push(`position ${position} needs a rack: add a Rack column`);
    else if (position > rackOfPosition.positions)
      errors.push(`position ${position} is outside rack "${rackOfPosition.name}", which has positions 1 to ${rackOfPosition.positions}`);
  }
  const rackMoves = rack !== undefined && rack.id !== miner?.rackId;
  const leavesRack = (siteMoves && !rack) || clearsRack;
  return {
    rackOfPosition: position === undefined || clearsRack ? null : rackOfPosition,
    position,
    columns: {
      siteId: rack ? rack.siteId : miner ? (input.siteId ?? undefined) : siteId,
      rackId: rack ? rack.id : leavesRack ? null : undefined,
      rackPosition: values.position !== undefined ? (position ?? null) : rackMoves || leavesRack ? null : undefined,
    },
  };
}

type ClientChoice = { id: number | null } | { newEmail: string; name: string } | undefined;

/** By contact e-mail (an unknown one becomes a new client), else by name when one open client has it; (clear) in either unassigns. */
function resolveClient(ctx: ImportContext, values: RowValues, errors: string[]): ClientChoice {
  if (values.clientEmail === null || values.clientName === null) {
    const given = values.clientEmail ?? values.clientName;
    if (given) errors.push(`the client is emptied with ${importClearMarker} but also given as "${given}"; leave one of the two client cells blank`);
    return { id: null };
  }
  if (values.clientEmail) {
    const existing = ctx.clientByEmail(values.clientEmail);
    if (existing) return { id: existing.id };
    if (!ctx.hasActiveStaff) errors.push(`client ${values.clientEmail} is new, but no active staff member can manage it; add one under Staff first`);
    return { newEmail: values.clientEmail, name: values.clientName ?? '' };
  }
  if (!values.clientName) return undefined;
  const named = ctx.clientsNamed(values.clientName);
  if (named.length === 1) return { id: named[0].id };
  if (named.length > 1) errors.push(`${named.length} clients are named "${values.clientName}"; add a Client e-mail column to tell them apart`);
  else errors.push(`no client is named "${values.clientName}"; add a Client e-mail column so a new client can be created`);
  return undefined;
}
