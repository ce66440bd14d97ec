import { eq, inArray } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { alertKindLabels } from '../../contract/alerts.vocab';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import {
  alerts,
  clientGroups,
  clients,
  contracts,
  invoices,
  minerModels,
  miners,
  powerDevices,
  powerProfiles,
  racks,
  siteRooms,
  sites,
  staff,
  tasks,
} from '../../../db/schema';

/** The kinds of record an audit row names by id. */
export type RecordKind =
  | 'client'
  | 'staff'
  | 'clientGroup'
  | 'site'
  | 'room'
  | 'rack'
  | 'model'
  | 'miner'
  | 'task'
  | 'powerDevice'
  | 'powerProfile'
  | 'contract'
  | 'invoice'
  | 'alert';

/** Fields whose value is the id of a record: a reader sees the record's name instead. */
export const referenceFields: Readonly<Record<string, RecordKind>> = {
  clientId: 'client',
  mergedIntoId: 'client',
  managerId: 'staff',
  assigneeId: 'staff',
  groupId: 'clientGroup',
  siteId: 'site',
  roomId: 'room',
  rackId: 'rack',
  modelId: 'model',
  minerId: 'miner',
  resolvedMinerId: 'miner',
  customProfileId: 'powerProfile',
  meteredDeviceId: 'powerDevice',
  powerDeviceId: 'powerDevice',
  deviceId: 'powerDevice',
  contractId: 'contract',
  taskId: 'task',
};

/** The record an audit row is about, by the row's entity, when it has a name to read. */
export const entityKinds: Readonly<Record<string, RecordKind>> = {
  client: 'client',
  staff: 'staff',
  client_group: 'clientGroup',
  site: 'site',
  site_room: 'room',
  rack: 'rack',
  miner_model: 'model',
  miner: 'miner',
  task: 'task',
  power_device: 'powerDevice',
  power_profile: 'powerProfile',
  contract: 'contract',
  invoice: 'invoice',
  alert: 'alert',
};

type Named = { id: number; name: string | null };
type Reader = (db: DbOrTx, ids: number[]) => Named[];

/** Reads the name column of one table for the ids. */
const nameColumn =
  (table: SQLiteTable, id: SQLiteColumn, name: SQLiteColumn): Reader =>
  (db, ids) =>
    db.select({ id, name }).from(table).where(inArray(id, ids)).all() as Named[];

const readers: Record<RecordKind, Reader> = {
  client: nameColumn(clients, clients.id, clients.name),
  staff: nameColumn(staff, staff.id, staff.name),
  clientGroup: nameColumn(clientGroups, clientGroups.id, clientGroups.name),
  site: nameColumn(sites, sites.id, sites.name),
  room: nameColumn(siteRooms, siteRooms.id, siteRooms.name),
  rack: nameColumn(racks, racks.id, racks.name),
  model: (db, ids) =>
    db
      .select({ id: minerModels.id, make: minerModels.make, model: minerModels.model })
      .from(minerModels)
      .where(inArray(minerModels.id, ids))
      .all()
      .map((row) => ({ id: row.id, name: `${row.make} ${row.model}` })),
  miner: nameColumn(miners, miners.id, miners.assetId),
  task: nameColumn(tasks, tasks.id, tasks.title),
  powerDevice: nameColumn(powerDevices, powerDevices.id, powerDevices.name),
  powerProfile: nameColumn(powerProfiles, powerProfiles.id, powerProfiles.name),
  contract: nameColumn(contracts, contracts.id, contracts.number),
  invoice: nameColumn(invoices, invoices.id, invoices.number),
  alert: (db, ids) =>
    db
      .select({ id: alerts.id, kind: alerts.kind, asset: miners.assetId })
      .from(alerts)
      .leftJoin(miners, eq(miners.id, alerts.minerId))
      .where(inArray(alerts.id, ids))
      .all()
      .map((row) => ({ id: row.id, name: row.asset ? `${alertKindLabels[row.kind]} on ${row.asset}` : alertKindLabels[row.kind] })),
};

/** Names of the records audit rows refer to, read once per page of rows. */
export type NameBook = { nameOf(kind: RecordKind, id: number): string | null };

/** Ids the rows refer to, by kind: each row's own record and every reference field in its before and after. */
export type References = Map<RecordKind, Set<number>>;

export function addReference(references: References, kind: RecordKind, id: unknown): void {
  if (typeof id !== 'number' && !(typeof id === 'string' && /^\d+$/.test(id))) return;
  const ids = references.get(kind) ?? new Set<number>();
  ids.add(Number(id));
  references.set(kind, ids);
}

/** One query per kind of record (in chunks of bound ids). A record removed since reads as null. */
export function readNames(db: DbOrTx, references: References): NameBook {
  const names = new Map<string, string | null>();
  for (const [kind, ids] of references) {
    for (const chunk of inChunks([...ids])) {
      for (const row of readers[kind](db, chunk)) names.set(`${kind}:${row.id}`, row.name);
    }
  }
  return { nameOf: (kind, id) => names.get(`${kind}:${id}`) ?? null };
}
