import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../db/open-db';
import { invoices } from '../db/schema';
import { monthlyConsumptionFile } from '../electron/services/reports/consumption.file';
import { clientPerformanceFile } from '../electron/services/reports/performance.file';
import { statementPdf } from '../electron/services/reports/statement.pdf';
import { contractWithMiners, facility } from './fixtures/fill-billing';

/**
 * Reports against a real database file. `consumption`: reports.monthlyConsumption as XLSX for March 2026 in New
 * York (31 days) over 20 clients × 500 calculated miners = 10,000 miners (Summary, Daily with the 31 days of each
 * client worked out miner by miner by the engine, and a Detail row per miner; target 5 s). `statement`: clients.statement for a client with 500 issued invoices
 * (target 1 s). `uptime`: reports.clientPerformance as XLSX for the same March over the same 10,000 miners, each
 * with 743 hourly rows (every hour of the New York month; 7.4 million rows). Each prints wall and CPU milliseconds of one run after a warm-up run.
 */

async function withDb<T>(fill: (db: Db) => void, measure: (db: Db) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  try {
    db.$client.transaction(() => fill(db))();
    db.$client.pragma('wal_checkpoint(PASSIVE)');
    return await measure(db);
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(run: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  await run();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wallMs: Math.round(performance.now() - start), cpuMs: Math.round((used.user + used.system) / 1000) };
}

export async function consumption() {
  const figures = await withDb(
    (db) => {
      const modelId = facility(db, 20);
      for (let client = 1; client <= 20; client += 1) contractWithMiners(db, client, 'calculated', (client - 1) * 500 + 1, 500, modelId);
    },
    (db) => timed(() => monthlyConsumptionFile(db, { period: '2026-03', format: 'xlsx' })),
  );
  return { miners: 10_000, days: 31, ...figures, targetMs: 5_000 };
}

// Every hour of March 2026 in New York (05:00 UTC on the 1st, 743 hours) for every miner; one in 50 hours half online.
const FILL_HOURLY = `WITH RECURSIVE h(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM h WHERE n < 742)
  INSERT INTO miner_hourly (miner_id, hour, hashrate_ghs, power_w, temp_max_c, online_s, energy_wh)
  SELECT m.id, strftime('%Y-%m-%dT%H:00:00.000Z', 1772341200 + n * 3600, 'unixepoch'), 190000 + m.id % 20000, 3500, NULL,
    CASE WHEN (m.id + n) % 50 = 0 THEN 1800 ELSE 3600 END, 3500
  FROM miners m, h ORDER BY m.id, n`;

export async function uptime() {
  const figures = await withDb(
    (db) => {
      const modelId = facility(db, 20);
      for (let client = 1; client <= 20; client += 1) contractWithMiners(db, client, 'calculated', (client - 1) * 500 + 1, 500, modelId);
      db.$client.exec(FILL_HOURLY);
    },
    (db) => timed(() => clientPerformanceFile(db, { period: '2026-03', format: 'xlsx' })),
  );
  return { miners: 10_000, hourlyRows: 7_430_000, ...figures, targetMs: 5_000 };
}

const monthOf = (index: number) => `${1985 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export async function statement() {
  const figures = await withDb(
    (db) => {
      const modelId = facility(db, 1);
      contractWithMiners(db, 1, 'calculated', 1, 1, modelId);
      const at = '2026-01-01T00:00:00.000Z';
      const rows = Array.from({ length: 500 }, (_, i) => {
        const period = monthOf(i);
        const issued = `${monthOf(i + 1)}-03`;
        return {
          clientId: 1,
          contractId: 1,
          number: `INV-${String(i + 1).padStart(6, '0')}`,
          period,
          periodFrom: `${period}-01T05:00:00.000Z`,
          periodTo: `${monthOf(i + 1)}-01T05:00:00.000Z`,
          timeZone: 'America/New_York',
          status: 'issued' as const,
          issueDate: issued,
          dueDate: issued,
          issuedAt: `${issued}T15:00:00.000Z`,
          netDays: 14,
          currency: 'USD',
          subtotalMinor: 100_000 + i,
          taxMinor: 0,
          totalMinor: 100_000 + i,
          taxExempt: false,
          billToJson: '{}',
          createdAt: at,
          updatedAt: at,
        };
      });
      for (let i = 0; i < rows.length; i += 100)
        db.insert(invoices)
          .values(rows.slice(i, i + 100))
          .run();
    },
    (db) => timed(() => statementPdf(db, { clientId: 1, from: '1985-01-01', to: '2026-12-31' })),
  );
  return { invoices: 500, ...figures, targetMs: 1_000 };
}
