import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { POWER_INTERVAL_S } from '../power/power.poller';
import { maxGapS, OUTLET_MAX_W, TOTAL_MAX_W } from '../power/power.store';
import type { EnergySpan, GapCredit, MeterReading } from './billing.meter';
import type { Interval } from './billing.period';
import type { CounterInput } from './billing.types';

/**
 * The energy side of the billing input: each counter's hourly energy as spans, its gap credits and, for
 * the hours a billing boundary cuts, its raw readings. Runs of complete hours are summed in SQL (one
 * GROUP BY over the covering index for every counter): a counter whose hours form one unbroken run and
 * that no boundary splits comes back as one span. A counter with holes, or with a boundary inside its
 * run, is read hour by hour and summed here, with every hour a boundary cuts kept as its own span
 * (the engine pro-rates a cut span evenly, so it must be one hour, not a run) and a run split at every
 * boundary that falls on an hour's edge.
 */

const HOUR = 3600;
const GAP_S = maxGapS(POWER_INTERVAL_S);

/** A counter to read: its label, whether it is a device total, and the instants where billing changes. */
export type CounterWanted = { id: number; label: string; total: boolean; boundaries: Set<number> };

const epochS = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const isoOf = (s: number) => new Date(s * 1000).toISOString();
const idList = (ids: readonly number[]) => sql.raw(ids.map((id) => Math.trunc(id)).join(', ') || 'NULL');

type RunRow = { id: number; first: string; last: string; n: number; wh: number; covered: number };
type HourRow = { hour: string; wh: number; covered: number };

/** Spans from hour rows (sorted): cut hours alone, runs split at aligned boundaries and at holes. */
function spansOfHours(rows: readonly HourRow[], cuts: readonly number[]): { spans: EnergySpan[]; cutHours: number[] } {
  const spans: EnergySpan[] = [];
  const cutHours: number[] = [];
  let alonePrev = false;
  for (const row of rows) {
    const fromS = epochS(row.hour);
    const toS = fromS + HOUR;
    const alone = cuts.some((b) => b > fromS && b < toS);
    if (alone) cutHours.push(fromS);
    const last = spans[spans.length - 1];
    if (last && !alone && !alonePrev && last.toS === fromS && !cuts.includes(fromS)) {
      last.toS = toS;
      last.energyWh += row.wh;
      last.coveredS += row.covered;
    } else spans.push({ fromS, toS, energyWh: row.wh, coveredS: row.covered });
    alonePrev = alone;
  }
  return { spans, cutHours };
}

function counterRules(db: DbOrTx, ids: readonly number[]): Map<number, number | null> {
  const rows = db.all<{ id: number; maxWh: number | null }>(sql`SELECT id, max_wh AS maxWh FROM energy_counters WHERE id IN (${idList(ids)})`);
  return new Map(rows.map((r) => [r.id, r.maxWh]));
}

function gapCredits(db: DbOrTx, ids: readonly number[], range: Interval): Map<number, GapCredit[]> {
  const rows = db.all<{ id: number; toAt: string; wh: number }>(
    sql`SELECT counter_id AS id, to_at AS toAt, counted_wh AS wh FROM energy_counter_events
        WHERE kind = 'gap' AND counter_id IN (${idList(ids)}) AND to_at > ${isoOf(range.fromS)} AND to_at <= ${isoOf(range.toS)}`,
  );
  const byCounter = new Map<number, GapCredit[]>();
  for (const r of rows) byCounter.set(r.id, [...(byCounter.get(r.id) ?? []), { endS: epochS(r.toAt), countedWh: r.wh }]);
  return byCounter;
}

function readingsAround(db: DbOrTx, counterId: number, cutHours: readonly number[]): MeterReading[] {
  const readings = new Map<number, number>();
  for (const hourS of cutHours) {
    const rows = db.all<{ at: string; wh: number }>(
      sql`SELECT at, counter_wh AS wh FROM energy_readings WHERE counter_id = ${counterId} AND at >= ${isoOf(hourS - GAP_S)} AND at <= ${isoOf(hourS + HOUR + GAP_S)} ORDER BY at`,
    );
    for (const r of rows) readings.set(epochS(r.at), r.wh);
  }
  return [...readings].sort((a, b) => a[0] - b[0]).map(([atS, wh]) => ({ atS, wh }));
}

/** The counters over `period` (their hours from the one containing its start), ready for the engine. */
export function gatherCounters(db: DbOrTx, wanted: readonly CounterWanted[], period: Interval): CounterInput[] {
  if (!wanted.length) return [];
  const ids = wanted.map((c) => c.id);
  const range = { fromS: Math.floor(period.fromS / HOUR) * HOUR, toS: period.toS };
  const runs = new Map(
    db
      .all<RunRow>(
        sql`SELECT counter_id AS id, MIN(hour) AS first, MAX(hour) AS last, COUNT(*) AS n, SUM(energy_wh) AS wh, SUM(covered_s) AS covered
            FROM energy_hourly WHERE counter_id IN (${idList(ids)}) AND hour >= ${isoOf(range.fromS)} AND hour < ${isoOf(range.toS)}
            GROUP BY counter_id`,
      )
      .map((r) => [r.id, r]),
  );
  const maxWh = counterRules(db, ids);
  const gaps = gapCredits(db, ids, range);
  return wanted.map((counter) => {
    const run = runs.get(counter.id);
    const base = {
      id: counter.id,
      label: counter.label,
      maxWh: maxWh.get(counter.id) ?? null,
      maxGapS: GAP_S,
      maxPowerW: counter.total ? TOTAL_MAX_W : OUTLET_MAX_W,
    };
    const gapCreditsOf = gaps.get(counter.id) ?? [];
    if (!run) return { ...base, spans: [], gapCredits: gapCreditsOf, readings: [] };
    const fromS = epochS(run.first);
    const toS = epochS(run.last) + HOUR;
    const cuts = [...counter.boundaries, period.fromS, period.toS].filter((b) => b > fromS && b < toS).sort((a, b) => a - b);
    if (run.n * HOUR === toS - fromS && cuts.length === 0) {
      return { ...base, spans: [{ fromS, toS, energyWh: run.wh, coveredS: run.covered }], gapCredits: gapCreditsOf, readings: [] };
    }
    const rows = db.all<HourRow>(
      sql`SELECT hour, energy_wh AS wh, covered_s AS covered FROM energy_hourly
          WHERE counter_id = ${counter.id} AND hour >= ${isoOf(range.fromS)} AND hour < ${isoOf(range.toS)} ORDER BY hour`,
    );
    const { spans, cutHours } = spansOfHours(rows, cuts);
    return { ...base, spans, gapCredits: gapCreditsOf, readings: readingsAround(db, counter.id, cutHours) };
  });
}
