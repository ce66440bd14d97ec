import { and, eq, ne } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/open-db';
import { invoices } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import type { InvoiceBillTo } from '../../contract/invoices';
import type { InvoiceStatus } from '../../contract/invoices.vocab';
import type { ClientRow } from '../clients/clients.guards';
import { requireById } from '../require-row';

export type InvoiceRow = typeof invoices.$inferSelect;

/** How an invoice is named in messages: its number, else "Draft invoice #12". */
export const invoiceLabel = (row: Pick<InvoiceRow, 'id' | 'number' | 'kind' | 'status'>): string =>
  row.number ?? `${row.status === 'held' ? 'Held' : 'Draft'} ${row.kind === 'credit_note' ? 'credit note' : 'invoice'} #${row.id}`;

export function requireInvoice(db: DbOrTx, id: number): InvoiceRow {
  return requireById(db, invoices, id, 'Invoice', 'Refresh the list and try again.');
}

/** Today in the invoice's zone: issue dates, due dates and "overdue" read the site's calendar. */
export const localToday = (timeZone: string, now: Date): string => DateTime.fromJSDate(now).setZone(timeZone).toISODate()!;

export const addDays = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** The status as reported: issued or partly paid past the due date reads "overdue" (never stored). */
export function reportedStatus(row: Pick<InvoiceRow, 'status' | 'dueDate' | 'timeZone' | 'kind'>, now: Date): InvoiceStatus {
  const owing = row.status === 'issued' || row.status === 'partially_paid';
  if (owing && row.kind === 'invoice' && row.dueDate !== null && row.dueDate < localToday(row.timeZone, now)) return 'overdue';
  return row.status;
}

/** The client as the invoice prints it. */
export function billToOf(client: ClientRow): InvoiceBillTo {
  return {
    name: client.name,
    company: client.company,
    address: client.address,
    city: client.city,
    zip: client.zip,
    country: client.country,
    taxId: client.taxId,
    email: client.billingEmail ?? client.contactEmail,
  };
}

/** The live invoice of a contract and month, whoever the client is now (a merge moves contracts, not issued invoices). */
export function liveInvoiceOf(db: DbOrTx, contractId: number, period: string): InvoiceRow | undefined {
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.contractId, contractId), eq(invoices.period, period), eq(invoices.kind, 'invoice'), ne(invoices.status, 'void')))
    .get();
}

/** Refuses a change to an issued invoice in words before the triggers would refuse it in SQL. */
export function requireUnissued(row: InvoiceRow, doing: string): void {
  if (row.number !== null) throw new AppError('CONFLICT', `${invoiceLabel(row)} is issued and cannot be ${doing}: correct it with a credit note.`);
}

/**
 * Every invoice write takes SQLite's write lock at BEGIN: a deferred transaction that reads and then
 * writes fails with SQLITE_BUSY when another process wrote in between, instead of waiting its turn.
 */
export const immediate = { behavior: 'immediate' } as const;
