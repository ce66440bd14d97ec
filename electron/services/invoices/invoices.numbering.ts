import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { invoiceNumberSequences } from '../../../db/schema';
import { creditNotePrefix, type InvoiceKind } from '../../contract/invoices.vocab';
import { readSettingsRow } from '../settings/settings.service';

/**
 * The next number of a series for the year of the issue date, e.g. INV-2026-000123 (the invoice prefix
 * from settings, typed with its separator) or CN-2026-000001 (credit notes: their own series, fixed
 * prefix). One upsert bumps the year's counter inside the issuing transaction, so an issue that fails
 * rolls its number back with it, and concurrent issues (other processes on the same file) queue on
 * SQLite's write lock: gapless and unique per series and year.
 */
export function takeInvoiceNumber(tx: DbOrTx, series: InvoiceKind, issueDate: string): string {
  const year = Number(issueDate.slice(0, 4));
  const { last } = tx
    .insert(invoiceNumberSequences)
    .values({ series, year, last: 1 })
    .onConflictDoUpdate({ target: [invoiceNumberSequences.series, invoiceNumberSequences.year], set: { last: sql`${invoiceNumberSequences.last} + 1` } })
    .returning({ last: invoiceNumberSequences.last })
    .get();
  const prefix = series === 'credit_note' ? creditNotePrefix : readSettingsRow(tx).invoicePrefix;
  return `${prefix}${year}-${String(last).padStart(6, '0')}`;
}
