import type { Db } from '../../../db/open-db';
import { normalise, subtract, type BillingPeriod, type Interval, type OpenInterval } from './billing.period';
import { IDS, idsParam, rowsOf } from './billing.statements';
import type { MinerInput } from './billing.types';
import type { ContractRow } from './billing.gather';

/**
 * The miners of a client's contracts for a month: equipment periods, the client's assignment history,
 * outlet history with each outlet's counter, offline time and average hashrate (telemetry's hourly
 * rollups), nameplate power and efficiency (the model catalogue).
 * - Offline time: an hour whose rollup says the miner answered for fewer than 3,600 s is offline for the
 *   rest of that hour (put at its end: only the total counts for calculated billing); an hour without a
 *   rollup (telemetry was off or not yet polling it) is not known to be offline and counts online.
 * - Average hashrate: GH/s × seconds online ÷ seconds of the hours with a rollup in the month.
 * - O&M: the miners now on the contract's sites, each under it while its site was.
 */

const HOUR = 3600;
const energyMethods = new Set(['metered', 'calculated', 'hash']);

export type CounterRef = { id: number; label: string };
export type MinerFacts = {
  minersOf: Map<number, MinerInput[]>;
  meteringCounters: Map<number, CounterRef[]>;
  outletCounters: CounterRef[];
};

type Found = { row: ContractRow; period: BillingPeriod };

const epochS = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const openS = (iso: string | null) => (iso === null ? null : epochS(iso));
const isoOf = (s: number) => new Date(s * 1000).toISOString();

