import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import type { CounterReading, PowerReadResult } from './reader';
import { energyDelta } from './energy-delta';

/**
 * Writes one poll of one device in one transaction: its state, its outlets, each energy counter's raw
 * reading (one per five-minute bucket), the hourly energy from the counter's delta, and the counter's
 * resets, rollovers and gaps. A background poll: no audit rows (it changes no one's data).
 */

const READING_BUCKET_S = 300;
/** Raw readings are kept this long; hourly energy and events forever. */
export const READING_RETENTION_S = 14 * 86_400;

/** Upper bounds of plausible power, W: one outlet (a 63 A three-phase feed is ~44 kW), and a device's total. */
export const OUTLET_MAX_W = 50_000;
export const TOTAL_MAX_W = 100_000_000;

/** A gap is more than three poll intervals, and never less than 15 minutes, without a reading. */
export const maxGapS = (intervalS: number) => Math.max(3 * intervalS, 900);

/** The power bound of a counter: twice what the device reports now (loads vary between polls), else the fixed bound. */
const maxPowerOf = (powerW: number | null, fixed: number) => (powerW === null ? fixed : Math.min(fixed, Math.max(2 * powerW, 1_000)));

const epochS = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const isoOf = (s: number) => new Date(s * 1000).toISOString();

const SQL = {
  deviceFailed: `UPDATE power_devices SET state = ?, state_message = ?, last_polled_at = ?, power_w = NULL WHERE id = ?`,
  deviceOk: `UPDATE power_devices SET state = 'ok', state_message = ?, last_polled_at = ?, last_ok_at = ?, power_w = ? WHERE id = ?`,
  outletUpsert: `INSERT INTO power_outlets (device_id, outlet_index, name, state, power_w, read_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (device_id, outlet_index) DO UPDATE SET name = excluded.name, state = excluded.state, power_w = excluded.power_w, read_at = excluded.read_at
    RETURNING id`,
  counterGet: `SELECT id, max_wh AS maxWh, last_raw AS lastRaw, last_wh AS lastWh, last_at AS lastAt FROM energy_counters WHERE device_id = ? AND coalesce(outlet_id, 0) = ?`,
  counterInsert: `INSERT INTO energy_counters (device_id, outlet_id, max_wh, last_raw, last_wh, last_at) VALUES (?, ?, ?, ?, ?, ?)`,
  counterUpdate: `UPDATE energy_counters SET max_wh = ?, last_raw = ?, last_wh = ?, last_at = ? WHERE id = ?`,
  readingClearBucket: `DELETE FROM energy_readings WHERE counter_id = ? AND at >= ? AND at < ?`,
  readingInsert: `INSERT OR REPLACE INTO energy_readings (counter_id, at, raw, counter_wh, power_w) VALUES (?, ?, ?, ?, ?)`,
  hourlyAdd: `INSERT INTO energy_hourly (counter_id, hour, energy_wh, covered_s) VALUES (?, ?, ?, ?)
    ON CONFLICT (counter_id, hour) DO UPDATE SET energy_wh = energy_wh + excluded.energy_wh, covered_s = MIN(3600, covered_s + excluded.covered_s)`,
  eventInsert: `INSERT INTO energy_counter_events (counter_id, kind, from_at, to_at, before_raw, after_raw, counted_wh) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  // A manual device's readings are its only record (nothing polls it again): they are kept.
  prune: `DELETE FROM energy_readings WHERE at < ? AND counter_id NOT IN
    (SELECT c.id FROM energy_counters c JOIN power_devices d ON d.id = c.device_id WHERE d.kind = 'manual')`,
} as const;

type CounterRow = { id: number; maxWh: number | null; lastRaw: string | null; lastWh: number | null; lastAt: string | null };

function storeCounter(
  db: Db,
  deviceId: number,
  outletId: number | null,
  reading: CounterReading,
  powerW: number | null,
  atIso: string,
  rules: { intervalS: number; maxW: number },
): void {
  const sqlite = db.$client;
  const existing = prepared(sqlite, SQL.counterGet).get(deviceId, outletId ?? 0) as CounterRow | undefined;
  let counterId: number;
  if (!existing) {
    // First sight: the reading is the baseline; energy counts from the next one.
    counterId = Number(prepared(sqlite, SQL.counterInsert).run(deviceId, outletId, reading.maxWh, reading.raw, reading.wh, atIso).lastInsertRowid);
  } else {
    counterId = existing.id;
    // An older or repeated reading is not stored over a newer one.
    if (existing.lastAt !== null && epochS(atIso) <= epochS(existing.lastAt)) return;
    if (existing.lastAt !== null && existing.lastWh !== null && existing.lastRaw !== null) {
      const delta = energyDelta(
        { wh: existing.lastWh, atS: epochS(existing.lastAt) },
        { wh: reading.wh, atS: epochS(atIso) },
        { maxWh: reading.maxWh ?? existing.maxWh, maxGapS: maxGapS(rules.intervalS), maxPowerW: maxPowerOf(powerW, rules.maxW) },
      );
      for (const slice of delta.slices) prepared(sqlite, SQL.hourlyAdd).run(counterId, isoOf(slice.hourS), slice.energyWh, slice.coveredS);
      for (const event of delta.events)
        prepared(sqlite, SQL.eventInsert).run(counterId, event.kind, existing.lastAt, atIso, existing.lastRaw, reading.raw, event.countedWh);
    }
    prepared(sqlite, SQL.counterUpdate).run(reading.maxWh ?? existing.maxWh, reading.raw, reading.wh, atIso, counterId);
  }
  const bucketS = Math.floor(epochS(atIso) / READING_BUCKET_S) * READING_BUCKET_S;
  prepared(sqlite, SQL.readingClearBucket).run(counterId, isoOf(bucketS), isoOf(bucketS + READING_BUCKET_S));
  prepared(sqlite, SQL.readingInsert).run(counterId, atIso, reading.raw, reading.wh, powerW);
}

/** Stores one poll of a device (see above); `intervalS` is the poll interval, which sets what counts as a gap. */
export function storePowerPoll(db: Db, deviceId: number, result: PowerReadResult, at: Date, intervalS: number): void {
  const atIso = at.toISOString();
  const sqlite = db.$client;
  db.transaction(() => {
    if (!result.ok) {
      prepared(sqlite, SQL.deviceFailed).run(result.state, result.message, atIso, deviceId);
      return;
    }
    const { reading } = result;
    const message = reading.notes.length ? reading.notes.join(' ') : null;
    prepared(sqlite, SQL.deviceOk).run(message, atIso, atIso, reading.powerW === null ? null : Math.round(reading.powerW), deviceId);
    for (const outlet of reading.outlets) {
      const { id } = prepared(sqlite, SQL.outletUpsert).get(deviceId, outlet.index, outlet.name, outlet.state, outlet.powerW, atIso) as { id: number };
      if (outlet.energy) storeCounter(db, deviceId, id, outlet.energy, outlet.powerW, atIso, { intervalS, maxW: OUTLET_MAX_W });
    }
    if (reading.energy) storeCounter(db, deviceId, null, reading.energy, reading.powerW, atIso, { intervalS, maxW: TOTAL_MAX_W });
  });
}

/** Drops polled raw readings older than their 14 days (hourly energy stays; a manual device's readings stay). */
export function pruneEnergyReadings(db: Db, now: Date): number {
  return prepared(db.$client, SQL.prune).run(isoOf(Math.floor(now.getTime() / 1000) - READING_RETENTION_S)).changes;
}
