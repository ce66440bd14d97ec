import type Database from 'better-sqlite3';
import { prepared } from '../../../db/bulk';
import { formatDateTime } from '../../contract/dates';
import type { ReadingRowNote } from '../../contract/power.readings';
import type { ChainReading, FillableGap } from './power.readings.chain';
import { parseKwh, parseOutlet, parseReadingInstant } from './power.readings.parse';

/**
 * Every check of an import before anything is written: the device, the outlet, the time (not in the
 * future, read in the site's zone), the number, repeated instants within the file and against what is
 * stored, and, for a polled device, that the reading follows its last one or falls in a gap it can fill.
 */

export type ImportDevice = { id: number; name: string; kind: 'pdu' | 'meter' | 'manual'; zone: string };
export type CounterRow = { id: number; outletId: number | null; lastRaw: string | null; lastWh: number | null; lastAt: string | null };

/** The new readings of one counter (a device's total or one outlet's), sorted, with where each came from. */
export type CounterPlan = {
  device: ImportDevice;
  outletIndex: number | null;
  /** The outlet's id, or null for the device's total or an outlet a manual device does not have yet. */
  outletId: number | null;
  counter: CounterRow | null;
  readings: (ChainReading & { row: number })[];
  /** Polled devices: the readings of each gap they fill (by the gap's first reading), and those after the last reading. */
  gaps: Map<string, { gap: FillableGap; readings: ChainReading[] }>;
};

export type ImportRow = { device: number | string; outlet?: number | string | null; at: string; kwh: string; reset: boolean };
export type ImportCheck = { plans: CounterPlan[]; refusals: ReadingRowNote[]; remarks: ReadingRowNote[] };

const SQL = {
  devices: `SELECT d.id, d.name, d.kind, coalesce(s.time_zone, (SELECT time_zone FROM settings WHERE id = 1), 'UTC') AS zone
    FROM power_devices d JOIN sites s ON s.id = d.site_id`,
  outlets: `SELECT id, device_id AS deviceId, outlet_index AS outletIndex FROM power_outlets`,
  counters: `SELECT id, device_id AS deviceId, outlet_id AS outletId, last_raw AS lastRaw, last_wh AS lastWh, last_at AS lastAt FROM energy_counters`,
  storedAt: `SELECT at FROM energy_readings WHERE counter_id = ? AND at >= ? AND at <= ?`,
  gaps: `SELECT e.from_at AS fromAt, e.to_at AS toAt, e.counted_wh AS countedWh,
      a.raw AS fromRaw, a.counter_wh AS fromWh, a.reset AS fromReset, b.raw AS toRaw, b.counter_wh AS toWh, b.reset AS toReset
    FROM energy_counter_events e
    JOIN energy_readings a ON a.counter_id = e.counter_id AND a.at = e.from_at
    JOIN energy_readings b ON b.counter_id = e.counter_id AND b.at = e.to_at
    WHERE e.counter_id = ? AND e.kind = 'gap'`,
} as const;

/** An instant in a refusal as the file writes it: the site's time, as on every screen. */
const siteTime = (at: string, device: ImportDevice) => formatDateTime(at, device.zone);

const label = (device: ImportDevice, outletIndex: number | null) => (outletIndex === null ? `"${device.name}"` : `outlet ${outletIndex} of "${device.name}"`);

function deviceFinder(devices: readonly ImportDevice[]) {
  const byId = new Map(devices.map((d) => [d.id, d]));
  const byName = new Map<string, ImportDevice[]>();
  for (const d of devices) byName.set(d.name.toLowerCase(), [...(byName.get(d.name.toLowerCase()) ?? []), d]);
  return (cell: number | string): ImportDevice | string => {
    const named = typeof cell === 'string' ? byName.get(cell.trim().toLowerCase()) : undefined;
    if (named?.length === 1) return named[0];
    if (named && named.length > 1)
      return `${named.length} devices are named "${String(cell).trim()}"; write the device's id (${named.map((d) => d.id).join(' or ')}) instead.`;
    const id = typeof cell === 'number' ? cell : /^\d+$/.test(cell.trim()) ? Number(cell.trim()) : NaN;
    return byId.get(id) ?? `there is no power device "${String(cell).trim()}"; add it on the Power page first, or check the name.`;
  };
}

