import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { miners } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import type { MinerState } from '../../contract/miners';
import type { MinerFieldValues } from '../../contract/miners.records';
import { requireOpenClient } from '../clients/clients.guards';
import { requireModel } from '../models/models.service';
import { rackLabel, requireRack, requireRoom, requireSite, siteLabel, type RackRow } from '../sites/sites.guards';
import { requireById } from '../require-row';

/** The rules a miner's values follow, whoever sets them: a person, a resolved review, later an import. */

export type MinerRow = typeof miners.$inferSelect;
export type Editable = Omit<MinerFieldValues, 'tags'>;
type EditableKey = keyof Editable;

export const editableKeys = [
  'serial',
  'mac',
  'ip',
  'hostname',
  'make',
  'model',
  'modelId',
  'firmware',
  'workerName',
  'notes',
  'siteId',
  'rackId',
  'rackPosition',
  'clientId',
  'paid',
  'state',
] as const satisfies readonly EditableKey[];

const invalid = (message: string, field: string, reason: string) => new AppError('INVALID_INPUT', message, { [field]: reason });

/** What to do when a miner is not found, the same in every miner message. */
export const minerNotFoundHint = 'It may have been removed; refresh the miners list.';

export function requireMiner(db: DbOrTx, id: number): MinerRow {
  return requireById(db, miners, id, 'Miner', minerNotFoundHint);
}

/** Another miner holding the value, compared without regard to case. */
export function holderOf(db: DbOrTx, column: typeof miners.assetId | typeof miners.serial | typeof miners.mac, value: string, exceptId: number | null) {
  const conditions: SQL[] = [sql`${column} = ${value} COLLATE NOCASE`];
  if (exceptId !== null) conditions.push(ne(miners.id, exceptId));
  return db
    .select({ id: miners.id, assetId: miners.assetId })
    .from(miners)
    .where(and(...conditions))
    .get();
}

/** Serial and MAC name one machine each: refused when another miner has them, naming it. */
function assertIdentifiersFree(db: DbOrTx, values: Pick<Editable, 'serial' | 'mac'>, exceptId: number | null): void {
  for (const [field, column] of [
    ['serial', miners.serial],
    ['mac', miners.mac],
  ] as const) {
    const value = values[field];
    const other = value === null ? undefined : holderOf(db, column, value, exceptId);
    if (other) throw identifierTaken(field, value as string, other.assetId);
  }
}

/** The refusal of a serial or MAC another miner holds, naming it. */
export function identifierTaken(field: 'serial' | 'mac', value: string, holderAssetId: string): AppError {
  const label = field === 'serial' ? 'Serial' : 'MAC';
  return new AppError('CONFLICT', `${label} ${value} is already recorded on miner ${holderAssetId}. Check the value, or open ${holderAssetId} instead.`, {
    [field]: `is already on ${holderAssetId}`,
  });
}

/** Fills make and model from the catalogue when a model is chosen without them; both are required in the end. */
function applyCatalogue(db: DbOrTx, next: Editable, input: Partial<MinerFieldValues>): void {
  if (input.modelId !== undefined && input.modelId !== null) {
    const model = requireModel(db, input.modelId);
    if (input.make === undefined || input.make === null) next.make = model.make;
    if (input.model === undefined || input.model === null) next.model = model.model;
  }
  assertMakeAndModel(next);
}

/** Make and model are required in the end, whether typed or taken from the catalogue. */
export function assertMakeAndModel(values: Pick<Editable, 'make' | 'model'>): void {
  if (values.make === null) throw invalid('Make: is required. Type the make, like Bitmain, or choose a catalogue model.', 'make', 'is required');
  if (values.model === null) throw invalid('Model: is required. Type the model, like Antminer S21, or choose a catalogue model.', 'model', 'is required');
}

