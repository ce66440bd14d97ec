import type Database from 'better-sqlite3';
import { prepared } from '../../../db/bulk';
import { energyDelta, type EnergyDelta, type HourSlice } from './energy-delta';

/**
 * Writes imported readings into a counter's chain, in the same tables the poller fills (raw readings,
 * hourly energy, counter events), so billing reads imported and polled energy alike.
 *
 * Between two readings where either is imported, energy is spread evenly over the time between them
 * however far apart (a counter read by hand once a month is a month of measured energy, not a gap): the
 * counter's value between two readings is interpolated linearly. A reading flagged `reset` counts from 0.
 *
 * A manual device's chain is only ever imported and its readings are kept for good, so inserting readings
 * anywhere in it takes the stored pairs from the one before the earliest new reading onward back out
 * (recomputed exactly as they were added) and puts the merged chain's pairs in. A polled counter takes
 * readings after its last one, or inside a gap whose two readings are still kept: the gap's credit (the
 * delta the poller put whole in the hour the gap ended) is taken out and the filled stretch spread instead.
 */

export type ChainReading = { atS: number; at: string; raw: string; wh: number; reset: boolean };
export type ChainRules = { maxWh: number | null; maxPowerW: number };
/** A new reading whose pair with the one before it counted as a reset without the row asking for one. */
export type UnaskedReset = { at: string; before: ChainReading; after: ChainReading; countedWh: number };

const NO_GAP = Number.POSITIVE_INFINITY;
const isoOf = (s: number) => new Date(s * 1000).toISOString();