type Parsed = { row: number; device: ImportDevice; outletIndex: number | null; reading: ChainReading };

/** Checks each row's own cells; answers the readings that pass, and the refusals and remarks by row. */
function readRows(rows: readonly ImportRow[], devices: readonly ImportDevice[], outletIds: Map<string, number>, nowMs: number) {
  const findDevice = deviceFinder(devices);
  // A file repeats each time once per outlet: the zone arithmetic is done once per time and zone.
  const instants = new Map<string, ReturnType<typeof parseReadingInstant>>();
  const instantOf = (text: string, zone: string) => {
    const key = `${zone} ${text}`;
    let parsed = instants.get(key);
    if (!parsed) instants.set(key, (parsed = parseReadingInstant(text, zone)));
    return parsed;
  };
  const refusals: ReadingRowNote[] = [];
  const remarks: ReadingRowNote[] = [];
  const parsed: Parsed[] = [];
  rows.forEach((input, i) => {
    const row = i + 1;
    const before = refusals.length;
    const refuse = (message: string) => refusals.push({ row, message });
    const device = findDevice(input.device);
    const outlet = parseOutlet(input.outlet);
    const kwh = parseKwh(input.kwh);
    if (typeof device === 'string') refuse(device);
    if (!outlet.ok) refuse(outlet.message);
    if (!kwh.ok) refuse(kwh.message);
    if (typeof device === 'string') return;
    const at = instantOf(input.at, device.zone);
    if (!at.ok) refuse(at.message);
    else if (at.value.ms > nowMs)
      refuse(`${siteTime(new Date(at.value.ms).toISOString(), device)} is in the future; a reading is taken before it is imported.`);
    if (outlet.ok && outlet.value !== null && device.kind !== 'manual' && !outletIds.has(`${device.id}:${outlet.value}`))
      refuse(`"${device.name}" has no outlet ${outlet.value}; a polled device's outlets are the ones it reports.`);
    if (!at.ok || !outlet.ok || !kwh.ok || refusals.length > before) return;
    if (at.value.overlap) remarks.push({ row, message: at.value.overlap });
    const ms = at.value.ms;
    const reading = { atS: Math.floor(ms / 1000), at: new Date(ms).toISOString(), raw: input.kwh.trim(), wh: kwh.value, reset: input.reset };
    parsed.push({ row, device, outletIndex: outlet.value, reading });
  });
  return { parsed, refusals, remarks };
}

function loadGaps(sqlite: Database.Database, counterId: number): FillableGap[] {
  type GapRow = {
    fromAt: string;
    toAt: string;
    countedWh: number;
    fromRaw: string;
    fromWh: number;
    fromReset: number;
    toRaw: string;
    toWh: number;
    toReset: number;
  };
  const point = (at: string, raw: string, wh: number, reset: number): ChainReading => ({
    atS: Math.floor(Date.parse(at) / 1000),
    at,
    raw,
    wh,
    reset: reset === 1,
  });
  return (prepared(sqlite, SQL.gaps).all(counterId) as GapRow[]).map((g) => ({
    from: point(g.fromAt, g.fromRaw, g.fromWh, g.fromReset),
    to: point(g.toAt, g.toRaw, g.toWh, g.toReset),
    countedWh: g.countedWh,
  }));
}

