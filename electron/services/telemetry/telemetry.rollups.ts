import { DateTime } from 'luxon';
import { prepared } from '../../../db/bulk';
import type { Db } from '../../../db/open-db';
import { BUCKET_S, isoAt, SAMPLE_RETENTION_S } from './telemetry.buckets';

// Rollups are recomputed from the samples of the hour or day (never incremented), so writing them
// again after a restart or a second poll in the same bucket gives the same row: nothing counts twice.
// Averages are weighted by the polls that answered; temperature is the hottest; seconds and Wh are sums.
const aggregate = (key: string) => `
  SELECT s.miner_id, ${key},
    CASE WHEN SUM(CASE WHEN s.hashrate_ghs IS NOT NULL THEN s.answered END) > 0
      THEN (2 * SUM(s.hashrate_ghs * s.answered) + SUM(CASE WHEN s.hashrate_ghs IS NOT NULL THEN s.answered END))
         / (2 * SUM(CASE WHEN s.hashrate_ghs IS NOT NULL THEN s.answered END)) END,
    CASE WHEN SUM(CASE WHEN s.power_w IS NOT NULL THEN s.answered END) > 0
      THEN (2 * SUM(s.power_w * s.answered) + SUM(CASE WHEN s.power_w IS NOT NULL THEN s.answered END))
         / (2 * SUM(CASE WHEN s.power_w IS NOT NULL THEN s.answered END)) END,
    MAX(s.temp_max_c), SUM(s.online_s), SUM(s.energy_wh)`;

const upsertTail = (table: string, key: string) => `
  ON CONFLICT (miner_id, ${key}) DO UPDATE SET hashrate_ghs = excluded.hashrate_ghs, power_w = excluded.power_w,
    temp_max_c = excluded.temp_max_c, online_s = excluded.online_s, energy_wh = excluded.energy_wh`;

const HOURLY_SQL = `INSERT INTO miner_hourly (miner_id, hour, hashrate_ghs, power_w, temp_max_c, online_s, energy_wh)
  ${aggregate('?')} FROM miner_samples s WHERE s.at >= ? AND s.at < ? GROUP BY s.miner_id ${upsertTail('miner_hourly', 'hour')}`;

// Aggregated first, then kept to the miners whose calendar is the zone: the zone is looked up once per miner, not per sample.
const DAILY_SQL = `INSERT INTO miner_daily (miner_id, day, hashrate_ghs, power_w, temp_max_c, online_s, energy_wh)
  SELECT * FROM (${aggregate('?')} FROM miner_samples s WHERE s.at >= ? AND s.at < ? GROUP BY s.miner_id) AS agg
  WHERE agg.miner_id IN (SELECT m.id FROM miners m LEFT JOIN sites st ON st.id = m.site_id WHERE COALESCE(st.time_zone, ?) = ?)
  ${upsertTail('miner_daily', 'day')}`;

// The fleet's hours by site: the miners' hourly rows summed, cleared first so a site whose miners all moved
// away keeps no stale row. Miners placed at no site count under site 0. Migration 0023 backfills it the same way.
const FLEET_CLEAR_SQL = 'DELETE FROM fleet_hourly WHERE hour >= ? AND hour < ?';
const FLEET_SQL = `INSERT INTO fleet_hourly (hour, site_id, hashrate_ghs, power_w, energy_wh, miners, miners_answering)
  SELECT h.hour, COALESCE(m.site_id, 0), SUM(h.hashrate_ghs), SUM(h.power_w), SUM(h.energy_wh), COUNT(*), SUM(h.online_s > 0)
  FROM miner_hourly h JOIN miners m ON m.id = h.miner_id WHERE h.hour >= ? AND h.hour < ? GROUP BY h.hour, COALESCE(m.site_id, 0)`;

// The same hours by client (miners of no client under 0), for the chart of a person who sees only their clients.
// Walked in the hour's index order, each miner looked up by id (CROSS JOIN keeps that order): walking the miners by
// client index instead jumps around miner_hourly and takes twice as long. Migration 0031 backfills it.
const CLIENT_CLEAR_SQL = 'DELETE FROM client_hourly WHERE hour >= ? AND hour < ?';
export const CLIENT_HOURS_SQL = `INSERT INTO client_hourly (hour, client_id, hashrate_ghs, power_w, energy_wh, miners, miners_answering)
  SELECT h.hour, COALESCE(m.client_id, 0), SUM(h.hashrate_ghs), SUM(h.power_w), SUM(h.energy_wh), COUNT(*), SUM(h.online_s > 0)
  FROM miner_hourly h CROSS JOIN miners m ON m.id = h.miner_id WHERE h.hour >= ? AND h.hour < ? GROUP BY h.hour, COALESCE(m.client_id, 0)`;

/** Rewrites the fleet's hourly rows (per site and per client) of the hours from `fromIso` up to `toIso` from the miners' hourly rows. */
export function refreshFleetHours(db: Db, fromIso: string, toIso: string): void {
  for (const [clear, fill] of [
    [FLEET_CLEAR_SQL, FLEET_SQL],
    [CLIENT_CLEAR_SQL, CLIENT_HOURS_SQL],
  ]) {
    prepared(db.$client, clear).run(fromIso, toIso);
    prepared(db.$client, fill).run(fromIso, toIso);
  }
}

/** The UTC hour (ISO, minutes 00) a bucket belongs to. */
export const hourOf = (bucketS: number): number => Math.floor(bucketS / 3600) * 3600;

/** The local calendar day of an instant in a zone, and that day's bounds as UTC ISO instants. */
export function localDay(epochS: number, zone: string): { day: string; fromIso: string; toIso: string } {
  const local = DateTime.fromSeconds(epochS, { zone }).startOf('day');
  return { day: local.toISODate()!, fromIso: isoAt(local.toSeconds()), toIso: isoAt(local.plus({ days: 1 }).toSeconds()) };
}

/**
 * Rewrites the hourly rows of the hours the buckets fall in (the miners' and the fleet's), and the daily rows of the site-local days they
 * fall in for each zone in use (`orgZone` stands for sites without their own). Call inside the cycle's transaction.
 */
export function refreshRollups(db: Db, bucketsS: Iterable<number>, zones: Iterable<string>, orgZone: string): void {
  const sqlite = db.$client;
  const buckets = [...new Set(bucketsS)];
  for (const hourS of new Set(buckets.map(hourOf))) {
    prepared(sqlite, HOURLY_SQL).run(isoAt(hourS), isoAt(hourS), isoAt(hourS + 3600));
    refreshFleetHours(db, isoAt(hourS), isoAt(hourS + 3600));
  }
  const zoneList = [...new Set(zones)];
  for (const zone of zoneList) {
    const days = new Map<string, ReturnType<typeof localDay>>();
    for (const bucketS of buckets) {
      const d = localDay(bucketS, zone);
      days.set(d.day, d);
      // A bucket never straddles local midnight (zones are whole 15-minute offsets), but be exact anyway.
      const e = localDay(bucketS + BUCKET_S - 1, zone);
      days.set(e.day, e);
    }
    for (const d of days.values()) prepared(sqlite, DAILY_SQL).run(d.day, d.fromIso, d.toIso, orgZone, zone);
  }
}

/** Deletes samples older than the retention (14 days before `nowS`); returns how many went. */
export function deleteOldSamples(db: Db, nowS: number): number {
  return prepared(db.$client, 'DELETE FROM miner_samples WHERE at < ?').run(isoAt(nowS - SAMPLE_RETENTION_S)).changes;
}
