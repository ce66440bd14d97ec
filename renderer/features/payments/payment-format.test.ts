import { describe, expect, it } from 'vitest';
import { minorOf, oldestFirst } from './payment-format';

describe('payment amounts in the dialogs', () => {
  it('shares an amount over invoices oldest first, each up to what it owes', () => {
    const rows = [
      { invoiceId: 1, mostMinor: 10_000 },
      { invoiceId: 2, mostMinor: 20_000 },
      { invoiceId: 3, mostMinor: 5_000 },
    ];
    expect(oldestFirst(25_000, rows)).toEqual({ 1: 10_000, 2: 15_000, 3: 0 });
    expect(oldestFirst(50_000, rows)).toEqual({ 1: 10_000, 2: 20_000, 3: 5_000 });
  });

  it('reads typed amounts exactly in the currency, blank as nothing', () => {
    expect(minorOf('12.5', 'USD')).toBe(1250);
    expect(minorOf('', 'USD')).toBe(0);
    expect(minorOf('1.234', 'USD')).toBeNull();
    expect(minorOf('7', 'JPY')).toBe(7);
  });
});