/** Refuses repeated instants (in the file and against stored readings) and, for a polled counter, readings it cannot take. */
function checkPlan(sqlite: Database.Database, plan: CounterPlan, refuse: (row: number, message: string) => void): void {
  const what = label(plan.device, plan.outletIndex);
  const seen = new Map<string, number>();
  for (const r of plan.readings) {
    const first = seen.get(r.at);
    if (first !== undefined) refuse(r.row, `it repeats the time of row ${first} for ${what} (${siteTime(r.at, plan.device)}); keep one of the two.`);
    else seen.set(r.at, r.row);
  }
  if (!plan.counter) return;
  const { counter } = plan;
  const stored = new Set(
    (prepared(sqlite, SQL.storedAt).all(counter.id, plan.readings[0].at, plan.readings[plan.readings.length - 1].at) as { at: string }[]).map((r) => r.at),
  );
  for (const r of plan.readings) if (stored.has(r.at)) refuse(r.row, `${what} already has a reading at ${siteTime(r.at, plan.device)}.`);
  if (plan.device.kind === 'manual' || counter.lastAt === null) return;
  const gaps = loadGaps(sqlite, counter.id);
  for (const r of plan.readings) {
    if (stored.has(r.at) || r.at > counter.lastAt) continue;
    const gap = gaps.find((g) => g.from.atS < r.atS && r.atS < g.to.atS);
    if (!gap) {
      refuse(
        r.row,
        `${what} is polled and its readings around ${siteTime(r.at, plan.device)} are on record (or no longer kept); an imported reading can only follow its last reading (${siteTime(counter.lastAt, plan.device)}) or fill a gap in its polled readings of the last 14 days.`,
      );
      continue;
    }
    const entry = plan.gaps.get(gap.from.at) ?? { gap, readings: [] };
    entry.readings.push(r);
    plan.gaps.set(gap.from.at, entry);
  }
}

/** Checks every row of an import against the database as it is now; writes nothing. */
export function checkImport(sqlite: Database.Database, rows: readonly ImportRow[], nowMs: number): ImportCheck {
  const devices = prepared(sqlite, SQL.devices).all() as ImportDevice[];
  const outlets = prepared(sqlite, SQL.outlets).all() as { id: number; deviceId: number; outletIndex: number }[];
  const outletIds = new Map(outlets.map((o) => [`${o.deviceId}:${o.outletIndex}`, o.id]));
  const counters = prepared(sqlite, SQL.counters).all() as (CounterRow & { deviceId: number })[];
  const counterOf = new Map(counters.map((c) => [`${c.deviceId}:${c.outletId ?? 0}`, c]));
  const { parsed, refusals, remarks } = readRows(rows, devices, outletIds, nowMs);
  const plans = new Map<string, CounterPlan>();
  for (const p of parsed) {
    const key = `${p.device.id}:${p.outletIndex ?? 0}`;
    let plan = plans.get(key);
    if (!plan) {
      const outletId = p.outletIndex === null ? null : (outletIds.get(key) ?? null);
      const counter = p.outletIndex === null || outletId !== null ? (counterOf.get(`${p.device.id}:${outletId ?? 0}`) ?? null) : null;
      plan = { device: p.device, outletIndex: p.outletIndex, outletId, counter, readings: [], gaps: new Map() };
      plans.set(key, plan);
    }
    plan.readings.push({ ...p.reading, row: p.row });
  }
  const refuse = (row: number, message: string) => refusals.push({ row, message });
  for (const plan of plans.values()) {
    plan.readings.sort((a, b) => a.atS - b.atS || a.row - b.row);
    checkPlan(sqlite, plan, refuse);
  }
  refusals.sort((a, b) => a.row - b.row);
  return { plans: [...plans.values()], refusals: mergeByRow(refusals), remarks };
}

/** One sentence per row: a row refused for several reasons says them together. */
function mergeByRow(notes: readonly ReadingRowNote[]): ReadingRowNote[] {
  const merged: ReadingRowNote[] = [];
  for (const note of notes) {
    const last = merged[merged.length - 1];
    if (last?.row === note.row) last.message = `${last.message} ${note.message.charAt(0).toUpperCase()}${note.message.slice(1)}`;
    else merged.push({ ...note });
  }
  return merged;
}
