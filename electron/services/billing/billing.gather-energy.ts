import type { Database, Statement } from 'better-sqlite3';
import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import { POWER_INTERVAL_S } from '../power/power.poller';
import { maxGapS, OUTLET_MAX_W, TOTAL_MAX_W } from '../power/power.store';
import type { EnergySpan, GapCredit, MeterReading } from './billing.meter';
import type { Interval } from './billing.period';
import { IDS, idsParam, rowsOf } from './billing.statements';
import type { CounterInput } from './billing.types';

/**
 * The energy side of the billing input: each counter's hourly energy as spans, its gap credits and, for
 * the hours a billing boundary cuts, its raw readings. Whole days come from their per-day sums and the
 * other complete hours are summed in SQL (statements prepared once per connection): a counter whose hours form one unbroken run and
 * that no boundary splits comes back as one span. A counter's hours are cut into segments at every
 * boundary on an hour's edge, with every hour a boundary cuts a segment of its own (the engine pro-rates
 * a cut span evenly, so it must be one hour, not a run); a segment with hours missing comes back as its
 * unbroken runs (see HourRuns).
 */

const HOUR = 3600;
const DAY = 24 * HOUR;
const GAP_S = maxGapS(POWER_INTERVAL_S);

/** A counter to read: its label, whether it is a device total, and the instants where billing changes. */
export type CounterWanted = { id: number; label: string; total: boolean; boundaries: Set<number> };

const epochS = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const isoOf = (s: number) => new Date(s * 1000).toISOString();

type Segment = { counterId: number; fromS: number; toS: number; cutHour: boolean };

/**
 * A counter's hours cut into segments that may each be summed: split at every boundary on an hour's edge,
 * and around every hour a boundary cuts (that hour a segment of its own).
 */
function segmentsOf(counterId: number, boundaries: Iterable<number>, range: Interval): Segment[] {
  const points = new Set([range.fromS, range.toS]);
  const cutHours = new Set<number>();
  for (const b of boundaries) {
    if (b <= range.fromS || b >= range.toS) continue;
    const hourS = b - (((b % HOUR) + HOUR) % HOUR);
    if (hourS === b) {
      points.add(b);
    } else {
      points.add(hourS).add(hourS + HOUR);
      cutHours.add(hourS);
    }
  }
  const sorted = [...points].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((fromS, i) => ({ counterId, fromS, toS: sorted[i + 1], cutHour: cutHours.has(fromS) && sorted[i + 1] - fromS === HOUR }));
}

// Both read the covering index (counter_id, hour, energy_wh, covered_s) over one counter's range: no row lookups, no sort.
export const SUM_SQL = 'SELECT COUNT(*), SUM(energy_wh), SUM(covered_s) FROM energy_hourly WHERE counter_id = ? AND hour >= ? AND hour < ?';
const ROWS_SQL = 'SELECT hour, energy_wh, covered_s FROM energy_hourly WHERE counter_id = ? AND hour >= ? AND hour < ? ORDER BY hour';
// The per-day sums the triggers keep beside the hours (a month is ~31 rows per counter, read by primary key).
export const DAYS_SQL = 'SELECT day, hours, energy_wh, covered_s FROM energy_daily WHERE counter_id = ? AND day >= ? AND day < ? ORDER BY day';

const dayOf = (s: number) => isoOf(s).slice(0, 10);

/**
 * The stored hours of one counter read as unbroken runs. Whole UTC days come from energy_daily (a day with all
 * 24 hours stored is one run); only the hours before the first and after the last whole day, and the days with
 * hours missing, are read from energy_hourly: summed when every hour is there, else row by row.
 */
class HourRuns {
  // Raw rows: arrays in the columns' order (the statements are this file's own, always read raw).
  private readonly sum: Statement<unknown[], [number, number | null, number | null]>;
  private readonly rows: Statement<unknown[], [string, number, number]>;
  private readonly days: Statement<unknown[], [string, number, number, number]>;

  constructor(sqlite: Database) {
    this.sum = prepared(sqlite, SUM_SQL).raw() as Statement<unknown[], [number, number | null, number | null]>;
    this.rows = prepared(sqlite, ROWS_SQL).raw() as Statement<unknown[], [string, number, number]>;
    this.days = prepared(sqlite, DAYS_SQL).raw() as Statement<unknown[], [string, number, number, number]>;
  }

  /** The runs of stored hours in [fromS, toS) (hour-aligned), in order, appended to `into`. */
  of(counterId: number, fromS: number, toS: number, into: EnergySpan[] = []): EnergySpan[] {
    const firstDayS = Math.ceil(fromS / DAY) * DAY;
    const endDayS = Math.floor(toS / DAY) * DAY;
    if (endDayS - firstDayS < DAY) return this.hoursOf(counterId, fromS, toS, into);
    this.hoursOf(counterId, fromS, firstDayS, into);
    for (const [day, hours, energyWh, coveredS] of this.days.all(counterId, dayOf(firstDayS), dayOf(endDayS))) {
      const dayS = epochS(`${day}T00:00:00.000Z`);
      if (hours * HOUR === DAY) appendRun(into, { fromS: dayS, toS: dayS + DAY, energyWh, coveredS });
      else this.hoursOf(counterId, dayS, dayS + DAY, into);
    }
    return this.hoursOf(counterId, endDayS, toS, into);
  }

