import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../db/open-db';
import { contract } from '../electron/contract';
import type { ReadingRowInput } from '../electron/contract/power.readings';
import { createPowerDevice } from '../electron/services/power/power.devices';
import { importReadings } from '../electron/services/power/power.readings.import';
import { builtInPowerProfiles } from '../electron/services/power/profiles';
import { createSecretBox } from '../electron/services/secrets/secret-box';
import { createSite } from '../electron/services/sites/sites.service';

const actor = 'bench';
const round = (ms: number) => Math.round(ms * 10) / 10;

/** `outlets` × `perOutlet` readings of a manual panel, `stepH` hours apart from 1 April 2026 (local time, no DST change in reach), ~3 kW an outlet. */
function readingRows(outlets: number, perOutlet: number, stepH: number): ReadingRowInput[] {
  const rows: ReadingRowInput[] = [];
  const startMs = Date.UTC(2026, 3, 1, 0, 0, 0);
  for (let k = 0; k < perOutlet; k += 1) {
    const local = new Date(startMs + k * stepH * 3_600_000).toISOString().slice(0, 16);
    for (let outlet = 1; outlet <= outlets; outlet += 1) {
      const wh = 1_000_000 * outlet + k * stepH * (2_900 + outlet);
      rows.push({ device: 'Panel B', outlet: String(outlet), at: local, kwh: `${Math.floor(wh / 1000)}.${String(wh % 1000).padStart(3, '0')}` });
    }
  }
  return rows;
}

/** One import of `rows` through the contract and the service into a fresh database, timed as wall and CPU. */
function timeImport(rows: ReadingRowInput[]): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  try {
    const site = createSite(db, contract['sites.create'].input.parse({ name: 'Midland', timeZone: 'America/New_York' }), actor);
    const deps = { builtIns: builtInPowerProfiles, secrets: createSecretBox(randomBytes(32)) };
    createPowerDevice(db, deps, contract['power.devices.create'].input.parse({ kind: 'manual', siteId: site.id, name: 'Panel B' }), actor);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = importReadings(db, contract['power.readings.import'].input.parse({ rows }), actor);
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (!result.stored) throw new Error(`The bench import was refused: ${JSON.stringify(result.refusals.slice(0, 3))}`);
    const hours = db.$client.prepare('SELECT count(*) FROM energy_hourly').pluck().get() as number;
    return { readings: rows.length, hourlyRows: hours, wallMs: round(wallMs), cpuMs: round((used.user + used.system) / 1000) };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** power.readings.import of 10,000 readings of a manual panel: 50 outlets read hourly for 200 hours (a logger's export). Target: ≤ 1 s. */
export async function readingsImportHourly(): Promise<Record<string, number | string>> {
  return { ...timeImport(readingRows(50, 200, 1)), targetMs: 1_000 };
}

/** The same count read daily (100 outlets × 100 days): each reading's energy spread over 24 hourly rows, 240,000 of them. */
export async function readingsImportDaily(): Promise<Record<string, number | string>> {
  return { ...timeImport(readingRows(100, 100, 24)), note: 'no target: the hourly rows written, not the readings, set the cost' };
}
