import { describe, expect, it } from 'vitest';
import { balanceLines, balanceText } from './client-balance';

describe('a client’s balance per currency on screen', () => {
  it('shows each currency apart, the client’s own first, red only where something is owed', () => {
    const balances = [
      { currency: 'EUR', owedMinor: 50_000, creditMinor: 0, balanceMinor: 50_000 },
      { currency: 'USD', owedMinor: 0, creditMinor: 5_000, balanceMinor: -5_000 },
    ];
    expect(balanceLines(balances, 'USD')).toEqual([
      { currency: 'USD', text: '-$50.00', owes: false },
      { currency: 'EUR', text: '€500.00', owes: true },
    ]);
    expect(balanceText(balances, 'EUR')).toBe('€500.00 · -$50.00');
  });

  it('shows nothing owed in the client’s own currency', () => {
    expect(balanceText([], 'NOK')).toBe('NOK\u00a00.00');
  });
});
