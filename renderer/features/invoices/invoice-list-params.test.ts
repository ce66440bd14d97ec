import { describe, expect, it } from 'vitest';
import { invoiceListInput, invoicesOfPeriodPath, readInvoiceListView, writeInvoiceListView } from './invoice-list-params';

describe('the Invoices view in the address', () => {
  it('reads month, status and client, and ignores what is not one', () => {
    expect(readInvoiceListView(new URLSearchParams('period=2026-11&status=overdue&client=7'))).toEqual({ period: '2026-11', status: 'overdue', clientId: 7 });
    expect(readInvoiceListView(new URLSearchParams('period=2026-13&status=late&client=-2'))).toEqual({ period: null, status: null, clientId: null });
  });

  it('writes only what is set, and asks the list for the same', () => {
    const view = { period: '2026-11', status: null, clientId: 3 };
    expect(writeInvoiceListView(view).toString()).toBe('period=2026-11&client=3');
    expect(invoiceListInput(view)).toEqual({ period: '2026-11', clientId: 3 });
    expect(invoiceListInput({ period: null, status: null, clientId: null })).toEqual({});
    expect(invoicesOfPeriodPath('2026-10')).toBe('/invoices?period=2026-10');
  });
});
