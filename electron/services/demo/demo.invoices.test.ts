import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { listInvoices } from '../invoices/invoices.read';
import { seedDemoFacility } from '../../../tests/helpers/demo-fixtures';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

describe('demo invoices', () => {
  it('show issued, paid, held and draft invoices for past months, numbered without a gap', () => {
    seedDemoFacility(t.db);
    const { invoices, statusCounts } = listInvoices(t.db, {});
    expect(statusCounts.paid).toBeGreaterThan(0);
    expect(statusCounts.held).toBeGreaterThan(0);
    expect(statusCounts.draft).toBeGreaterThan(0);
    expect(statusCounts.issued + statusCounts.overdue).toBeGreaterThan(0);
    const numbers = invoices.flatMap((i) => (i.number ? [i.number] : []));
    const byYear = new Map<string, number[]>();
    for (const n of numbers) {
      const [, year, seq] = /-(\d{4})-(\d{6})$/.exec(n)!;
      byYear.set(year, [...(byYear.get(year) ?? []), Number(seq)]);
    }
    for (const seqs of byYear.values()) expect(seqs.sort((a, b) => a - b)).toEqual(seqs.map((_, i) => i + 1));
  }, 120_000);
});
