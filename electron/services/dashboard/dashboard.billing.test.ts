import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoices } from '../../../db/schema';
import { setTaxes } from '../../../tests/helpers/billing-fixtures';
import { actor } from '../../../tests/helpers/client-fixtures';
import { activeWith, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { createInvoiceBatches } from '../invoices/invoices.batch';
import { createCreditNote } from '../invoices/invoices.credit';
import { issueInvoice, voidInvoice } from '../invoices/invoices.lifecycle';
import { contract } from '../../contract';
import { recordPayment } from '../payments/payments.record';
import { billingFigures } from './dashboard.billing';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
  setTaxes(w.db, [{ name: 'Sales tax', percent: '10' }]);
});
afterEach(() => w.t.close());

const april2 = new Date('2026-04-02T15:00:00Z');

/** March drafted for Acme (net 15) and Boreal (net 30) on 2 April, in New York; returns both invoices' rows. */
async function marchDrafts() {
  const acme = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.05', contractedThs: '100', netDays: 15 }, []);
  activeWith(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.04', contractedThs: '50', netDays: 30 }, []);
  await createInvoiceBatches(w.db, () => april2).run({ period: '2026-03', skipExisting: false, issue: false }, actor);
  const rows = w.db.select().from(invoices).all();
  const acmeRow = rows.find((r) => r.contractId === acme.id)!;
  return { acme: acmeRow, boreal: rows.find((r) => r.id !== acmeRow.id)! };
}

const totalOf = (id: number) => w.db.select().from(invoices).where(eq(invoices.id, id)).get()!.totalMinor;

describe('billingFigures', () => {
  it("counts a month's issued invoices as its revenue, per currency, and leaves drafts out", async () => {
    const { acme } = await marchDrafts();
    issueInvoice(w.db, acme.id, actor, april2);
    const figures = billingFigures(w.db, new Date('2026-04-10T12:00:00Z'));
    expect(figures).toEqual({
      period: '2026-04',
      revenue: [],
      previousPeriod: '2026-03',
      previousRevenue: [{ currency: 'USD', count: 1, amountMinor: totalOf(acme.id) }],
      overdue: [],
    });
    expect(totalOf(acme.id)).toBeGreaterThan(0);
  });

  it("reads the month in the organisation's zone: 1 April 02:00 UTC is still March in New York", async () => {
    const { acme } = await marchDrafts();
    issueInvoice(w.db, acme.id, actor, april2);
    const figures = billingFigures(w.db, new Date('2026-04-01T02:00:00Z'));
    expect(figures).toMatchObject({ period: '2026-03', previousPeriod: '2026-02', revenue: [{ currency: 'USD', count: 1 }] });
  });

  it('reports the invoices past their due date with what is still owed after payments, and drops void ones from the revenue', async () => {
    const { acme, boreal } = await marchDrafts();
    issueInvoice(w.db, acme.id, actor, april2);
    issueInvoice(w.db, boreal.id, actor, april2);
    const afterAcmeDue = new Date('2026-04-20T15:00:00Z'); // Acme due 17 April, Boreal 2 May
    expect(billingFigures(w.db, afterAcmeDue).overdue).toEqual([{ currency: 'USD', count: 1, amountMinor: totalOf(acme.id) }]);
    expect(billingFigures(w.db, afterAcmeDue).previousRevenue).toEqual([{ currency: 'USD', count: 2, amountMinor: totalOf(acme.id) + totalOf(boreal.id) }]);

    const paid = contract['payments.record'].input.parse({
      clientId: w.acme.id,
      method: 'bank_transfer',
      amount: '10.00',
      currency: 'USD',
      receivedAt: '2026-04-20',
    });
    recordPayment(w.db, paid, actor, afterAcmeDue);
    expect(w.db.select().from(invoices).where(eq(invoices.id, acme.id)).get()).toMatchObject({ status: 'partially_paid', amountPaidMinor: 1_000 });
    expect(billingFigures(w.db, afterAcmeDue).overdue).toEqual([{ currency: 'USD', count: 1, amountMinor: totalOf(acme.id) - 1_000 }]);

    voidInvoice(w.db, { id: boreal.id, reason: 'Billed to the wrong contract' }, actor, afterAcmeDue);
    const laterStill = billingFigures(w.db, new Date('2026-05-10T15:00:00Z'));
    expect(laterStill.previousRevenue).toEqual([]); // April now: March is two months back
    expect(billingFigures(w.db, afterAcmeDue).previousRevenue).toEqual([{ currency: 'USD', count: 1, amountMinor: totalOf(acme.id) }]);
    expect(laterStill.overdue).toEqual([{ currency: 'USD', count: 1, amountMinor: totalOf(acme.id) - 1_000 }]);
  });

  it("takes a credit note off its month's revenue", async () => {
    const { acme } = await marchDrafts();
    issueInvoice(w.db, acme.id, actor, april2);
    const credit = createCreditNote(w.db, { invoiceId: acme.id, lines: [{ position: 1, amount: '10.00' }], reason: 'Downtime in March' }, actor, april2);
    const figures = billingFigures(w.db, new Date('2026-04-10T12:00:00Z'));
    expect(totalOf(credit.id)).toBeLessThan(0);
    expect(figures.previousRevenue).toEqual([{ currency: 'USD', count: 2, amountMinor: totalOf(acme.id) + totalOf(credit.id) }]);
  });
});
