import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { makeClient, makeManager, setOrganisation } from '../../../tests/helpers/client-fixtures';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';

let d: DispatchDb;
let clientId = 0;
beforeEach(() => {
  d = openDispatchDb();
  setOrganisation(d.t.db, 'USD', 'America/New_York');
  clientId = makeClient(d.t.db, { name: 'Acme Hashing', managerId: makeManager(d.t.db).id }).id;
});
afterEach(() => d.t.close());

const good = () => ({ clientId, method: 'bank_transfer', amount: '125.50', currency: 'USD', receivedAt: '2026-01-05' });
const paymentAuditRows = () =>
  d.t.db
    .select()
    .from(auditLog)
    .all()
    .filter((r) => r.entity === 'payment' || r.action.startsWith('invoice.payment'));

describe('payments through dispatch', () => {
  it('refuses bad input with a sentence naming the field, and changes nothing', async () => {
    const refusals: [Record<string, unknown>, RegExp][] = [
      [{ amount: 'abc' }, /Amount: must be an amount greater than 0, like 125\.50/],
      [{ amount: '-5' }, /Amount: must be an amount greater than 0/],
      [{ amount: '0' }, /Amount: must be an amount greater than 0/],
      [{ amount: 12.5 }, /Amount: must be an amount written as text/],
      [{ method: 'paypal' }, /Method: must be one of bank_transfer, btc, usdc, usdt, card, cash/],
      [{ currency: 'DOLLARS' }, /Currency: must be a three-letter ISO 4217 currency code/],
      [{ receivedAt: '2026-02-30' }, /Received at: must be a real calendar date written YYYY-MM-DD/],
      [{ fee: '-1' }, /Fee: must be a number of at most six decimals, not negative/],
      [{ allocate: 'newest' }, /Allocate: must be 'oldest', 'none' or a list of invoices and amounts/],
      [
        {
          allocate: [
            { invoiceId: 1, amount: '1' },
            { invoiceId: 1, amount: '2' },
          ],
        },
        /Allocate: must name each invoice once/,
      ],
      [{ amount: '12.345' }, /The amount "12\.345" has more decimals than USD has \(2\)\./],
      [{ fee: '200' }, /The fee \(200\.00 USD\) is more than the payment itself\./],
      [{ receivedAt: '2099-01-01' }, /The payment date 2099-01-01 is in the future\. Record it on the day the money arrived\./],
      [{ currency: 'EUR' }, /is billed in USD, not EUR\. Record the payment in USD/],
      [{ clientId: 999 }, /Client #999 was not found\./],
      [{ allocate: [{ invoiceId: 42, amount: '10' }] }, /Invoice #42 was not found\./],
      [{ sendReceipt: 'yes' }, /Send receipt: must be true or false/],
    ];
    for (const [change, sentence] of refusals) {
      const outcome = await d.run('payments.record', { ...good(), ...change });
      expect(outcome, JSON.stringify(change)).toMatchObject({ ok: false, error: { message: expect.stringMatching(sentence) } });
    }
    expect(await d.run('payments.list', {})).toEqual({ ok: true, value: [] });
    expect(paymentAuditRows()).toEqual([]);
    expect(d.log.error).not.toHaveBeenCalled();
  });

  it('records, lists, refunds and allocates through the API, refusing what does not fit in words', async () => {
    const recorded = await d.run('payments.record', { ...good(), reference: 'WIRE-77', fee: '0.50' });
    expect(recorded).toMatchObject({
      ok: true,
      value: { debtCleared: false, offerRestorePools: false, payment: { amount: '125.50', unallocated: '125.50' }, receipt: { to: [expect.any(String)] } },
    });
    const listed = await d.run('payments.list', { clientId, from: '2026-01-01', to: '2026-01-31' });
    expect(listed).toMatchObject({ ok: true, value: [{ reference: 'WIRE-77', method: 'bank_transfer', fee: '0.50' }] });
    expect(await d.run('payments.list', { from: '2026-02-01' })).toEqual({ ok: true, value: [] });
    expect(await d.run('payments.refund', { paymentId: 1, amount: '200', reason: 'Sent twice' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/has 125\.50 USD not allocated to invoices, less than the 200\.00 USD asked/) },
    });
    expect(await d.run('payments.refund', { paymentId: 1, amount: '25.50', reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Reason: is required/) },
    });
    expect(await d.run('payments.refund', { paymentId: 1, amount: '25.50', reason: 'Sent twice' })).toMatchObject({
      ok: true,
      value: { refunded: '25.50', unallocated: '100.00' },
    });
    expect(await d.run('payments.allocate', { paymentId: 1, allocations: [{ invoiceId: 7, amount: '5' }] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Invoice #7 was not found. Refresh the list and try again.' },
    });
    expect(await d.run('payments.allocate', { paymentId: 9, allocations: [] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const journal = await d.run('clients.journal', { clientId });
    expect(journal).toMatchObject({ ok: true, value: { balances: [{ currency: 'USD', owed: '0.00', credit: '100.00', balance: '-100.00' }] } });
    expect(paymentAuditRows().map((r) => r.action)).toEqual(['payment.recorded', 'payment.receipt_queued', 'payment.refunded']);
  });

  it('keeps the In Default threshold and the receipts switch in settings and refuses a bad one', async () => {
    const settings = {
      organisationName: 'Test Hosting',
      address: '',
      taxId: '',
      currency: 'USD',
      timeZone: 'America/New_York',
      energyRatePerKwh: '0.05',
      invoicePrefix: 'INV-',
    };
    expect(await d.run('settings.update', { ...settings, defaultAfterDaysOverdue: 45 })).toMatchObject({ ok: true, value: { defaultAfterDaysOverdue: 45 } });
    expect(await d.run('settings.update', { ...settings, defaultAfterDaysOverdue: 0 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/must be at least 1 day/) },
    });
    expect(await d.run('settings.update', settings)).toMatchObject({ ok: true, value: { defaultAfterDaysOverdue: 45, sendPaymentReceipts: true } });
    expect(await d.run('settings.update', { ...settings, sendPaymentReceipts: false })).toMatchObject({ ok: true, value: { sendPaymentReceipts: false } });
    expect(await d.run('settings.update', settings)).toMatchObject({ ok: true, value: { sendPaymentReceipts: false } });
    expect(await d.run('settings.update', { ...settings, sendPaymentReceipts: 'no' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/must be on or off/) },
    });
    expect(await d.run('payments.defaultProposals', {})).toEqual({ ok: true, value: [] });
  });
});
