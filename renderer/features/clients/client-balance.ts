import type { CurrencyBalance } from '../../../electron/contract/clients';
import { formatMoney } from '../../../electron/contract/money';

export type BalanceLine = { currency: string; text: string; owes: boolean };

/**
 * A client's balance per currency as text ("$600.00", "-€50.00" in credit), its own currency first, never added
 * across currencies; "$0.00" in its own currency when it owes nothing and has no credit.
 */
export function balanceLines(balances: readonly CurrencyBalance[], ownCurrency: string): BalanceLine[] {
  if (!balances.length) return [{ currency: ownCurrency, text: formatMoney(0, ownCurrency), owes: false }];
  const ordered = [...balances].sort((a, b) => Number(b.currency === ownCurrency) - Number(a.currency === ownCurrency));
  return ordered.map((b) => ({ currency: b.currency, text: formatMoney(b.balanceMinor, b.currency), owes: b.balanceMinor > 0 }));
}

/** The balances on one line: "$600.00 · €50.00". */
export const balanceText = (balances: readonly CurrencyBalance[], ownCurrency: string): string =>
  balanceLines(balances, ownCurrency)
    .map((line) => line.text)
    .join(' · ');
