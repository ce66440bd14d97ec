import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { invoiceRow, issuedInvoice, openPaymentsDb, pay, type PaymentsWorld } from '../../../tests/helpers/payment-fixtures';
import { readOneClientLinks } from '../clients/clients.links';
import { previewMerge } from '../clients/clients.merge';
import { createCreditNote } from '../invoices/invoices.credit';
import { listInvoices } from '../invoices/invoices.read';
import { clientBalances, listPayments } from './payments.read';
import { allocatePayment, refundPayment } from './payments.record';

let w: PaymentsWorld;
beforeEach(() => {
  w = openPaymentsDb();
});
afterEach(() => w.t.close());

const june = new Date('2026-06-01T15:00:00Z');

/** Three Acme invoices issued a month apart: 100.00 (due 17 Mar), 200.00 (due 17 Apr), 50.00 (due 8 Jun). */
function threeInvoices() {
  const issue = (period: string, totalMinor: number, issuedAt: string) =>
    issuedInvoice(w.db, { clientId: w.acme.id, contractId: w.contracts.acme.id, period, totalMinor, issuedAt });
  // Issued out of order: allocation follows the due date, not the id.
  const april = issue('2026-03', 20_000, '2026-04-03T15:00:00Z');
  const march = issue('2026-02', 10_000, '2026-03-03T15:00:00Z');
  const may = issue('2026-04', 5_000, '2026-05-25T15:00:00Z');
  return { march, april, may };
}

const statusOf = (id: number, now = june) => listInvoices(w.db, { clientId: w.acme.id }, now).invoices.find((i) => i.id === id)!;

