import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { issuedInvoice, openPaymentsDb, pay, type PaymentsWorld } from '../../../tests/helpers/payment-fixtures';
import { createCreditNote } from '../invoices/invoices.credit';
import { voidInvoice } from '../invoices/invoices.lifecycle';
import { clientJournal } from './payments.journal';
import { refundPayment } from './payments.record';

let w: PaymentsWorld;
beforeEach(() => {
  w = openPaymentsDb();
});
afterEach(() => w.t.close());

describe('clients.journal', () => {
  it('lists invoices, payments, allocations, credit carried, credit notes and refunds with the running balance', () => {
    const issue = (period: string, totalMinor: number, issuedAt: string) =>
      issuedInvoice(w.db, { clientId: w.acme.id, contractId: w.contracts.acme.id, period, totalMinor, issuedAt });
    issue('2026-02', 10_000, '2026-03-03T15:00:00Z');
    pay(w.db, { clientId: w.acme.id, amount: '150.00', reference: 'WIRE-77', receivedAt: '2026-03-20' }, new Date('2026-03-20T15:00:00Z'));
    const april = issue('2026-03', 20_000, '2026-04-03T15:00:00Z');
    createCreditNote(w.db, { invoiceId: april, reason: 'Outage' }, actor, new Date('2026-04-10T15:00:00Z'));
    const { payment } = pay(w.db, { clientId: w.acme.id, amount: '60.00', method: 'btc', receivedAt: '2026-04-12' }, new Date('2026-04-12T15:00:00Z'));
    refundPayment(w.db, { paymentId: payment.id, amount: '10.00', reason: 'Sent too much' }, actor, new Date('2026-04-13T15:00:00Z'));

    const journal = clientJournal(w.db, w.acme.id);
    const rows = journal.entries.map((e) => [e.date, e.kind, e.source.replace(/\d{4}-0+/, '…'), e.destination.replace(/\d{4}-0+/, '…'), e.amount, e.balance]);
    expect(rows).toEqual([
      ['2026-03-03', 'invoice', '…1', 'Client account', '100.00', '100.00'],
      ['2026-03-20', 'payment', 'Bank transfer WIRE-77', 'Client account (payment #1)', '150.00', '-50.00'],
      ['2026-03-20', 'allocation', 'Payment #1', '…1', '100.00', '-50.00'],
      ['2026-04-03', 'invoice', '…2', 'Client account', '200.00', '150.00'],
      ['2026-04-03', 'credit_carried', 'Credit (payment #1)', '…2', '50.00', '150.00'],
      ['2026-04-10', 'credit_note', 'CN-…1', '…2', '200.00', '-50.00'],
      // The credit note settles its invoice: the payment's 50.00 steps back to credit.
      ['2026-04-10', 'release', '…2', 'Credit (payment #1)', '50.00', '-50.00'],
      ['2026-04-10', 'allocation', 'CN-…1', '…2', '200.00', '-50.00'],
      ['2026-04-12', 'payment', 'Bitcoin (BTC)', 'Client account (payment #2)', '60.00', '-110.00'],
      ['2026-04-13', 'refund', 'Payment #2', 'Refund to client: Sent too much', '10.00', '-100.00'],
    ]);
    expect(journal.balances).toEqual([{ currency: 'USD', owed: '0.00', credit: '100.00', balance: '-100.00' }]);
  });

  it('takes a voided invoice back out of the balance on the day it was voided', () => {
    const id = issuedInvoice(w.db, {
      clientId: w.boreal.id,
      contractId: w.contracts.boreal.id,
      period: '2026-02',
      totalMinor: 7_500,
      issuedAt: '2026-03-03T15:00:00Z',
    });
    voidInvoice(w.db, { id, reason: 'Billed the wrong contract' }, actor, new Date('2026-03-05T15:00:00Z'));
    expect(clientJournal(w.db, w.boreal.id).entries.map((e) => [e.date, e.kind, e.amount, e.balance])).toEqual([
      ['2026-03-03', 'invoice', '75.00', '75.00'],
      ['2026-03-05', 'invoice_void', '75.00', '0.00'],
    ]);
  });

  it('refuses an unknown client in words', () => {
    expect(() => clientJournal(w.db, 999)).toThrow('Client #999 was not found. Refresh the list and try again.');
  });
});
