import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './open-db';
import { databaseBefore } from './testing/older-build';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file written by the build before `migration` (a fleet rollup), holding `inserts`. */
function databaseBeforeRollup(migration: '0023_fleet_hourly' | '0031_client_hourly', inserts: string[]): string {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-upgrade-'));
  return databaseBefore(dir, migration, (old) => inserts.forEach((statement) => old.prepare(statement).run()));
}

const at = '2026-03-01T00:00:00.000Z';
const miner = (id: number, siteId: number | null, clientId: number | null = null) =>
  `INSERT INTO miners (id, asset_id, make, model, site_id, client_id, created_at, updated_at)
   VALUES (${id}, 'M-${id}', 'Bitmain', 'Antminer S21', ${siteId ?? 'NULL'}, ${clientId ?? 'NULL'}, '${at}', '${at}')`;
const hourly = (minerId: number, hour: string, ghs: number | null, watts: number | null, onlineS: number, wh: number) =>
  `INSERT INTO miner_hourly (miner_id, hour, hashrate_ghs, power_w, online_s, energy_wh) VALUES (${minerId}, '${hour}', ${ghs ?? 'NULL'}, ${watts ?? 'NULL'}, ${onlineS}, ${wh})`;

describe('migration 0023: the fleet hourly rollup', () => {
  it("fills the fleet's hours per site from the miners' hourly rollups already stored", () => {
    const h1 = '2026-03-01T10:00:00.000Z';
    const h2 = '2026-03-01T11:00:00.000Z';
    const file = databaseBeforeRollup('0023_fleet_hourly', [
      `INSERT INTO sites (id, name, created_at, updated_at) VALUES (1, 'Midland', '${at}', '${at}'), (2, 'Odessa', '${at}', '${at}')`,
      miner(1, 1),
      miner(2, 1),
      miner(3, 2),
      miner(4, null),
      hourly(1, h1, 200_000, 3_500, 3_600, 3_500),
      hourly(2, h1, null, null, 0, 0),
      hourly(3, h1, 100_000, 3_000, 1_800, 1_500),
      hourly(4, h1, 50_000, 1_000, 3_600, 1_000),
      hourly(1, h2, 190_000, 3_400, 3_600, 3_400),
    ]);
    const db = openDb(file);
    const rows = db.$client.prepare('SELECT * FROM fleet_hourly ORDER BY hour, site_id').all();
    expect(rows).toEqual([
      { hour: h1, site_id: 0, hashrate_ghs: 50_000, power_w: 1_000, energy_wh: 1_000, miners: 1, miners_answering: 1 },
      { hour: h1, site_id: 1, hashrate_ghs: 200_000, power_w: 3_500, energy_wh: 3_500, miners: 2, miners_answering: 1 },
      { hour: h1, site_id: 2, hashrate_ghs: 100_000, power_w: 3_000, energy_wh: 1_500, miners: 1, miners_answering: 1 },
      { hour: h2, site_id: 1, hashrate_ghs: 190_000, power_w: 3_400, energy_wh: 3_400, miners: 1, miners_answering: 1 },
    ]);
    expect(db.$client.prepare('SELECT count(*) AS n FROM miner_hourly').get()).toEqual({ n: 5 });
    db.$client.close();
  });
});

describe('migration 0031: the hourly rollup by client', () => {
  it("fills each client's hours, and the miners of no client under 0, from the miners' hourly rollups already stored", () => {
    const h1 = '2026-03-01T10:00:00.000Z';
    const file = databaseBeforeRollup('0031_client_hourly', [
      `INSERT INTO staff (id, name, created_at, updated_at) VALUES (1, 'Mo', '${at}', '${at}')`,
      `INSERT INTO clients (id, name, contact_email, manager_id, created_at, updated_at) VALUES (7, 'Acme', 'a@acme.io', 1, '${at}', '${at}')`,
      miner(1, null, 7),
      miner(2, null, 7),
      miner(3, null, null),
      hourly(1, h1, 200_000, 3_500, 3_600, 3_500),
      hourly(2, h1, null, null, 0, 0),
      hourly(3, h1, 50_000, 1_000, 3_600, 1_000),
    ]);
    const db = openDb(file);
    expect(db.$client.prepare('SELECT * FROM client_hourly ORDER BY hour, client_id').all()).toEqual([
      { hour: h1, client_id: 0, hashrate_ghs: 50_000, power_w: 1_000, energy_wh: 1_000, miners: 1, miners_answering: 1 },
      { hour: h1, client_id: 7, hashrate_ghs: 200_000, power_w: 3_500, energy_wh: 3_500, miners: 2, miners_answering: 1 },
    ]);
    db.$client.close();
  });
});
