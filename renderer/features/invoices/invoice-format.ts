import type { BillLineMethod } from '../../../electron/contract/billing';
import type { InvoiceSummary } from '../../../electron/contract/invoices';
import type { InvoiceStatus } from '../../../electron/contract/invoices.vocab';

export const invoiceStatusColors: Record<InvoiceStatus, string> = {
  draft: 'gray',
  held: 'orange',
  issued: 'blue',
  partially_paid: 'cyan',
  paid: 'green',
  overdue: 'red',
  void: 'dark',
};

/** The method a line was billed by, in a word or two (the explanation beside it says how). */
export const lineMethodLabels: Record<BillLineMethod, string> = {
  metered: 'Metered',
  calculated: 'Calculated',
  hash: 'Hash',
  fixed: 'Fixed fee',
  infinity: 'TH/s-days',
  om: 'O&M fees',
};

// Made at first use, not when the module loads: the first Intl formatter of a locale loads its data (tens of ms),
// and the dashboard's first screen imports this module without naming a month.
const monthFormats = new Map<'long' | 'short', Intl.DateTimeFormat>();
const monthFormat = (length: 'long' | 'short'): Intl.DateTimeFormat => {
  let format = monthFormats.get(length);
  if (!format) monthFormats.set(length, (format = new Intl.DateTimeFormat('en-GB', { month: length, year: 'numeric', timeZone: 'UTC' })));
  return format;
};

/** "2026-11" → "November 2026" (or "Nov 2026" where room is short): a billing month as people say it, in the site's calendar. */
export function monthText(period: string, length: 'long' | 'short' = 'long'): string {
  const [year, month] = period.split('-').map(Number);
  return monthFormat(length).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** The month before the one `today` (YYYY-MM-DD) falls in: the month a batch usually bills. */
export function previousMonth(today: string): string {
  const [year, month] = today.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Months to pick from, newest first: the next month and `count` before it, plus `keep` when it lies outside. */
export function monthOptions(today: string, count: number, keep: string | null = null): { value: string; label: string }[] {
  const [year, month] = today.split('-').map(Number);
  const months: string[] = [];
  for (let i = -1; i < count; i += 1) {
    const index = year * 12 + (month - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  if (keep && !months.includes(keep)) months.push(keep);
  return months
    .sort()
    .reverse()
    .map((value) => ({ value, label: monthText(value) }));
}

/** The name an invoice goes by: its number, else what it is until issued. */
export function invoiceName(invoice: Pick<InvoiceSummary, 'number' | 'kind' | 'status' | 'id'>): string {
  if (invoice.number) return invoice.number;
  const kind = invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice';
  return `${kind} #${invoice.id} (${invoice.status === 'held' ? 'held' : 'draft'})`;
}

/** True for "0.00", "-0" and the like: an amount that is nothing. */
export const isZeroAmount = (amount: string): boolean => /^-?0*(\.0*)?$/.test(amount.trim());

/** A table cell holding money: right-aligned, on one line, with figures of equal width so columns line up. */
export const amountCell = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;
