import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { issuedInvoice, openPaymentsDb, pay, redirectMiner, type PaymentsWorld } from '../../../tests/helpers/payment-fixtures';
import { listInvoices } from '../invoices/invoices.read';
import { readSettingsRow, updateSettings } from '../settings/settings.service';
import { daysOverdue, defaultProposals } from './payments.default';

let w: PaymentsWorld;
beforeEach(() => {
  w = openPaymentsDb();
});
afterEach(() => w.t.close());

const setThreshold = (days: number) => {
  const { organisationName, address, taxId, currency, timeZone, invoicePrefix } = readSettingsRow(w.db);
  updateSettings(w.db, { organisationName, address, taxId, currency, timeZone, invoicePrefix, energyRatePerKwh: '0.05', defaultAfterDaysOverdue: days }, actor);
};

describe('overdue in the site calendar', () => {
  it('reads an invoice overdue from the day after its due date in its own zone, paid in part or not at all', () => {
    const auckland = issuedInvoice(w.db, {
      clientId: w.acme.id,
      contractId: w.contracts.acme.id,
      period: '2026-03',
      totalMinor: 10_000,
      timeZone: 'Pacific/Auckland',
      issuedAt: '2026-04-03T00:00:00Z', // 3 April, 13:00 in Auckland: due 17 April there
    });
    const newYork = issuedInvoice(w.db, {
      clientId: w.boreal.id,
      contractId: w.contracts.boreal.id,
      period: '2026-03',
      totalMinor: 10_000,
      issuedAt: '2026-04-03T15:00:00Z', // due 17 April in New York
    });
    pay(w.db, { clientId: w.acme.id, amount: '40.00', receivedAt: '2026-04-10' }, new Date('2026-04-10T12:00:00Z'));
    // 17 April 12:30 UTC is already 18 April in Auckland, still the 17th in New York.
    const instant = new Date('2026-04-17T12:30:00Z');
    const status = (id: number) => listInvoices(w.db, {}, instant).invoices.find((i) => i.id === id)!.status;
    expect(status(auckland)).toBe('overdue');
    expect(status(newYork)).toBe('issued');
    expect(daysOverdue('2026-04-17', 'Pacific/Auckland', instant)).toBe(1);
    expect(daysOverdue('2026-04-17', 'America/New_York', instant)).toBe(0);
    expect(listInvoices(w.db, {}, new Date('2026-04-18T04:30:00Z')).invoices.find((i) => i.id === newYork)!.status).toBe('overdue');
  });
});

describe('the In Default proposal', () => {
  function overdueInvoices() {
    // Acme's invoice is due 17 March; Boreal's 17 May.
    issuedInvoice(w.db, { clientId: w.acme.id, contractId: w.contracts.acme.id, period: '2026-02', totalMinor: 10_000, issuedAt: '2026-03-03T15:00:00Z' });
    issuedInvoice(w.db, { clientId: w.acme.id, contractId: w.contracts.acme.id, period: '2026-03', totalMinor: 20_000, issuedAt: '2026-04-03T15:00:00Z' });
    issuedInvoice(w.db, { clientId: w.boreal.id, contractId: w.contracts.boreal.id, period: '2026-04', totalMinor: 5_000, issuedAt: '2026-05-03T15:00:00Z' });
  }

  it('proposes a client whose oldest unpaid invoice is the setting’s days overdue, and no one In Default already', () => {
    overdueInvoices();
    const may20 = new Date('2026-05-20T15:00:00Z');
    expect(readSettingsRow(w.db).defaultAfterDaysOverdue).toBe(30);
    expect(defaultProposals(w.db, may20)).toEqual([
      {
        clientId: w.acme.id,
        clientName: 'Acme Hashing',
        status: 'active',
        invoiceId: 1,
        invoiceNumber: '2026-000001',
        dueDate: '2026-03-17',
        daysOverdue: 64,
        owed: [{ currency: 'USD', amount: '300.00' }],
      },
    ]);
    setThreshold(3);
    expect(defaultProposals(w.db, may20).map((p) => [p.clientName, p.daysOverdue])).toEqual([
      ['Acme Hashing', 64],
      ['Boreal', 3],
    ]);
    w.db.update(clients).set({ status: 'in_default' }).where(eq(clients.id, w.acme.id)).run();
    expect(defaultProposals(w.db, may20).map((p) => p.clientName)).toEqual(['Boreal']);
  });

  it('drops the client once the oldest invoice is paid, and offers to restore pools when the payment clears the debt', () => {
    overdueInvoices();
    const may20 = new Date('2026-05-20T15:00:00Z');
    redirectMiner(w.db, w.miners.acme1.id, w.acme.id);
    const first = pay(w.db, { clientId: w.acme.id, amount: '100.00', receivedAt: '2026-05-20' }, may20);
    expect(first).toMatchObject({ debtCleared: false, offerRestorePools: false, redirectedMiners: 1 });
    // The March invoice is paid; April's (due 17 April) is the oldest now, 33 days overdue.
    expect(defaultProposals(w.db, may20).map((p) => [p.clientName, p.invoiceNumber.endsWith('2'), p.daysOverdue])).toEqual([['Acme Hashing', true, 33]]);
    const last = pay(w.db, { clientId: w.acme.id, amount: '200.00', receivedAt: '2026-05-20' }, may20);
    expect(last).toMatchObject({ debtCleared: true, offerRestorePools: true, redirectedMiners: 1, clientStatus: 'active' });
    expect(defaultProposals(w.db, may20)).toEqual([]);
  });
});
