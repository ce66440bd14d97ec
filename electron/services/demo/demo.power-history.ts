import type { Db } from '../../../db/open-db';
import { HOUR_MS } from './demo.context';

/** One outlet's load over the history: `watts` until `offAtMs` (a miner that stopped answering), nothing after. */
export type OutletLoad = { counterId: number; watts: number; offAtMs: number | null };

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Hourly energy of every outlet counter from `fromMs` to `toMs` (whole hours), written in one statement:
 * what the poller's deltas would have stored, a miner's draw wandering ±1.5 % from hour to hour (a hash of
 * the counter and the hour, so every run writes the same figures), none after it went offline. Returns rows written.
 */
export function writeOutletHistory(db: Db, loads: readonly OutletLoad[], fromMs: number, toMs: number): number {
  if (!loads.length || toMs <= fromMs) return 0;
  const sqlite = db.$client;
  sqlite.exec('CREATE TEMP TABLE demo_outlet_load (counter_id INTEGER PRIMARY KEY, watts INTEGER NOT NULL, off_s INTEGER)');
  try {
    const insert = sqlite.prepare('INSERT INTO demo_outlet_load VALUES (?, ?, ?)');
    for (const load of loads) insert.run(load.counterId, load.watts, load.offAtMs === null ? null : Math.floor(load.offAtMs / 1000));
    return sqlite
      .prepare(
        `WITH RECURSIVE hours(s) AS (SELECT CAST(@from AS INTEGER) UNION ALL SELECT s + 3600 FROM hours WHERE s + 3600 < CAST(@to AS INTEGER))
         INSERT INTO energy_hourly (counter_id, hour, energy_wh, covered_s)
         SELECT l.counter_id, strftime('%Y-%m-%dT%H:%M:%fZ', h.s, 'unixepoch'),
           CASE WHEN l.off_s IS NOT NULL AND l.off_s <= h.s THEN 0
                ELSE (l.watts * (10000 + ((l.counter_id * 7919 + h.s / 3600 * 104729) % 301) - 150) / 10000)
                     * (MIN(COALESCE(l.off_s, h.s + 3600), h.s + 3600) - h.s) / 3600 END,
           3600
         FROM demo_outlet_load l CROSS JOIN hours h ORDER BY l.counter_id, h.s`,
      )
      .run({ from: Math.floor(fromMs / 1000), to: Math.floor(toMs / 1000) }).changes;
  } finally {
    sqlite.exec('DROP TABLE demo_outlet_load');
  }
}

/** A device's total counter as the sum of its outlets, hour by hour (a PDU's own total meter reads the same feed). */
export function writeTotalFromOutlets(db: Db, totalCounterId: number, outletCounterIds: readonly number[], fromMs: number, toMs: number): number {
  if (!outletCounterIds.length) return 0;
  return db.$client
    .prepare(
      `INSERT INTO energy_hourly (counter_id, hour, energy_wh, covered_s)
       SELECT ?, hour, SUM(energy_wh), 3600 FROM energy_hourly
       WHERE counter_id IN (${outletCounterIds.map(Number).join(', ')}) AND hour >= ? AND hour < ? GROUP BY hour ORDER BY hour`,
    )
    .run(totalCounterId, iso(fromMs), iso(toMs)).changes;
}

/**
 * A site meter's hourly energy: the site's load now plus, before each went offline, the draw of the miners
 * that have since stopped answering; a slow daily swing of ±2 % for cooling. Returns rows written.
 */
export function writeSiteMeterHistory(
  db: Db,
  counterId: number,
  site: { wattsNow: number; stopped: readonly { offAtMs: number; watts: number }[] },
  fromMs: number,
  toMs: number,
): number {
  const insert = db.$client.prepare('INSERT INTO energy_hourly (counter_id, hour, energy_wh, covered_s) VALUES (?, ?, ?, 3600)');
  let rows = 0;
  for (let hourMs = fromMs; hourMs < toMs; hourMs += HOUR_MS) {
    const stillRunning = site.stopped.reduce((sum, miner) => sum + (miner.offAtMs > hourMs ? miner.watts : 0), 0);
    const cooling = 1 + 0.02 * Math.sin(((hourMs / HOUR_MS) % 24) * (Math.PI / 12));
    insert.run(counterId, iso(hourMs), Math.round((site.wattsNow + stillRunning) * cooling));
    rows += 1;
  }
  return rows;
}

/** A counter's whole Wh after its history: the baseline plus every hour written, in whole units of the register. */
export function counterAfterHistory(db: Db, counterId: number, unitWh: number): number {
  const row = db.$client
    .prepare(
      'SELECT c.last_wh + COALESCE((SELECT SUM(energy_wh) FROM energy_hourly h WHERE h.counter_id = c.id), 0) AS wh FROM energy_counters c WHERE c.id = ?',
    )
    .get(counterId) as { wh: number };
  return Math.round(row.wh / unitWh) * unitWh;
}
