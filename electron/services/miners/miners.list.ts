import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { auditLog, clients, minerClientAssignments, minerLatest, minerModels, miners, minerTags, racks, siteRooms, sites } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { minerLiveStatuses, type MinerLiveStatus } from '../../contract/miners';
import type { MinerDetail, MinerFilters, MinerList, MinerListRow, MinerLive, MinerSortKey } from '../../contract/miners.list';
import { formatDecimal, parseDecimal } from '../../contract/money';
import { requireFound } from '../require-row';
import { minerSearchCondition } from './miners.list.search';
import { minerNotFoundHint } from './miners.records.values';

type ListInput = ParsedInputOf<Contract['miners.list']>;

/**
 * Every filter but the status one, which the status counts are taken across. Client names and model
 * figures are read through sub-queries, not joins, so counting 100,000 miners touches the miners table only.
 */
function filterConditions(f: MinerFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [minerSearchCondition(f.search)];
  const clientIds = f.clientIds.filter((id): id is number => id !== 'unassigned');
  const unassigned = f.clientIds.includes('unassigned') ? isNull(miners.clientId) : undefined;
  if (f.clientIds.length) conditions.push(or(clientIds.length ? inArray(miners.clientId, clientIds) : undefined, unassigned));
  if (f.siteIds.length) conditions.push(inArray(miners.siteId, f.siteIds));
  if (f.rackIds.length) conditions.push(inArray(miners.rackId, f.rackIds));
  if (f.modelIds.length) conditions.push(inArray(miners.modelId, f.modelIds));
  if (f.states.length) conditions.push(inArray(miners.state, f.states));
  if (f.paid !== null) conditions.push(eq(miners.paid, f.paid));
  if (f.tags.length) {
    const tags = sql.join(
      f.tags.map((tag) => sql`${tag}`),
      sql`, `,
    );
    conditions.push(sql`${miners.id} IN (SELECT ${minerTags.minerId} FROM ${minerTags} WHERE ${minerTags.tag} COLLATE NOCASE IN (${tags}))`);
  }
  if (f.hashrateBelowThs !== null) conditions.push(hashrateBelow(parseDecimal(f.hashrateBelowThs, 3) ?? 0));
  return conditions.filter((c): c is SQL => c !== undefined);
}

/**
 * The live hashrate when the miner was polled, else the nominal one of its model, is below the figure.
 * Two primary-key look-ups per miner: cheaper than lists of every polled miner built on each call.
 */
function hashrateBelow(belowGhs: number): SQL {
  const live = sql`SELECT ${minerLatest.hashrateGhs} FROM ${minerLatest} WHERE ${minerLatest.minerId} = ${miners.id}`;
  const nominal = sql`SELECT ${minerModels.nominalHashrateGhs} FROM ${minerModels} WHERE ${minerModels.id} = ${miners.modelId}`;
  return sql`coalesce((${live}), (${nominal})) < ${belowGhs}`;
}

/** The ids of every miner the filters match, status included: the "select all N matching" of a mass edit. */
export function matchingMinerIds(db: DbOrTx, f: MinerFilters): number[] {
  return db
    .select({ id: miners.id })
    .from(miners)
    .where(minerFilterWhere(f))
    .all()
    .map((row) => row.id);
}

/** The Miners table's filters, status included, as one condition (also the contract wizard's miner step). */
export function minerFilterWhere(f: MinerFilters): SQL | undefined {
  return and(...filterConditions(f), f.statuses.length ? inArray(miners.liveStatus, f.statuses) : undefined);
}

const noCase = (column: SQLWrapper) => sql`${column} COLLATE NOCASE`;
const blanksLast = (column: SQLWrapper) => asc(sql`(${column} IS NULL)`);

/** ORDER BY terms per sort key: blanks go last, and the id breaks ties so pages never overlap. */
function orderBy(sort: MinerSortKey, dir: 'asc' | 'desc'): SQL[] {
  const by = dir === 'asc' ? asc : desc;
  const nullable = (column: SQLWrapper, term: SQLWrapper = column) => [blanksLast(column), by(term)];
  const keys: Record<MinerSortKey, SQL[]> = {
    id: [],
    assetId: [by(noCase(miners.assetId))],
    status: [by(miners.liveStatus)],
    ip: nullable(miners.ip),
    hostname: nullable(miners.hostname, noCase(miners.hostname)),
    serial: nullable(miners.serial),
    model: [by(noCase(miners.make)), by(noCase(miners.model))],
    hashrate: nullable(minerModels.nominalHashrateGhs),
    liveHashrate: nullable(minerLatest.hashrateGhs),
    temperature: nullable(minerLatest.tempMaxC),
    power: nullable(minerModels.nominalPowerW),
    livePower: nullable(minerLatest.powerW),
    uptime: nullable(minerLatest.uptimeS),
    firmware: nullable(miners.firmware, noCase(miners.firmware)),
    worker: nullable(miners.workerName, noCase(miners.workerName)),
    lastSeen: nullable(miners.lastSeenAt),
    site: nullable(sites.name, noCase(sites.name)),
    rack: [...nullable(racks.name, noCase(racks.name)), by(miners.rackPosition)],
    client: nullable(clients.name, noCase(clients.name)),
    paid: [by(miners.paid)],
    state: [by(miners.state)],
    created: [by(miners.createdAt)],
  };
  return [...keys[sort], by(miners.id)];
}