  /** Runs from energy_hourly over a short range (under two days): one sum when every hour is stored, else row by row. */
  private hoursOf(counterId: number, fromS: number, toS: number, into: EnergySpan[]): EnergySpan[] {
    if (toS <= fromS) return into;
    const [n, wh, covered] = this.sum.get(counterId, isoOf(fromS), isoOf(toS))!;
    if (n === 0) return into;
    if (n * HOUR === toS - fromS) {
      appendRun(into, { fromS, toS, energyWh: wh ?? 0, coveredS: covered ?? 0 });
      return into;
    }
    for (const [hour, energyWh, coveredS] of this.rows.all(counterId, isoOf(fromS), isoOf(toS))) {
      const hourS = epochS(hour);
      appendRun(into, { fromS: hourS, toS: hourS + HOUR, energyWh, coveredS });
    }
    return into;
  }
}

/** Adds `run` to the runs, joined to the last one when it carries straight on from it. */
function appendRun(runs: EnergySpan[], run: EnergySpan): void {
  const last = runs[runs.length - 1];
  if (last && last.toS === run.fromS) {
    last.toS = run.toS;
    last.energyWh += run.energyWh;
    last.coveredS += run.coveredS;
  } else runs.push(run);
}

function counterRules(db: Db, ids: readonly number[]): Map<number, number | null> {
  const rows = rowsOf<{ id: number; maxWh: number | null }>(db, `SELECT id, max_wh AS maxWh FROM energy_counters WHERE id IN (${IDS})`, idsParam(ids));
  return new Map(rows.map((r) => [r.id, r.maxWh]));
}

function gapCredits(db: Db, ids: readonly number[], range: Interval): Map<number, GapCredit[]> {
  const rows = rowsOf<{ id: number; toAt: string; wh: number }>(
    db,
    `SELECT counter_id AS id, to_at AS toAt, counted_wh AS wh FROM energy_counter_events
     WHERE kind = 'gap' AND counter_id IN (${IDS}) AND to_at > ? AND to_at <= ?`,
    idsParam(ids),
    isoOf(range.fromS),
    isoOf(range.toS),
  );
  const byCounter = new Map<number, GapCredit[]>();
  for (const r of rows) {
    const list = byCounter.get(r.id);
    if (list) list.push({ endS: epochS(r.toAt), countedWh: r.wh });
    else byCounter.set(r.id, [{ endS: epochS(r.toAt), countedWh: r.wh }]);
  }
  return byCounter;
}

const READINGS_SQL = 'SELECT at, counter_wh FROM energy_readings WHERE counter_id = ? AND at >= ? AND at <= ? ORDER BY at';

function readingsAround(sqlite: Database, counterId: number, cutHours: readonly number[]): MeterReading[] {
  const statement = prepared(sqlite, READINGS_SQL).raw() as Statement<unknown[], [string, number]>;
  const readings = new Map<number, number>();
  for (const hourS of cutHours) {
    for (const [at, wh] of statement.all(counterId, isoOf(hourS - GAP_S), isoOf(hourS + HOUR + GAP_S))) readings.set(epochS(at), wh);
  }
  return [...readings].sort((a, b) => a[0] - b[0]).map(([atS, wh]) => ({ atS, wh }));
}

/** The counters over `period` (from the hour containing its start to the hour containing its end), ready for the engine. */
export function gatherCounters(db: Db, wanted: readonly CounterWanted[], period: Interval): CounterInput[] {
  if (!wanted.length) return [];
  const ids = wanted.map((c) => c.id);
  const range = { fromS: Math.floor(period.fromS / HOUR) * HOUR, toS: Math.ceil(period.toS / HOUR) * HOUR };
  const hourRuns = new HourRuns(db.$client);
  const maxWh = counterRules(db, ids);
  const gaps = gapCredits(db, ids, range);
  return wanted.map((counter) => {
    const spans: EnergySpan[] = [];
    const cutHours: number[] = [];
    for (const g of segmentsOf(counter.id, [...counter.boundaries, period.fromS, period.toS], range)) {
      const runs = hourRuns.of(counter.id, g.fromS, g.toS);
      if (runs.length && g.cutHour) cutHours.push(g.fromS);
      spans.push(...runs);
    }
    return {
      id: counter.id,
      label: counter.label,
      spans,
      gapCredits: gaps.get(counter.id) ?? [],
      readings: cutHours.length ? readingsAround(db.$client, counter.id, cutHours) : [],
      maxWh: maxWh.get(counter.id) ?? null,
      maxGapS: GAP_S,
      maxPowerW: counter.total ? TOTAL_MAX_W : OUTLET_MAX_W,
    };
  });
}