describe('allocating payments', () => {
  it('pays the oldest due invoices first and leaves the next one partly paid', () => {
    const { march, april, may } = threeInvoices();
    const recorded = pay(w.db, { clientId: w.acme.id, amount: '250.00' });
    expect(recorded.payment).toMatchObject({ amount: '250.00', allocated: '250.00', unallocated: '0.00' });
    expect(recorded.payment.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([
      [march, '100.00'],
      [april, '150.00'],
    ]);
    expect(statusOf(march)).toMatchObject({ status: 'paid', amountDue: '0.00' });
    expect(statusOf(april)).toMatchObject({ status: 'overdue', amountPaid: '150.00', amountDue: '50.00' });
    expect(invoiceRow(w.db, april).status).toBe('partially_paid');
    expect(statusOf(may)).toMatchObject({ status: 'issued', amountDue: '50.00' });
    expect(clientBalances(w.db, w.acme.id)).toEqual([{ currency: 'USD', owed: '100.00', credit: '0.00', balance: '100.00' }]);
    expect(readOneClientLinks(w.db, w.acme.id)).toMatchObject({
      invoices: 3,
      unpaidInvoices: 2,
      payments: 1,
      balances: [{ currency: 'USD', owedMinor: 10_000, creditMinor: 0, balanceMinor: 10_000 }],
    });
  });

  it('keeps an over-payment as credit and carries it to the next invoice when it is issued', () => {
    const { may } = threeInvoices();
    const recorded = pay(w.db, { clientId: w.acme.id, amount: '400.00', fee: '2.50' });
    expect(recorded.payment).toMatchObject({ fee: '2.50', allocated: '350.00', unallocated: '50.00' });
    expect(recorded.debtCleared).toBe(true);
    expect(statusOf(may).status).toBe('paid');
    expect(readOneClientLinks(w.db, w.acme.id)).toMatchObject({
      unpaidInvoices: 0,
      balances: [{ currency: 'USD', owedMinor: 0, creditMinor: 5_000, balanceMinor: -5_000 }],
    });

    const june80 = issuedInvoice(w.db, {
      clientId: w.acme.id,
      contractId: w.contracts.acme.id,
      period: '2026-05',
      totalMinor: 8_000,
      issuedAt: '2026-06-02T15:00:00Z',
    });
    expect(statusOf(june80)).toMatchObject({ status: 'partially_paid', amountPaid: '50.00', amountDue: '30.00' });
    expect(listPayments(w.db, { clientId: w.acme.id })[0]).toMatchObject({ unallocated: '0.00', allocated: '400.00' });
    expect(clientBalances(w.db, w.acme.id)).toEqual([{ currency: 'USD', owed: '30.00', credit: '0.00', balance: '30.00' }]);
  });

  it('keeps a payment larger than anything owed whole, as credit', () => {
    const recorded = pay(w.db, { clientId: w.boreal.id, amount: '1000.01', method: 'usdt' });
    expect(recorded.payment).toMatchObject({ allocated: '0.00', unallocated: '1000.01', allocations: [] });
    expect(recorded.debtCleared).toBe(false);
    expect(clientBalances(w.db, w.boreal.id)).toEqual([{ currency: 'USD', owed: '0.00', credit: '1000.01', balance: '-1000.01' }]);
    expect(readOneClientLinks(w.db, w.boreal.id).balances).toEqual([{ currency: 'USD', owedMinor: 0, creditMinor: 100_001, balanceMinor: -100_001 }]);
  });

  it('refunds only the unallocated part, and refuses more without changing anything', () => {
    threeInvoices();
    const { payment } = pay(w.db, { clientId: w.acme.id, amount: '380.00' });
    expect(() => refundPayment(w.db, { paymentId: payment.id, amount: '30.01', reason: 'Paid twice' }, actor, june)).toThrow(
      'Payment #1 has 30.00 USD not allocated to invoices, less than the 30.01 USD asked. Move allocations off invoices first to refund more.',
    );
    expect(listPayments(w.db, {})[0].refunds).toEqual([]);
    const refunded = refundPayment(w.db, { paymentId: payment.id, amount: '30', reason: 'Paid twice' }, actor, june);
    expect(refunded).toMatchObject({ refunded: '30.00', unallocated: '0.00', refunds: [{ amount: '30.00', reason: 'Paid twice', refundedOn: '2026-06-01' }] });
    expect(clientBalances(w.db, w.acme.id)).toEqual([]);
    expect(readOneClientLinks(w.db, w.acme.id).balances).toEqual([]);
  });

  it('allocates by hand: moves money between invoices, releases what is left out, and refuses paying an invoice more than it owes', () => {
    const { march, april, may } = threeInvoices();
    const { payment } = pay(w.db, { clientId: w.acme.id, amount: '120.00', allocate: 'none' });
    expect(payment.unallocated).toBe('120.00');
    const byHand = allocatePayment(
      w.db,
      {
        paymentId: payment.id,
        allocations: [
          { invoiceId: may, amount: '50' },
          { invoiceId: april, amount: '70' },
        ],
      },
      actor,
      june,
    );
    expect(byHand).toMatchObject({ allocated: '120.00', unallocated: '0.00' });
    expect(statusOf(may).status).toBe('paid');
    expect(() => allocatePayment(w.db, { paymentId: payment.id, allocations: [{ invoiceId: march, amount: '100.01' }] }, actor, june)).toThrow(
      /owes 100\.00 USD; 100\.01 USD more of Payment #1 would pay it more than its total/,
    );
    expect(statusOf(may).status).toBe('paid');
    const moved = allocatePayment(w.db, { paymentId: payment.id, allocations: [{ invoiceId: march, amount: '100' }] }, actor, june);
    expect(moved.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([[march, '100.00']]);
    expect(moved.unallocated).toBe('20.00');
    expect([statusOf(march).status, statusOf(april).status, statusOf(may).status]).toEqual(['paid', 'overdue', 'issued']);
  });

  it('lets a credit note settle its paid invoice: the payment steps back and its money becomes credit for the next open invoice', () => {
    const { march, april } = threeInvoices();
    pay(w.db, { clientId: w.acme.id, amount: '100.00' });
    expect(statusOf(march).status).toBe('paid');
    createCreditNote(w.db, { invoiceId: march, reason: 'Outage in February' }, actor, june);
    expect(statusOf(march)).toMatchObject({ status: 'paid', amountDue: '0.00' });
    // The 100.00 the credit note freed went on to the oldest open invoice.
    expect(statusOf(april)).toMatchObject({ amountPaid: '100.00', amountDue: '100.00' });
    const notes = listInvoices(w.db, { clientId: w.acme.id }, june).invoices.filter((i) => i.kind === 'credit_note');
    expect(notes).toMatchObject([{ total: '-100.00', amountDue: '0.00' }]);
    expect(clientBalances(w.db, w.acme.id)).toEqual([{ currency: 'USD', owed: '150.00', credit: '0.00', balance: '150.00' }]);
    expect(readOneClientLinks(w.db, w.acme.id).balances).toEqual([{ currency: 'USD', owedMinor: 15_000, creditMinor: 0, balanceMinor: 15_000 }]);
  });

  it('refuses a payment in a currency the client is not billed in, and invoices of another client or currency', () => {
    const { march } = threeInvoices();
    expect(() => pay(w.db, { clientId: w.acme.id, amount: '10', currency: 'EUR' })).toThrow(
      'Client #1 "Acme Hashing" is billed in USD, not EUR. Record the payment in USD, at the amount credited to the client.',
    );
    expect(() => pay(w.db, { clientId: w.boreal.id, amount: '10', allocate: [{ invoiceId: march, amount: '10' }] })).toThrow(
      /is another client's invoice: a payment pays its own client's invoices only/,
    );
    expect(listPayments(w.db, {})).toEqual([]);
    expect(invoiceRow(w.db, march).amountPaidMinor).toBe(0);
  });

  it('leaves payments with the archived client when it is merged away, and says so', () => {
    threeInvoices();
    pay(w.db, { clientId: w.acme.id, amount: '100.00' });
    const preview = previewMerge(w.db, w.acme.id, w.boreal.id);
    expect(preview.moves.payments).toBe(0);
    expect(preview.conflicts).toContain('1 payment stays with the archived client, with the issued invoices they pay and any credit left on them.');
  });
});
