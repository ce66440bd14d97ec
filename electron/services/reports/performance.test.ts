import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minerHourly } from '../../../db/schema';
import { activeWith, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { readXlsx } from '../../../tests/helpers/openpyxl';
import { contract } from '../../contract';
import { clientPerformanceFile } from './performance.file';

const dir = mkdtempSync(join(tmpdir(), 'hashdesk-performance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let w: ContractsWorld;
const hourly = (minerId: number, hour: string, onlineS: number, hashrateGhs: number | null) =>
  w.db.insert(minerHourly).values({ minerId, hour, hashrateGhs, powerW: null, onlineS, energyWh: 0 }).run();
const isoHour = (s: number) => new Date(s * 1000).toISOString();

// March 2026 in New York runs from 05:00 UTC on the 1st to 04:00 UTC on 1 April: 743 hours (summer time starts on the 8th).
const nyMarchS = Date.parse('2026-03-01T05:00:00Z') / 1000;
const nyMarchHours = 743;

beforeEach(() => {
  w = openContractsDb();
  // Acme in New York: A-1 online all month at 200 TH/s; A-2 online 100 hours at 150 TH/s, and half an hour without a hashrate.
  activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id }, [w.miners.acme1.id, w.miners.acme2.id]);
  for (let h = 0; h < nyMarchHours; h += 1) hourly(w.miners.acme1.id, isoHour(nyMarchS + h * 3600), 3_600, 200_000);
  for (let h = 0; h < 100; h += 1) hourly(w.miners.acme2.id, isoHour(nyMarchS + h * 3600), 3_600, 150_000);
  hourly(w.miners.acme2.id, isoHour(nyMarchS + 100 * 3600), 1_800, null);
  // Hours of February and April in New York never count.
  hourly(w.miners.acme2.id, '2026-03-01T04:00:00.000Z', 3_600, 150_000);
  hourly(w.miners.acme2.id, '2026-04-01T04:00:00.000Z', 3_600, 150_000);
  // Boreal in Tokyo (744 hours in March there): S-1 online in the first Tokyo hour of March and the first of April only.
  activeWith(w.db, { clientId: w.boreal.id, siteId: w.other.id }, [w.miners.stock1.id]);
  hourly(w.miners.stock1.id, '2026-02-28T15:00:00.000Z', 3_600, 100_000);
  hourly(w.miners.stock1.id, '2026-03-31T15:00:00.000Z', 3_600, 100_000);
});
afterEach(() => w.t.close());

const summaryHeader = ['Client', 'Miners', 'Miner-hours', 'Hours online', 'Uptime %', 'Avg TH/s', 'Nominal TH/s', '% of nominal'];
const minerHeader = ['Client', 'Site', 'Miner', 'Model', 'Contract', 'Hours', 'Hours online', 'Uptime %', 'Avg TH/s', 'Avg TH/s online', 'Nominal TH/s', '% of nominal'];
const acmeSummary = ['Acme Hashing', 2, 1_486, 843.5, 56.8, 220.19, 400, 55];
const a1 = ['Acme Hashing', 'Midland', 'A-1', 'Bitmain Antminer S21', expect.stringMatching(/^HD-2026-/), 743, 743, 100, 200, 200, 200, 100];
// 100.5 of 743 hours online; 150 TH/s × 100 h ÷ 743 h = 20.19 TH/s, 10.1 % of 200.
const a2 = ['Acme Hashing', 'Midland', 'A-2', 'Bitmain Antminer S21', expect.stringMatching(/^HD-2026-/), 743, 100.5, 13.5, 20.19, 150, 200, 10.1];
// One of Tokyo's 744 March hours: 0.1 % uptime, 100 TH/s for an hour of 744 is 0.13 TH/s on average.
const s1 = ['Boreal', 'Tokyo', 'S-1', 'Bitmain Antminer S21', expect.stringMatching(/^HD-2026-/), 744, 1, 0.1, 0.13, 100, 200, 0.1];

describe('uptime and hashrate per client per month', () => {
  it("reads the hourly telemetry in each contract's site calendar, per client and per miner, against the model's nominal TH/s", async () => {
    const file = await clientPerformanceFile(w.db, { period: '2026-03', format: 'xlsx' });
    expect(file).toMatchObject({ fileName: 'performance-2026-03.xlsx', rows: 3, truncated: false });
    const book = readXlsx(file.base64, dir, 'all');
    expect(Object.keys(book)).toEqual(['Summary', 'Miners']);
    expect(book.Summary).toEqual([summaryHeader, acmeSummary, ['Boreal', 1, 744, 1, 0.1, 0.13, 200, 0.1]]);
    expect(book.Miners).toEqual([minerHeader, a1, a2, s1]);
  });

  it("narrows to a site or a client, and writes CSV as one table with a Section column", async () => {
    const tokyo = await clientPerformanceFile(w.db, { period: '2026-03', siteId: w.other.id, format: 'xlsx' });
    expect(tokyo).toMatchObject({ fileName: `performance-2026-03-site-${w.other.id}.xlsx`, rows: 1 });
    expect(readXlsx(tokyo.base64, dir, 'tokyo').Miners).toEqual([minerHeader, s1]);

    const csv = await clientPerformanceFile(w.db, { period: '2026-03', clientId: w.acme.id, format: 'csv' });
    expect(csv.fileName).toBe(`performance-2026-03-client-${w.acme.id}.csv`);
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Section,Client,Site,Miner,Model,Contract,Miners,Hours,Hours online,Uptime %,Avg TH/s,Avg TH/s online,Nominal TH/s,% of nominal');
    expect(lines[1]).toBe('Summary,Acme Hashing,,,,,2,1486,843.5,56.8,220.19,,400,55');
    expect(lines[2]).toMatch(/^Miner,Acme Hashing,Midland,A-1,Bitmain Antminer S21,HD-2026-\d+,,743,743,100,200,200,200,100$/);
    expect(lines).toHaveLength(4);
  });

  it('caps the miner rows and says so, while the Summary still counts every miner', async () => {
    const file = await clientPerformanceFile(w.db, { period: '2026-03', format: 'xlsx' }, 2);
    expect(file).toMatchObject({ rows: 2, truncated: true });
    const book = readXlsx(file.base64, dir, 'capped');
    expect(book.Miners.slice(1, 3)).toEqual([a1, a2]);
    expect(book.Miners[3][0]).toBe('Only the first 2 of 3 miners are listed; choose a site or a client to see the others. The Summary counts them all.');
    expect(book.Summary[1]).toEqual(acmeSummary);
  });

  it('counts only the hours already over in the month still running', async () => {
    // 10 March, 15:30 UTC: New York's March so far runs from 05:00 UTC on the 1st to 15:00 UTC on the 10th (226 whole hours).
    const file = await clientPerformanceFile(w.db, { period: '2026-03', clientId: w.acme.id, format: 'xlsx' }, 10, new Date('2026-03-10T15:30:00Z'));
    const book = readXlsx(file.base64, dir, 'so-far');
    expect(book.Miners.slice(1).map((row) => row.slice(5, 9))).toEqual([
      [226, 226, 100, 200],
      [226, 100.5, 44.5, 66.37],
    ]);
    expect(book.Summary[1]).toEqual(['Acme Hashing', 2, 452, 326.5, 72.2, 266.37, 400, 66.6]);
    const april = await clientPerformanceFile(w.db, { period: '2026-04', format: 'xlsx' }, 10, new Date('2026-03-10T15:30:00Z'));
    expect(readXlsx(april.base64, dir, 'future').Miners).toEqual([minerHeader]);
  });

  it('gives headers only for a month without contracts, and refuses an unknown site or client, or a bad month', async () => {
    const empty = await clientPerformanceFile(w.db, { period: '2025-01', format: 'xlsx' });
    expect(readXlsx(empty.base64, dir, 'empty')).toEqual({ Summary: [summaryHeader], Miners: [minerHeader] });
    await expect(clientPerformanceFile(w.db, { period: '2026-03', siteId: 999, format: 'csv' })).rejects.toThrow('Site #999 was not found');
    await expect(clientPerformanceFile(w.db, { period: '2026-03', clientId: 999, format: 'csv' })).rejects.toThrow('Client #999 was not found');
    const input = contract['reports.clientPerformance'].input;
    expect(input.safeParse({ period: '2026-13', format: 'xlsx' }).success).toBe(false);
    expect(input.safeParse({ period: '2026-03', format: 'pdf' }).success).toBe(false);
    expect(input.safeParse({ period: '2026-03', format: 'csv', siteId: 1, extra: true }).success).toBe(false);
  });
});
