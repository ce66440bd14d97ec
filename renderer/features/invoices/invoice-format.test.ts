import { describe, expect, it } from 'vitest';
import { invoiceName, isZeroAmount, monthOptions, monthText, previousMonth } from './invoice-format';

describe('invoice words', () => {
  it('names billing months as people say them', () => {
    expect(monthText('2026-11')).toBe('November 2026');
    expect(monthText('2027-01')).toBe('January 2027');
    expect(monthText('2026-11', 'short')).toBe('Nov 2026');
  });

  it('takes the month before today, across a new year', () => {
    expect(previousMonth('2026-12-04')).toBe('2026-11');
    expect(previousMonth('2027-01-31')).toBe('2026-12');
  });

  it('offers the next month and those before it, newest first, keeping a month from the address', () => {
    expect(monthOptions('2026-01-15', 3).map((o) => o.value)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(monthOptions('2026-01-15', 1, '2020-05').map((o) => o.value)).toEqual(['2026-02', '2026-01', '2020-05']);
  });

  it('names an invoice by its number, else as a draft, held invoice or credit note by id', () => {
    expect(invoiceName({ id: 4, number: 'INV-2026-000004', kind: 'invoice', status: 'issued' })).toBe('INV-2026-000004');
    expect(invoiceName({ id: 5, number: null, kind: 'invoice', status: 'draft' })).toBe('Invoice #5 (draft)');
    expect(invoiceName({ id: 6, number: null, kind: 'invoice', status: 'held' })).toBe('Invoice #6 (held)');
  });
});

describe('isZeroAmount', () => {
  it('reads decimal text that is nothing', () => {
    expect(['0.00', '0', '-0.00', '0.000'].every(isZeroAmount)).toBe(true);
    expect(['0.01', '-12.50', '100'].some(isZeroAmount)).toBe(false);
  });
});
