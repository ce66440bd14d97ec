import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issuedInvoice, openPaymentsDb, pay, type PaymentsWorld } from '../../../tests/helpers/payment-fixtures';
import { contract } from '../../contract';
import { listClients } from '../clients/clients.list';
import { getClientDetail } from '../clients/clients.service';
import { clientJournal } from './payments.journal';

let w: PaymentsWorld;
beforeEach(() => {
  w = openPaymentsDb();
});
afterEach(() => w.t.close());

const invoiceOf = (clientId: number, contractId: number, period: string, totalMinor: number, currency = 'USD') =>
  issuedInvoice(w.db, { clientId, contractId, period, totalMinor, currency, issuedAt: '2026-05-03T15:00:00Z' });
const listed = (filters: Record<string, unknown> = {}) => listClients(w.db, contract['clients.list'].input.parse(filters)).rows;
const owingIds = (balanceOwed: boolean) => listed({ balanceOwed }).map((row) => row.id);

describe('balances per currency', () => {
  it('never adds amounts of different currencies: the list, the detail and the journal give one figure per currency', () => {
    invoiceOf(w.acme.id, w.contracts.acme.id, '2026-03', 100_000);
    invoiceOf(w.acme.id, w.contracts.acme.id, '2026-04', 50_000, 'EUR');
    pay(w.db, { clientId: w.acme.id, amount: '1050.00' });

    const expected = [
      { currency: 'EUR', owedMinor: 50_000, creditMinor: 0, balanceMinor: 50_000 },
      { currency: 'USD', owedMinor: 0, creditMinor: 5_000, balanceMinor: -5_000 },
    ];
    expect(listed().find((row) => row.id === w.acme.id)).toMatchObject({ currency: 'USD', balances: expected });
    expect(getClientDetail(w.db, w.acme.id).balances).toEqual(expected);
    expect(clientJournal(w.db, w.acme.id).balances).toEqual([
      { currency: 'EUR', owed: '500.00', credit: '0.00', balance: '500.00' },
      { currency: 'USD', owed: '0.00', credit: '50.00', balance: '-50.00' },
    ]);
    // Credit in dollars does not pay euros: Acme still owes.
    expect(owingIds(true)).toEqual([w.acme.id]);
    expect(owingIds(false)).toEqual([w.boreal.id]);
  });

  it('does not count a client whose unallocated credit covers its open invoices as owing', () => {
    invoiceOf(w.boreal.id, w.contracts.boreal.id, '2026-03', 10_000);
    expect(owingIds(true)).toEqual([w.boreal.id]);

    // Kept as credit, not allocated: the invoice stays open, yet nothing is owed on balance.
    pay(w.db, { clientId: w.boreal.id, amount: '150.00', allocate: 'none' });
    expect(getClientDetail(w.db, w.boreal.id).balances).toEqual([{ currency: 'USD', owedMinor: 10_000, creditMinor: 15_000, balanceMinor: -5_000 }]);
    expect(owingIds(true)).toEqual([]);
    expect(owingIds(false)).toEqual([w.acme.id, w.boreal.id]);

    // Credit that covers part only leaves the client owing the rest.
    invoiceOf(w.boreal.id, w.contracts.boreal.id, '2026-04', 10_000);
    expect(getClientDetail(w.db, w.boreal.id).balances[0].balanceMinor).toBe(5_000);
    expect(owingIds(true)).toEqual([w.boreal.id]);
  });

  it('sorts the clients list by the balance in each client’s own currency, other currencies aside', () => {
    invoiceOf(w.acme.id, w.contracts.acme.id, '2026-03', 100_000);
    invoiceOf(w.acme.id, w.contracts.acme.id, '2026-04', 500_000, 'EUR');
    pay(w.db, { clientId: w.acme.id, amount: '1050.00' }); // Acme, a USD client: 50.00 in credit, whatever it owes in euros
    invoiceOf(w.boreal.id, w.contracts.boreal.id, '2026-03', 10_000); // Boreal owes 100.00
    const byBalance = (dir: 'asc' | 'desc') => listed({ sort: 'balance', dir }).map((row) => row.id);
    expect(byBalance('asc')).toEqual([w.acme.id, w.boreal.id]);
    expect(byBalance('desc')).toEqual([w.boreal.id, w.acme.id]);
  });

  it('gives an empty list to a client with nothing owed and no credit', () => {
    expect(getClientDetail(w.db, w.acme.id).balances).toEqual([]);
    expect(listed().map((row) => row.balances)).toEqual([[], []]);
  });
});
