import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './open-db';
import { databaseBefore } from './testing/older-build';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = '2026-03-01T00:00:00.000Z';

/** A database file written by the build before the per-day energy sums (migrations up to 0027_api_tokens), holding `inserts`. */
function databaseBeforeDailyEnergy(inserts: string[]): string {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-upgrade-'));
  return databaseBefore(dir, '0028_energy_daily', (old) => inserts.forEach((statement) => old.prepare(statement).run()));
}

const hour = (counterId: number, iso: string, wh: number, coveredS = 3600) =>
  `INSERT INTO energy_hourly (counter_id, hour, energy_wh, covered_s) VALUES (${counterId}, '${iso}', ${wh}, ${coveredS})`;
const days = (sqlite: Database.Database) => sqlite.prepare('SELECT * FROM energy_daily ORDER BY counter_id, day').all();

describe('migration 0028: energy per counter per day', () => {
  it('sums the hours already stored per UTC day, and from then on every write to the hours keeps the days equal to them', () => {
    const file = databaseBeforeDailyEnergy([
      `INSERT INTO sites (id, name, created_at, updated_at) VALUES (1, 'Midland', '${at}', '${at}')`,
      `INSERT INTO power_devices (id, site_id, kind, name, created_at, updated_at) VALUES (1, 1, 'manual', 'Panel A', '${at}', '${at}')`,
      `INSERT INTO power_outlets (id, device_id, outlet_index) VALUES (1, 1, 1), (2, 1, 2)`,
      `INSERT INTO energy_counters (id, device_id, outlet_id) VALUES (1, 1, 1), (2, 1, 2)`,
      hour(1, '2026-03-01T22:00:00.000Z', 1_000),
      hour(1, '2026-03-01T23:00:00.000Z', 1_100, 1_800),
      hour(1, '2026-03-02T00:00:00.000Z', 1_200),
      hour(2, '2026-03-01T23:00:00.000Z', 500),
    ]);
    const db = openDb(file);
    const sqlite = db.$client;
    expect(days(sqlite)).toEqual([
      { counter_id: 1, day: '2026-03-01', hours: 2, energy_wh: 2_100, covered_s: 5_400 },
      { counter_id: 1, day: '2026-03-02', hours: 1, energy_wh: 1_200, covered_s: 3_600 },
      { counter_id: 2, day: '2026-03-01', hours: 1, energy_wh: 500, covered_s: 3_600 },
    ]);

    // An hour added (and added to again, as the poller does), one changed, one removed, a counter removed.
    const add = sqlite.prepare(
      'INSERT INTO energy_hourly (counter_id, hour, energy_wh, covered_s) VALUES (?, ?, ?, ?) ON CONFLICT (counter_id, hour) DO UPDATE SET energy_wh = energy_wh + excluded.energy_wh, covered_s = MIN(3600, covered_s + excluded.covered_s)',
    );
    add.run(1, '2026-03-02T01:00:00.000Z', 300, 1_800);
    add.run(1, '2026-03-02T01:00:00.000Z', 300, 1_800);
    sqlite.prepare("UPDATE energy_hourly SET energy_wh = energy_wh - 100 WHERE counter_id = 1 AND hour = '2026-03-01T22:00:00.000Z'").run();
    sqlite.prepare("DELETE FROM energy_hourly WHERE counter_id = 1 AND hour = '2026-03-02T00:00:00.000Z'").run();
    sqlite.prepare('DELETE FROM energy_counters WHERE id = 2').run();
    expect(days(sqlite)).toEqual([
      { counter_id: 1, day: '2026-03-01', hours: 2, energy_wh: 2_000, covered_s: 5_400 },
      { counter_id: 1, day: '2026-03-02', hours: 1, energy_wh: 600, covered_s: 3_600 },
    ]);
    // A day whose last hour goes is gone, not left at zero.
    sqlite.prepare("DELETE FROM energy_hourly WHERE counter_id = 1 AND hour >= '2026-03-02'").run();
    expect(days(sqlite)).toEqual([{ counter_id: 1, day: '2026-03-01', hours: 2, energy_wh: 2_000, covered_s: 5_400 }]);
    sqlite.close();
  });
});