/** Site, rack and position together: the rack must be in the site (the site follows from the rack), the position in the rack and free. */
function applyPlace(db: DbOrTx, next: Editable, current: Editable, input: Partial<MinerFieldValues>, minerId: number | null): void {
  if (input.rackId !== undefined && input.rackId !== null) {
    const rack = requireRack(db, input.rackId);
    const rackSiteId = requireRoom(db, rack.roomId).siteId;
    if (input.siteId !== undefined && input.siteId !== rackSiteId) {
      const chosen = input.siteId === null ? 'no site' : siteLabel(requireSite(db, input.siteId));
      throw invalid(
        `${rackLabel(rack)} is in ${siteLabel(requireSite(db, rackSiteId))}, not in ${chosen}. Choose a rack of that site.`,
        'rackId',
        'is not in the chosen site',
      );
    }
    next.siteId = rackSiteId;
  } else if (input.siteId !== undefined && input.siteId !== current.siteId) {
    if (input.siteId !== null) requireSite(db, input.siteId);
    if (input.rackId === undefined) next.rackId = null; // another site: out of the old rack until placed
  }
  if (next.rackId !== current.rackId && input.rackPosition === undefined) next.rackPosition = null;
  if (next.rackPosition === null) return;
  const rack = next.rackId === null ? null : requireRack(db, next.rackId);
  assertPositionInRack(rack, next.rackPosition);
  if (next.rackId === null || rack === null) return;
  const holder = db
    .select({ id: miners.id, assetId: miners.assetId })
    .from(miners)
    .where(and(eq(miners.rackId, next.rackId), eq(miners.rackPosition, next.rackPosition), minerId === null ? undefined : ne(miners.id, minerId)))
    .get();
  if (holder) {
    throw new AppError(
      'CONFLICT',
      `Position ${next.rackPosition} of ${rackLabel(rack)} is taken by miner ${holder.assetId}. Choose a free position, or move ${holder.assetId} first.`,
      { rackPosition: `is taken by ${holder.assetId}` },
    );
  }
}

/** A rack position needs a rack, and must be one of its positions. */
export function assertPositionInRack(rack: RackRow | null, position: number): void {
  if (rack === null) throw invalid('Rack position: choose a rack first, or leave the position empty.', 'rackPosition', 'needs a rack');
  if (position > rack.positions) {
    throw invalid(
      `${rackLabel(rack)} has positions 1 to ${rack.positions}; position ${position} is not in it.`,
      'rackPosition',
      `must be 1 to ${rack.positions}`,
    );
  }
}

/** A new client decides assigned/unassigned unless the state is given; an RMA or retired machine keeps its state. */
function applyClient(db: DbOrTx, next: Editable, current: Editable, input: Partial<MinerFieldValues>, isNew: boolean): void {
  if (next.clientId === current.clientId && !isNew) return;
  if (next.clientId !== null) requireOpenClient(db, next.clientId);
  const movable: readonly MinerState[] = ['assigned', 'unassigned', 'staged'];
  if (input.state === undefined && (isNew || movable.includes(current.state))) next.state = next.clientId === null ? 'unassigned' : 'assigned';
}

export const blank: Editable = {
  serial: null,
  mac: null,
  ip: null,
  hostname: null,
  make: null,
  model: null,
  modelId: null,
  firmware: null,
  workerName: null,
  notes: '',
  siteId: null,
  rackId: null,
  rackPosition: null,
  clientId: null,
  paid: true,
  state: 'unassigned',
};

/** The values a change leads to, checked against the catalogue, places, clients and other miners' identifiers. */
export function resolveValues(db: DbOrTx, current: Editable, input: Partial<MinerFieldValues>, minerId: number | null): Editable {
  const next: Editable = { ...current };
  for (const key of editableKeys) if (input[key] !== undefined) Object.assign(next, { [key]: input[key] });
  applyCatalogue(db, next, input);
  applyPlace(db, next, current, input, minerId);
  applyClient(db, next, current, input, minerId === null);
  assertIdentifiersFree(db, { serial: next.serial === current.serial ? null : next.serial, mac: next.mac === current.mac ? null : next.mac }, minerId);
  return next;
}