const SQL = {
  hourlyAdd: `INSERT INTO energy_hourly (counter_id, hour, energy_wh, covered_s) VALUES (?, ?, ?, ?)
    ON CONFLICT (counter_id, hour) DO UPDATE SET energy_wh = energy_wh + excluded.energy_wh, covered_s = MIN(3600, covered_s + excluded.covered_s)`,
  hourlySubtract: `UPDATE energy_hourly SET energy_wh = energy_wh - ?, covered_s = MAX(0, covered_s - ?) WHERE counter_id = ? AND hour = ?`,
  hourlyDropEmpty: `DELETE FROM energy_hourly WHERE counter_id = ? AND hour >= ? AND energy_wh = 0 AND covered_s = 0`,
  eventInsert: `INSERT INTO energy_counter_events (counter_id, kind, from_at, to_at, before_raw, after_raw, counted_wh) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  eventsFrom: `DELETE FROM energy_counter_events WHERE counter_id = ? AND from_at >= ?`,
  eventsOfPair: `DELETE FROM energy_counter_events WHERE counter_id = ? AND from_at = ? AND to_at = ?`,
  readingInsert: `INSERT INTO energy_readings (counter_id, at, raw, counter_wh, power_w, reset) VALUES (?, ?, ?, ?, NULL, ?)`,
  readingBefore: `SELECT at, raw, counter_wh AS wh, reset FROM energy_readings WHERE counter_id = ? AND at < ? ORDER BY at DESC LIMIT 1`,
  readingsFrom: `SELECT at, raw, counter_wh AS wh, reset FROM energy_readings WHERE counter_id = ? AND at >= ? ORDER BY at`,
  counterLast: `UPDATE energy_counters SET last_raw = ?, last_wh = ?, last_at = ? WHERE id = ? AND (last_at IS NULL OR last_at < ?)`,
} as const;

type ReadingRow = { at: string; raw: string; wh: number; reset: number };
const toChain = (r: ReadingRow): ChainReading => ({ atS: Math.floor(Date.parse(r.at) / 1000), at: r.at, raw: r.raw, wh: r.wh, reset: r.reset === 1 });

/** The energy between two readings of a chain where one is imported (see above): never a gap; a flagged reset counts from 0. */
export function importedDelta(previous: ChainReading, current: ChainReading, rules: ChainRules): EnergyDelta {
  const deltaRules = { maxWh: rules.maxWh, maxGapS: NO_GAP, maxPowerW: rules.maxPowerW };
  if (!current.reset) return energyDelta(previous, current, deltaRules);
  const fromZero = energyDelta({ wh: 0, atS: previous.atS }, current, deltaRules);
  const asked = fromZero.events.some((e) => e.kind === 'reset') ? [] : [{ kind: 'reset' as const, countedWh: fromZero.deltaWh }];
  return { ...fromZero, events: [...asked, ...fromZero.events] };
}

function writeSlices(sqlite: Database.Database, counterId: number, slices: readonly HourSlice[], sign: 1 | -1): void {
  for (const slice of slices) {
    if (sign === 1) prepared(sqlite, SQL.hourlyAdd).run(counterId, isoOf(slice.hourS), slice.energyWh, slice.coveredS);
    else prepared(sqlite, SQL.hourlySubtract).run(slice.energyWh, slice.coveredS, counterId, isoOf(slice.hourS));
  }
}

/** Adds the pairs of `chain` to the counter's hourly energy and events; reports new readings that reset unasked. */
function addChain(sqlite: Database.Database, counterId: number, chain: readonly ChainReading[], isNew: ReadonlySet<string>, rules: ChainRules): UnaskedReset[] {
  const unasked: UnaskedReset[] = [];
  for (let k = 1; k < chain.length; k += 1) {
    const [before, after] = [chain[k - 1], chain[k]];
    const delta = importedDelta(before, after, rules);
    writeSlices(sqlite, counterId, delta.slices, 1);
    for (const event of delta.events) prepared(sqlite, SQL.eventInsert).run(counterId, event.kind, before.at, after.at, before.raw, after.raw, event.countedWh);
    const reset = delta.events.find((e) => e.kind === 'reset');
    if (reset && !after.reset && (isNew.has(after.at) || isNew.has(before.at)))
      unasked.push({ at: isNew.has(after.at) ? after.at : before.at, before, after, countedWh: reset.countedWh });
  }
  return unasked;
}

function insertReadings(sqlite: Database.Database, counterId: number, readings: readonly ChainReading[]): void {
  for (const r of readings) prepared(sqlite, SQL.readingInsert).run(counterId, r.at, r.raw, r.wh, r.reset ? 1 : 0);
  const last = readings[readings.length - 1];
  prepared(sqlite, SQL.counterLast).run(last.raw, last.wh, last.at, counterId, last.at);
}

const mergeByTime = (a: readonly ChainReading[], b: readonly ChainReading[]) => [...a, ...b].sort((x, y) => x.atS - y.atS);

/** Merges new readings (sorted, none at a stored instant) into a manual device's counter (see above). */
export function mergeManualReadings(sqlite: Database.Database, counterId: number, added: readonly ChainReading[], rules: ChainRules): UnaskedReset[] {
  const before = prepared(sqlite, SQL.readingBefore).get(counterId, added[0].at) as ReadingRow | undefined;
  const stored = (prepared(sqlite, SQL.readingsFrom).all(counterId, before?.at ?? added[0].at) as ReadingRow[]).map(toChain);
  for (let k = 1; k < stored.length; k += 1) writeSlices(sqlite, counterId, importedDelta(stored[k - 1], stored[k], rules).slices, -1);
  if (stored.length) prepared(sqlite, SQL.eventsFrom).run(counterId, stored[0].at);
  const unasked = addChain(sqlite, counterId, mergeByTime(stored, added), new Set(added.map((r) => r.at)), rules);
  if (stored.length) prepared(sqlite, SQL.hourlyDropEmpty).run(counterId, isoOf(Math.floor(stored[0].atS / 3600) * 3600));
  insertReadings(sqlite, counterId, added);
  return unasked;
}

/** A recorded gap of a polled counter whose two readings are kept: where imported readings may go. */
export type FillableGap = { from: ChainReading; to: ChainReading; countedWh: number };

/**
 * Puts new readings into a polled counter: those after `last` (its latest reading) continue the chain,
 * those inside `gap` replace the gap's whole-hour credit with the filled stretch.
 */
export function fillPolledReadings(
  sqlite: Database.Database,
  counterId: number,
  added: readonly ChainReading[],
  place: { gap: FillableGap } | { last: ChainReading | null },
  rules: ChainRules,
): UnaskedReset[] {
  const isNew = new Set(added.map((r) => r.at));
  let unasked: UnaskedReset[];
  if ('gap' in place) {
    const { from, to, countedWh } = place.gap;
    if (countedWh > 0) writeSlices(sqlite, counterId, [{ hourS: Math.floor((to.atS - 1) / 3600) * 3600, energyWh: countedWh, coveredS: 0 }], -1);
    prepared(sqlite, SQL.eventsOfPair).run(counterId, from.at, to.at);
    unasked = addChain(sqlite, counterId, [from, ...added, to], isNew, rules);
  } else {
    unasked = addChain(sqlite, counterId, place.last ? [place.last, ...added] : added, isNew, rules);
  }
  insertReadings(sqlite, counterId, added);
  return unasked;
}