const rowColumns = {
  id: miners.id,
  assetId: miners.assetId,
  serial: miners.serial,
  mac: miners.mac,
  ip: miners.ip,
  hostname: miners.hostname,
  make: miners.make,
  model: miners.model,
  modelId: miners.modelId,
  nominalHashrateGhs: minerModels.nominalHashrateGhs,
  nominalPowerW: minerModels.nominalPowerW,
  siteId: miners.siteId,
  siteName: sites.name,
  roomName: siteRooms.name,
  rackId: miners.rackId,
  rackName: racks.name,
  rackPosition: miners.rackPosition,
  clientId: miners.clientId,
  clientName: clients.name,
  paid: miners.paid,
  state: miners.state,
  liveStatus: miners.liveStatus,
  firmware: miners.firmware,
  workerName: miners.workerName,
  lastSeenAt: miners.lastSeenAt,
  notes: miners.notes,
  createdAt: miners.createdAt,
  updatedAt: miners.updatedAt,
  liveAt: minerLatest.at,
  liveHashrateGhs: minerLatest.hashrateGhs,
  tempMaxC: minerLatest.tempMaxC,
  fansRpm: minerLatest.fansRpm,
  poolUrl: minerLatest.poolUrl,
  poolUser: minerLatest.poolUser,
  livePowerW: minerLatest.powerW,
  powerSource: minerLatest.powerSource,
  uptimeS: minerLatest.uptimeS,
};

/** Miners with everything a row shows; LEFT JOINs keep miners the outer loop so SQLite can walk an index in id order. */
function minerRowsQuery(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(rowColumns)
    .from(miners)
    .leftJoin(clients, eq(clients.id, miners.clientId))
    .leftJoin(minerModels, eq(minerModels.id, miners.modelId))
    .leftJoin(racks, eq(racks.id, miners.rackId))
    .leftJoin(siteRooms, eq(siteRooms.id, racks.roomId))
    .leftJoin(sites, eq(sites.id, miners.siteId))
    .leftJoin(minerLatest, eq(minerLatest.minerId, miners.id))
    .where(where);
}

/** The one joined table a sort key reads (the others read the miners table only). */
const sortJoins: Partial<Record<MinerSortKey, 'clients' | 'models' | 'racks' | 'sites' | 'latest'>> = {
  hashrate: 'models',
  power: 'models',
  liveHashrate: 'latest',
  temperature: 'latest',
  livePower: 'latest',
  uptime: 'latest',
  site: 'sites',
  rack: 'racks',
  client: 'clients',
};

/**
 * The ids of one page, in order, joined only to the table the sort reads. With no join at all SQLite stops
 * walking an index once the page is full (a first page reads a few hundred miners, not every match); even
 * an unused LEFT JOIN turns that off.
 */
