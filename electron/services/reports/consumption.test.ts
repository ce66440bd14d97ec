import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients } from '../../../db/schema';
import { makeStoredPdu, plugIn, storeHourly } from '../../../tests/helpers/billing-fixtures';
import { activeWith, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { readXlsx } from '../../../tests/helpers/openpyxl';
import { draftInvoice } from '../../../tests/helpers/payment-fixtures';
import { parseDecimal } from '../../contract/money';
import { previewBill } from '../billing/billing.service';
import { monthlyConsumption } from './consumption.data';
import { monthlyConsumptionFile } from './consumption.file';

const dir = mkdtempSync(join(tmpdir(), 'hashdesk-consumption-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let w: ContractsWorld;
let contractId: number;
beforeEach(() => {
  w = openContractsDb();
  // Acme: A-1 metered on outlet 1 (3,000 Wh an hour), A-2 on outlet 2 with three hours missing (billed as calculated).
  contractId = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, billingMethod: 'metered' }, [w.miners.acme1.id, w.miners.acme2.id]).id;
  const [o1, o2] = makeStoredPdu(w.db, w.site.id);
  plugIn(w.db, w.miners.acme1.id, o1.outletId, '2026-02-01T00:00:00Z');
  plugIn(w.db, w.miners.acme2.id, o2.outletId, '2026-02-01T00:00:00Z');
  storeHourly(w.db, o1.counterId, '2026-02-28T00:00:00Z', 800, 3_000);
  storeHourly(w.db, o2.counterId, '2026-02-28T00:00:00Z', 800, 3_200, [100, 101, 102]);
});
afterEach(() => w.t.close());

const kwhWh = (quantity: string) => parseDecimal(quantity, 3)!;

describe('monthly consumption', () => {
  it("takes each miner's kWh from the billing engine, day by day in the site's zone, and the amount from the preview until invoiced", () => {
    const preview = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' });
    const report = monthlyConsumption(w.db, '2026-03');
    expect(report.days).toHaveLength(31);
    expect(report.summary).toEqual([
      {
        client: 'Acme Hashing',
        currency: 'USD',
        miners: 2,
        energyWh: preview.lines.reduce((sum, l) => sum + kwhWh(l.quantity), 0),
        amountMinor: parseDecimal(preview.total, 2),
        sources: ['estimate'],
      },
    ]);
    const [a1, a2] = report.detail;
    expect([a1.miner, a1.method, a1.energyWh]).toEqual(['A-1', 'metered', kwhWh(preview.lines[0].quantity)]);
    expect(a2.energyWh).toBe(kwhWh(preview.lines[1].quantity));
    // New York's spring change (8 March) has 23 hours; A-1 draws 3,000 Wh in each.
    expect(a1.dailyWh[7]).toBe(23 * 3_000);
    expect(a1.dailyWh[8]).toBe(24 * 3_000);
    for (const row of report.detail) expect(Math.abs(row.dailyWh.reduce((a, b) => a + b, 0) - row.energyWh)).toBeLessThanOrEqual(31);
    expect(report.daily).toEqual([{ client: 'Acme Hashing', energyWh: report.days.map((_, i) => a1.dailyWh[i] + a2.dailyWh[i]) }]);
    // Boreal has no contract in March: not in the report; asked for by name, it is there with nothing.
    expect(monthlyConsumption(w.db, '2026-03', w.boreal.id)).toMatchObject({ summary: [], daily: [{ client: 'Boreal' }], detail: [] });
  });

  it("uses the month's invoice for a contract once there is one", () => {
    draftInvoice(w.db, { clientId: w.acme.id, contractId, period: '2026-03', totalMinor: 12_345 });
    expect(monthlyConsumption(w.db, '2026-03').summary[0]).toMatchObject({ amountMinor: 12_345, sources: ['invoiced'] });
  });

  it('writes Summary, Daily and Detail sheets that openpyxl reads back with numbers', async () => {
    const file = await monthlyConsumptionFile(w.db, { period: '2026-03', format: 'xlsx' });
    expect(file.fileName).toBe('consumption-2026-03.xlsx');
    const report = monthlyConsumption(w.db, '2026-03');
    const book = readXlsx(file.base64, dir, 'march');
    expect(Object.keys(book)).toEqual(['Summary', 'Daily', 'Detail']);
    expect(book.Summary[0]).toEqual(['Client', 'Miners', 'kWh', 'Amount', 'Currency', 'Amount from']);
    expect(book.Summary[1]).toEqual([
      'Acme Hashing',
      2,
      report.summary[0].energyWh / 1000,
      report.summary[0].amountMinor / 100,
      'USD',
      'Estimate (billing preview)',
    ]);
    expect(book.Daily[0]).toHaveLength(33);
    expect(book.Daily[0][1]).toBe('2026-03-01');
    expect(book.Daily[1][8]).toBe(report.daily[0].energyWh[7] / 1000);
    expect(book.Detail.map((r) => r.slice(0, 5))).toEqual([
      ['Client', 'Miner', 'Contract', 'Method', 'kWh'],
      ['Acme Hashing', 'A-1', expect.any(String), 'metered', report.detail[0].energyWh / 1000],
      ['Acme Hashing', 'A-2', expect.any(String), 'metered', report.detail[1].energyWh / 1000],
    ]);
  });

  it('writes one CSV with a Section column, and a client name that starts like a formula stays text', async () => {
    w.db.update(clients).set({ name: '=HYPERLINK("http://x")' }).where(eq(clients.id, w.acme.id)).run();
    const file = await monthlyConsumptionFile(w.db, { period: '2026-03', clientId: w.acme.id, format: 'csv' });
    expect(file.fileName).toBe('consumption-2026-03-client-1.csv');
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Section,Client,Date,Miner,Contract,Method,Miners,kWh,Amount,Currency,Amount from');
    expect(lines[1]).toMatch(/^Summary,"'=HYPERLINK\(""http:\/\/x""\)",,,,,2,/);
    expect(lines.filter((l) => l.startsWith('Daily,'))).toHaveLength(31);
    expect(lines.filter((l) => l.startsWith('Detail,'))).toHaveLength(2);
    expect(lines.some((l) => /(^|,)=/.test(l))).toBe(false);
  });
});
