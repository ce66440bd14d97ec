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

type Segment = { key: number; counterId: number; fromS: number; toS: number; cutHour: boolean };
type SegmentSum = { key: number; first: string | null; last: string | null; n: number; wh: number | null; covered: number | null };

/**
 * A counter's hours cut into segments that may each be summed: split at every boundary on an hour's edge,
 * and around every hour a boundary cuts (that hour a segment of its own).
 */
function segmentsOf(counterId: number, boundaries: Iterable<number>, range: Interval, key: () => number): Segment[] {
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
  return sorted
    .slice(0, -1)
    .map((fromS, i) => ({ key: key(), counterId, fromS, toS: sorted[i + 1], cutHour: cutHours.has(fromS) && sorted[i + 1] - fromS === HOUR }));
}

const segmentValues = (segments: readonly Segment[]) =>
  sql.raw(segments.map((g) => `(${g.key}, ${Math.trunc(g.counterId)}, '${isoOf(g.fromS)}', '${isoOf(g.toS)}')`).join(', '));

/** Each segment's sum, one index range per segment (a correlated subquery: no sort of the month's rows). */
function segmentSums(db: DbOrTx, segments: readonly Segment[]): SegmentSum[] {
  const sums: SegmentSum[] = [];
  for (let i = 0; i < segments.length; i += 400) {
    const rows = db.all<{ key: number; agg: string }>(
      sql`WITH seg(k, counter_id, f, t) AS (VALUES ${segmentValues(segments.slice(i, i + 400))})
          SELECT k AS key, (SELECT json_array(MIN(hour), MAX(hour), COUNT(*), SUM(energy_wh), SUM(covered_s)) FROM energy_hourly h
            WHERE h.counter_id = seg.counter_id AND h.hour >= seg.f AND h.hour < seg.t) AS agg FROM seg`,
    );
    for (const r of rows) {
      const [first, last, n, wh, covered] = JSON.parse(r.agg) as [string | null, string | null, number, number | null, number | null];
      sums.push({ key: r.key, first, last, n, wh, covered });
    }
  }
  return sums;
}

/** The unbroken runs of hours inside segments that have holes (gaps and islands), in order. */
function islandSums(db: DbOrTx, segments: readonly Segment[]): SegmentSum[] {
  if (!segments.length) return [];
  return db.all<SegmentSum>(
    sql`WITH seg(k, counter_id, f, t) AS (VALUES ${segmentValues(segments)})
        SELECT k AS key, MIN(hour) AS first, MAX(hour) AS last, COUNT(*) AS n, SUM(wh) AS wh, SUM(cs) AS covered FROM (
          SELECT seg.k, h.hour, h.energy_wh AS wh, h.covered_s AS cs,
            unixepoch(h.hour) / 3600 - ROW_NUMBER() OVER (PARTITION BY seg.k ORDER BY h.hour) AS island
          FROM seg JOIN energy_hourly h ON h.counter_id = seg.counter_id AND h.hour >= seg.f AND h.hour < seg.t)
        GROUP BY k, island ORDER BY k, first`,
  );
}

const spanOf = (sum: SegmentSum): EnergySpan => ({
  fromS: epochS(sum.first!),
  toS: epochS(sum.last!) + HOUR,
  energyWh: sum.wh ?? 0,
  coveredS: sum.covered ?? 0,
});

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

/** The counters over `period` (from the hour containing its start to the hour containing its end), ready for the engine. */
export function gatherCounters(db: DbOrTx, wanted: readonly CounterWanted[], period: Interval): CounterInput[] {
  if (!wanted.length) return [];
  const ids = wanted.map((c) => c.id);
  const range = { fromS: Math.floor(period.fromS / HOUR) * HOUR, toS: Math.ceil(period.toS / HOUR) * HOUR };
  let next = 0;
  const segments = wanted.flatMap((c) => segmentsOf(c.id, [...c.boundaries, period.fromS, period.toS], range, () => next++));
  const sums = new Map(segmentSums(db, segments).map((sum) => [sum.key, sum]));
  const holed = segments.filter((g) => {
    const sum = sums.get(g.key)!;
    return sum.n > 0 && (epochS(sum.last!) - epochS(sum.first!)) / HOUR + 1 !== sum.n;
  });
  const islands = new Map<number, SegmentSum[]>();
  for (const island of islandSums(db, holed)) islands.set(island.key, [...(islands.get(island.key) ?? []), island]);
  const maxWh = counterRules(db, ids);
  const gaps = gapCredits(db, ids, range);
  const segmentsOfCounter = new Map<number, Segment[]>();
  for (const g of segments) segmentsOfCounter.set(g.counterId, [...(segmentsOfCounter.get(g.counterId) ?? []), g]);
  return wanted.map((counter) => {
    const spans: EnergySpan[] = [];
    const cutHours: number[] = [];
    for (const g of segmentsOfCounter.get(counter.id) ?? []) {
      const sum = sums.get(g.key)!;
      if (sum.n === 0) continue;
      if (g.cutHour) cutHours.push(g.fromS);
      for (const part of islands.get(g.key) ?? [sum]) spans.push(spanOf(part));
    }
    return {
      id: counter.id,
      label: counter.label,
      spans,
      gapCredits: gaps.get(counter.id) ?? [],
      readings: cutHours.length ? readingsAround(db, counter.id, cutHours) : [],
      maxWh: maxWh.get(counter.id) ?? null,
      maxGapS: GAP_S,
      maxPowerW: counter.total ? TOTAL_MAX_W : OUTLET_MAX_W,
    };
  });
}