function grouped<K, V>(rows: readonly V[], key: (row: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

type EquipmentRow = { contractId: number; minerId: number | null; siteId: number | null; fromAt: string; toAt: string | null };

function equipmentOf(db: Db, contractIds: readonly number[]): EquipmentRow[] {
  return rowsOf<EquipmentRow>(
    db,
    `SELECT contract_id AS contractId, miner_id AS minerId, site_id AS siteId, from_at AS fromAt, to_at AS toAt FROM contract_equipment WHERE contract_id IN (${IDS})`,
    idsParam(contractIds),
  );
}

type MinerRow = { id: number; assetId: string; siteId: number | null; powerW: number | null; ghs: number | null };

function minerRows(db: Db, ids: Iterable<number>, omSiteIds: Iterable<number>): MinerRow[] {
  return rowsOf<MinerRow>(
    db,
    `SELECT m.id, m.asset_id AS assetId, m.site_id AS siteId, mm.nominal_power_w AS powerW, mm.nominal_hashrate_ghs AS ghs
     FROM miners m LEFT JOIN miner_models mm ON mm.id = m.model_id WHERE m.id IN (${IDS}) OR m.site_id IN (${IDS})`,
    idsParam(ids),
    idsParam(omSiteIds),
  );
}

/**
 * The hours each miner was partly or wholly offline, from the small partial index of those hours. Named, because
 * without statistics SQLite's planner takes the wider miner_hourly_hashrate_idx and walks every hour of the month
 * (82 ms for 1,000 miners against 0.4 ms; db/query-plans.test.ts).
 */
export const offlineHoursSql = `SELECT miner_id AS id, hour, online_s AS onlineS FROM miner_hourly INDEXED BY miner_hourly_offline_idx
     WHERE miner_id IN (${IDS}) AND hour >= ? AND hour < ? AND online_s < 3600`;

function offlineOf(db: Db, ids: readonly number[], window: { fromS: number; toS: number }): Map<number, OpenInterval[]> {
  const rows = rowsOf<{ id: number; hour: string; onlineS: number }>(db, offlineHoursSql, idsParam(ids), isoOf(window.fromS), isoOf(window.toS));
  const map = new Map<number, OpenInterval[]>();
  for (const r of rows) {
    const hourS = epochS(r.hour);
    map.set(r.id, [...(map.get(r.id) ?? []), { fromS: hourS + Math.max(0, r.onlineS), toS: hourS + HOUR }]);
  }
  return map;
}

/** Each miner's hashrate-seconds and hours over a window; read from miner_hourly_hashrate_idx alone (db/query-plans.test.ts). */
export const averageHashratesSql = `SELECT miner_id AS id, SUM(COALESCE(hashrate_ghs, 0) * online_s) AS ghsS, COUNT(*) AS hours FROM miner_hourly
     WHERE miner_id IN (${IDS}) AND hour >= ? AND hour < ? GROUP BY miner_id`;

function averageHashrates(db: Db, ids: readonly number[], window: { fromS: number; toS: number }): Map<number, number> {
  const rows = rowsOf<{ id: number; ghsS: number; hours: number }>(db, averageHashratesSql, idsParam(ids), isoOf(window.fromS), isoOf(window.toS));
  return new Map(rows.map((r) => [r.id, Math.round(r.ghsS / (r.hours * HOUR))]));
}

/**
 * The client's time with each miner, as the complement of the time the assignment history gives it to
 * ANOTHER client: history older than the miner's record in Hashdesk is unknown, so a miner under the
 * client's contract counts as the client's unless the history says someone else held it then.
 */
function timeWithClient(db: Db, clientId: number, ids: readonly number[], window: Interval): Map<number, OpenInterval[]> {
  const rows = rowsOf<{ minerId: number; fromAt: string; toAt: string | null }>(
    db,
    `SELECT miner_id AS minerId, from_at AS fromAt, to_at AS toAt FROM miner_client_assignments
     WHERE miner_id IN (${IDS}) AND client_id <> ? AND from_at < ? AND (to_at IS NULL OR to_at > ?)`,
    idsParam(ids),
    clientId,
    isoOf(window.toS),
    isoOf(window.fromS),
  );
  const map = new Map<number, OpenInterval[]>();
  for (const [minerId, list] of grouped(rows, (r) => r.minerId)) {
    const elsewhere = normalise(
      list.map((r) => ({ fromS: epochS(r.fromAt), toS: openS(r.toAt) })),
      window,
    );
    map.set(minerId, subtract([window], elsewhere));
  }
  return map;
}

type OutletRow = { minerId: number; fromAt: string; toAt: string | null; counterId: number | null; device: string; outletIndex: number };

/** Outlet rows of the miners with each outlet's counter (looked up per device: the counters' index starts with the device). */
function outletsOf(db: Db, ids: readonly number[], window: { fromIso: string; toIso: string }): OutletRow[] {
  const rows = rowsOf<Omit<OutletRow, 'counterId'> & { outletId: number; deviceId: number }>(
    db,
    `SELECT oa.miner_id AS minerId, oa.from_at AS fromAt, oa.to_at AS toAt, oa.outlet_id AS outletId, po.device_id AS deviceId, d.name AS device, po.outlet_index AS outletIndex
     FROM outlet_assignments oa JOIN power_outlets po ON po.id = oa.outlet_id JOIN power_devices d ON d.id = po.device_id
     WHERE oa.miner_id IN (${IDS}) AND oa.from_at < ? AND (oa.to_at IS NULL OR oa.to_at > ?)`,
    idsParam(ids),
    window.toIso,
    window.fromIso,
  );
  const counters = rowsOf<{ id: number; outletId: number }>(
    db,
    `SELECT id, outlet_id AS outletId FROM energy_counters WHERE device_id IN (${IDS}) AND outlet_id IS NOT NULL`,
    idsParam(new Set(rows.map((r) => r.deviceId))),
  );
  const counterOf = new Map(counters.map((c) => [c.outletId, c.id]));
  return rows.map(({ outletId, deviceId: _device, ...row }) => ({ ...row, counterId: counterOf.get(outletId) ?? null }));
}

function meteringCountersOf(db: Db, contractIds: readonly number[]): Map<number, CounterRef[]> {
  const rows = rowsOf<{ contractId: number; id: number; label: string }>(
    db,
    `SELECT cmd.contract_id AS contractId, ec.id, d.name AS label FROM contract_metering_devices cmd
     JOIN power_devices d ON d.id = cmd.device_id JOIN energy_counters ec ON ec.device_id = d.id AND ec.outlet_id IS NULL
     WHERE cmd.contract_id IN (${IDS})`,
    idsParam(contractIds),
  );
  const map = new Map<number, CounterRef[]>();
  for (const [contractId, list] of grouped(rows, (r) => r.contractId))
    map.set(
      contractId,
      list.map(({ id, label }) => ({ id, label })),
    );
  return map;
}

/** The efficiency in mJ per TH from the nameplate: W ÷ TH/s = J/TH, so W × 10⁶ ÷ GH/s mJ/TH. */
const efficiencyOf = (m: MinerRow) => (m.powerW && m.ghs ? Math.round((m.powerW * 1_000_000) / m.ghs) : null);

/** The miners and counters of the contracts found for the client's month. */
export function gatherMiners(db: Db, clientId: number, found: readonly Found[]): MinerFacts {
  const none: MinerFacts = { minersOf: new Map(), meteringCounters: new Map(), outletCounters: [] };
  if (!found.length) return none;
  const window = { fromS: Math.min(...found.map((f) => f.period.fromS)), toS: Math.max(...found.map((f) => f.period.toS)) };
  const windowIso = { fromIso: isoOf(window.fromS), toIso: isoOf(window.toS) };
  const equipment = equipmentOf(
    db,
    found.map((f) => f.row.id),
  ).filter((e) => e.fromAt < windowIso.toIso && (e.toAt === null || e.toAt > windowIso.fromIso));
  const omSites = equipment.filter((e) => e.siteId !== null);
  const miners = new Map(
    minerRows(
      db,
      equipment.flatMap((e) => (e.minerId === null ? [] : [e.minerId])),
      omSites.map((e) => e.siteId!),
    ).map((m) => [m.id, m]),
  );
  const contractById = new Map(found.map((f) => [f.row.id, f.row]));
  const energyMinerIds = new Set<number>();
  const meteredMinerIds = new Set<number>();
  const metering = meteringCountersOf(
    db,
    found.map((f) => f.row.id),
  );
  for (const e of equipment) {
    const row = contractById.get(e.contractId)!;
    if (e.minerId === null || !row.billingMethod || !energyMethods.has(row.billingMethod)) continue;
    energyMinerIds.add(e.minerId);
    if (row.billingMethod === 'metered' && !metering.get(row.id)?.length) meteredMinerIds.add(e.minerId);
  }
  const energyIds = [...energyMinerIds];
  const offline = offlineOf(db, energyIds, window);
  const hashNeeded = found.some((f) => f.row.billingMethod === 'hash');
  const hashrates = hashNeeded ? averageHashrates(db, energyIds, window) : new Map<number, number>();
  const withClient = timeWithClient(db, clientId, [...new Set(equipment.flatMap((e) => (e.minerId === null ? [] : [e.minerId])))], window);
  const outletRows = outletsOf(db, [...meteredMinerIds], windowIso);
  const outlets = grouped(outletRows, (r) => r.minerId);
  const outletCounters = new Map<number, CounterRef>();
  for (const r of outletRows) if (r.counterId !== null) outletCounters.set(r.counterId, { id: r.counterId, label: `${r.device} outlet ${r.outletIndex}` });

  const minerInput = (m: MinerRow, underContract: OpenInterval[], clientHistory: boolean): MinerInput => ({
    id: m.id,
    label: m.assetId,
    underContract,
    withClient: clientHistory ? withClient.get(m.id) : undefined,
    nominalPowerW: m.powerW ?? 0,
    offline: offline.get(m.id) ?? [],
    averageHashrateGhs: hashrates.get(m.id) ?? null,
    efficiencyMilliJoulePerTh: efficiencyOf(m),
    outlets: (outlets.get(m.id) ?? []).flatMap((r) => (r.counterId === null ? [] : [{ counterId: r.counterId, fromS: epochS(r.fromAt), toS: openS(r.toAt) }])),
  });

  const minersOf = new Map<number, MinerInput[]>();
  for (const [contractId, rows] of grouped(equipment, (e) => e.contractId)) {
    const list: MinerInput[] = [];
    const periodsOf = (rowsOfOne: EquipmentRow[]) => rowsOfOne.map((e) => ({ fromS: epochS(e.fromAt), toS: openS(e.toAt) }));
    for (const [minerId, own] of grouped(
      rows.filter((e) => e.minerId !== null),
      (e) => e.minerId!,
    )) {
      const m = miners.get(minerId);
      if (m) list.push(minerInput(m, periodsOf(own), true));
    }
    for (const [siteId, own] of grouped(
      rows.filter((e) => e.siteId !== null),
      (e) => e.siteId!,
    )) {
      for (const m of miners.values()) if (m.siteId === siteId) list.push(minerInput(m, periodsOf(own), false));
    }
    minersOf.set(
      contractId,
      list.sort((a, b) => a.label.localeCompare(b.label)),
    );
  }
  return { minersOf, meteringCounters: metering, outletCounters: [...outletCounters.values()] };
}
