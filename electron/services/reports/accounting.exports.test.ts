import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { readXlsx } from '../../../tests/helpers/openpyxl';
import { issuedInvoice, openPaymentsDb, pay, type PaymentsWorld } from '../../../tests/helpers/payment-fixtures';
import { voidInvoice } from '../invoices/invoices.lifecycle';
import { accountingExport } from './accounting.exports';

const dir = mkdtempSync(join(tmpdir(), 'hashdesk-exports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let w: PaymentsWorld;
beforeEach(() => {
  w = openPaymentsDb();
});
afterEach(() => w.t.close());

const april = { from: '2026-04-01', to: '2026-04-30' };
const columnOf = (rows: unknown[][], header: string) => rows.slice(1).map((row) => row[rows[0].indexOf(header)]);

describe('accountant exports in words', () => {
  it('gives each invoice its status as the app shows it that day, and each payment its method, by their labels', async () => {
    const issued = (period: string, day: string, totalMinor: number) =>
      issuedInvoice(w.db, { clientId: w.acme.id, contractId: w.contracts.acme.id, period, totalMinor, issuedAt: `2026-04-${day}T15:00:00Z` });
    issued('2026-01', '02', 10_000); // paid in full below
    issued('2026-02', '03', 20_000); // paid in part
    issued('2026-03', '04', 30_000); // open
    const voided = issued('2025-12', '05', 5_000);
    voidInvoice(w.db, { id: voided, reason: 'Billed twice' }, actor, new Date('2026-04-06T15:00:00Z'));
    pay(w.db, { clientId: w.acme.id, amount: '150.00', method: 'btc', receivedAt: '2026-04-10' }, new Date('2026-04-10T15:00:00Z'));

    const statuses = async (now: string) => {
      const file = await accountingExport(w.db, { kind: 'invoices', ...april, format: 'xlsx' }, new Date(now));
      return columnOf(readXlsx(file.base64, dir, `invoices-${now.slice(0, 10)}`).Invoices, 'Status');
    };
    // Net 14 days: before the due dates, then after them (overdue is read, never stored).
    expect(await statuses('2026-04-12T15:00:00Z')).toEqual(['Paid', 'Partially paid', 'Issued', 'Void']);
    expect(await statuses('2026-05-30T15:00:00Z')).toEqual(['Paid', 'Overdue', 'Overdue', 'Void']);

    const payments = await accountingExport(w.db, { kind: 'payments', ...april, format: 'xlsx' });
    expect(columnOf(readXlsx(payments.base64, dir, 'payments').Payments, 'Method')).toEqual(['Bitcoin (BTC)']);
  });
});