function pageIds(db: DbOrTx, input: ListInput): number[] {
  const query = db.select({ id: miners.id }).from(miners).$dynamic();
  const joins = {
    clients: () => query.leftJoin(clients, eq(clients.id, miners.clientId)),
    models: () => query.leftJoin(minerModels, eq(minerModels.id, miners.modelId)),
    racks: () => query.leftJoin(racks, eq(racks.id, miners.rackId)),
    sites: () => query.leftJoin(sites, eq(sites.id, miners.siteId)),
    latest: () => query.leftJoin(minerLatest, eq(minerLatest.minerId, miners.id)),
  };
  const join = sortJoins[input.sort];
  return (join ? joins[join]() : query)
    .where(minerFilterWhere(input))
    .orderBy(...orderBy(input.sort, input.dir))
    .limit(input.limit)
    .offset(input.offset)
    .all()
    .map((row) => row.id);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof minerRowsQuery>['all']>>[number];

const thsText = (ghs: number | null) => (ghs === null ? null : formatDecimal(ghs, 3));

function fansOf(json: string | null): number[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((rpm): rpm is number => Number.isInteger(rpm)) : [];
}

function liveOf(row: JoinedRow): MinerLive | null {
  if (row.liveAt === null) return null;
  return {
    at: row.liveAt,
    hashrateThs: thsText(row.liveHashrateGhs),
    tempMaxC: row.tempMaxC,
    fansRpm: fansOf(row.fansRpm),
    poolUrl: row.poolUrl,
    poolUser: row.poolUser,
    powerW: row.livePowerW,
    powerSource: row.powerSource,
    uptimeS: row.uptimeS,
  };
}

function toListRow(row: JoinedRow, tags: string[]): MinerListRow {
  return {
    id: row.id,
    assetId: row.assetId,
    serial: row.serial,
    mac: row.mac,
    ip: row.ip,
    hostname: row.hostname,
    make: row.make,
    model: row.model,
    nominalHashrateThs: thsText(row.nominalHashrateGhs),
    nominalPowerW: row.nominalPowerW,
    siteName: row.siteName,
    roomName: row.roomName,
    rackName: row.rackName,
    rackPosition: row.rackPosition,
    client: row.clientId !== null ? { id: row.clientId, name: row.clientName ?? `Client #${row.clientId}` } : null,
    paid: row.paid,
    state: row.state,
    liveStatus: row.liveStatus,
    firmware: row.firmware,
    workerName: row.workerName,
    lastSeenAt: row.lastSeenAt,
    tags,
    live: liveOf(row),
    createdAt: row.createdAt,
  };
}

/** The tags of the given miners, each list sorted without regard to case. */
export function tagsOfMiners(db: DbOrTx, ids: readonly number[]): Map<number, string[]> {
  const byMiner = new Map<number, string[]>(ids.map((id) => [id, []]));
  if (!ids.length) return byMiner;
  const rows = db
    .select({ minerId: minerTags.minerId, tag: minerTags.tag })
    .from(minerTags)
    .where(inArray(minerTags.minerId, [...ids]))
    .orderBy(sql`${minerTags.tag} COLLATE NOCASE`)
    .all();
  for (const { minerId, tag } of rows) byMiner.get(minerId)?.push(tag);
  return byMiner;
}

/** One page of the Miners table, the total and the per-status counts: one grouped count, one page query. */
export function listMiners(db: DbOrTx, input: ListInput): MinerList {
  const statusCounts = Object.fromEntries(minerLiveStatuses.map((status) => [status, 0])) as Record<MinerLiveStatus, number>;
  const perStatus = db
    .select({ liveStatus: miners.liveStatus, n: count() })
    .from(miners)
    .where(and(...filterConditions(input)))
    .groupBy(miners.liveStatus)
    .all();
  for (const { liveStatus, n } of perStatus) statusCounts[liveStatus] = n;
  const counted: readonly MinerLiveStatus[] = input.statuses.length ? input.statuses : minerLiveStatuses;
  const total = counted.reduce((sum, status) => sum + statusCounts[status], 0);
  // Everything a row shows is joined for the page's ids only, not for every match before sorting. Two
  // statements, not a sub-query: a sort column whose join is missing fails loudly instead of reading the outer query.
  const ids = pageIds(db, input);
  const rows = new Map(
    ids.length
      ? minerRowsQuery(db, inArray(miners.id, ids))
          .all()
          .map((row) => [row.id, row])
      : [],
  );
  const tags = tagsOfMiners(db, ids);
  return {
    rows: ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [toListRow(row, tags.get(id) ?? [])] : [];
    }),
    total,
    statusCounts,
  };
}

/** A miner with its assignment history (newest first) and its audit row count. */
export function getMinerDetail(db: DbOrTx, id: number): MinerDetail {
  const row = requireFound(minerRowsQuery(db, eq(miners.id, id)).get(), 'Miner', id, minerNotFoundHint);
  const assignments = db
    .select({ clientId: minerClientAssignments.clientId, clientName: clients.name, fromAt: minerClientAssignments.fromAt, toAt: minerClientAssignments.toAt })
    .from(minerClientAssignments)
    .leftJoin(clients, eq(clients.id, minerClientAssignments.clientId))
    .where(eq(minerClientAssignments.minerId, id))
    .orderBy(desc(minerClientAssignments.fromAt), desc(minerClientAssignments.id))
    .all();
  const auditCount =
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'miner'), eq(auditLog.entityId, String(id))))
      .get()?.n ?? 0;
  return {
    ...toListRow(row, tagsOfMiners(db, [id]).get(id) ?? []),
    notes: row.notes,
    modelId: row.modelId,
    siteId: row.siteId,
    rackId: row.rackId,
    updatedAt: row.updatedAt,
    assignments: assignments.map(({ clientId, clientName, fromAt, toAt }) => ({
      client: { id: clientId, name: clientName ?? `Client #${clientId}` },
      fromAt,
      toAt,
    })),
    auditCount,
  };
}
