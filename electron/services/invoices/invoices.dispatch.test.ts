import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';

let d: DispatchDb;
beforeEach(() => {
  d = openDispatchDb();
});
afterEach(() => d.t.close());

const organisation = {
  organisationName: 'Test Hosting',
  address: '',
  taxId: '',
  currency: 'USD',
  timeZone: 'America/New_York',
  energyRatePerKwh: '0.05',
  invoicePrefix: 'INV-',
};

describe('billing and invoices through dispatch', () => {
  it('keeps tax rates in settings, normalised, and refuses bad ones in plain words without changing anything', async () => {
    const saved = await d.run('settings.update', { ...organisation, taxRates: [{ name: 'VAT', percent: '08.50' }], paymentInstructions: 'IBAN XX00' });
    expect(saved).toMatchObject({ ok: true, value: { taxRates: [{ name: 'VAT', percent: '8.5' }], paymentInstructions: 'IBAN XX00' } });
    const kept = await d.run('settings.update', organisation);
    expect(kept).toMatchObject({ ok: true, value: { taxRates: [{ name: 'VAT', percent: '8.5' }] } });
    for (const taxRates of [
      [{ name: 'VAT', percent: '101' }],
      [{ name: 'VAT', percent: '1.23456' }],
      [
        { name: 'VAT', percent: '5' },
        { name: 'vat', percent: '6' },
      ],
      [{ name: '', percent: '5' }],
    ]) {
      const refused = await d.run('settings.update', { ...organisation, taxRates });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await d.run('settings.get', {})).toMatchObject({ ok: true, value: { taxRates: [{ name: 'VAT', percent: '8.5' }] } });
  });

  it('refuses a malformed month, an unknown client and an unknown invoice with sentences', async () => {
    const month = await d.run('billing.preview', { clientId: 1, period: '2026-13' });
    expect(month).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/month like 2026-03/) } });
    expect(await d.run('billing.preview', { clientId: 77, period: '2026-03' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await d.run('invoices.get', { id: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/Invoice #5/) } });
    expect(await d.run('invoices.void', { id: 5, reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await d.run('invoices.creditNote', { invoiceId: 5, lines: [{ position: 1, amount: '-3' }], reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/greater than 0/) },
    });
    expect(await d.run('invoices.list', { status: 'late' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(d.log.error).not.toHaveBeenCalled();
  });

  it('answers the batch status while none ran, and an empty batch for a month without contracts', async () => {
    expect(await d.run('invoices.batch.status', {})).toEqual({ ok: true, value: null });
    expect(await d.run('invoices.generateBatch', { period: '2026-03' })).toMatchObject({
      ok: true,
      value: { created: 0, skipped: 0, held: 0, invoiceIds: [] },
    });
    expect(await d.run('invoices.batch.status', {})).toMatchObject({ ok: true, value: { state: 'done', clients: 0 } });
  });
});
