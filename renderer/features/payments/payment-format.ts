import type { InvoiceSummary } from '../../../electron/contract/invoices';
import type { JournalKind } from '../../../electron/contract/payments';
import { currencyDecimals, formatDecimal, parseDecimal } from '../../../electron/contract/money';

export const journalKindLabels: Record<JournalKind, string> = {
  invoice: 'Invoice',
  invoice_void: 'Invoice voided',
  credit_note: 'Credit note',
  payment: 'Payment',
  allocation: 'Allocation',
  credit_carried: 'Credit carried',
  release: 'Released to credit',
  refund: 'Refund',
};

export const journalKindColors: Record<JournalKind, string> = {
  invoice: 'blue',
  invoice_void: 'gray',
  credit_note: 'grape',
  payment: 'green',
  allocation: 'teal',
  credit_carried: 'cyan',
  release: 'yellow',
  refund: 'orange',
};

/** Invoices a payment in `currency` may still pay: issued (overdue included), with money owed. */
export const payableInvoices = (invoices: readonly InvoiceSummary[], currency: string): InvoiceSummary[] =>
  invoices
    .filter((i) => i.kind === 'invoice' && i.currency === currency && ['issued', 'partially_paid', 'overdue'].includes(i.status))
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || (a.number ?? '').localeCompare(b.number ?? ''));

/** Decimal text as minor units of the currency; null when it is not an amount (blank reads 0). */
export function minorOf(text: string, currency: string): number | null {
  return text.trim() === '' ? 0 : parseDecimal(text, currencyDecimals(currency));
}

export const textOf = (minor: number, currency: string): string => formatDecimal(minor, currencyDecimals(currency), currencyDecimals(currency));

/** Shares `amount` over the invoices oldest first, each up to what it can take: the allocation 'oldest' would make. */
export function oldestFirst(amountMinor: number, rows: readonly { invoiceId: number; mostMinor: number }[]): Record<number, number> {
  let left = amountMinor;
  const shares: Record<number, number> = {};
  for (const row of rows) {
    const share = Math.max(0, Math.min(left, row.mostMinor));
    shares[row.invoiceId] = share;
    left -= share;
  }
  return shares;
}
