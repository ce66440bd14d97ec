import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { invoices, paymentAllocations, paymentRefunds, payments } from '../../../db/schema';
import { requireInvoice, type InvoiceRow } from '../invoices/invoices.rows';
import { moveMoney, openMinor, payOldestFirst, type PaymentRow } from './payments.ledger';

/**
 * Credit: what a client paid that is neither allocated nor refunded. It is never lost and never waits for
 * a person: whenever an invoice or credit note of the client is issued, the credit in its currency pays
 * the open invoices oldest first (the new one included). A credit note settles its own invoice first; when
 * payments already paid that invoice, the latest of them step back by the credit note's amount, and that
 * money becomes credit (carried on at once to other open invoices, else kept or refunded).
 */

const allocatedOf = sql<number>`(SELECT COALESCE(SUM(${paymentAllocations.amountMinor}), 0) FROM ${paymentAllocations} WHERE ${paymentAllocations.paymentId} = ${payments.id})`;
const refundedOf = sql<number>`(SELECT COALESCE(SUM(${paymentRefunds.amountMinor}), 0) FROM ${paymentRefunds} WHERE ${paymentRefunds.paymentId} = ${payments.id})`;

/** SQL: the unallocated part of the payment row in scope. */
export const unallocatedOf = sql<number>`(${payments.amountMinor} - ${refundedOf} - ${allocatedOf})`;

/** The client's payments in the currency with something left, oldest received first. */
export function paymentsWithCredit(db: DbOrTx, clientId: number, currency: string): { payment: PaymentRow; leftMinor: number }[] {
  return db
    .select({ payment: payments, leftMinor: unallocatedOf })
    .from(payments)
    .where(and(eq(payments.clientId, clientId), eq(payments.currency, currency), sql`${unallocatedOf} > 0`))
    .orderBy(asc(payments.receivedOn), asc(payments.id))
    .all();
}

/** Carries the client's credit in the currency to its open invoices, oldest first. */
export function carryCredit(tx: DbOrTx, clientId: number, currency: string, actor: string, now: Date): void {
  for (const { payment, leftMinor } of paymentsWithCredit(tx, clientId, currency)) {
    const left = payOldestFirst(tx, clientId, currency, { paymentId: payment.id }, leftMinor, 'credit_carried', actor, now);
    if (left === leftMinor) break; // nothing open any more
  }
}

/** Payments on the invoice now, the latest allocated first: who steps back for a credit note. */
function paymentsOnInvoice(tx: DbOrTx, invoiceId: number): { paymentId: number; amountMinor: number }[] {
  return tx
    .select({ paymentId: sql<number>`${paymentAllocations.paymentId}`, amountMinor: sql<number>`SUM(${paymentAllocations.amountMinor})` })
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.invoiceId, invoiceId), sql`${paymentAllocations.paymentId} IS NOT NULL`))
    .groupBy(paymentAllocations.paymentId)
    .having(sql`SUM(${paymentAllocations.amountMinor}) > 0`)
    .orderBy(desc(sql`MAX(${paymentAllocations.id})`))
    .all();
}

function settleCreditNote(tx: DbOrTx, note: InvoiceRow, actor: string, now: Date): void {
  if (note.creditedInvoiceId === null || note.totalMinor >= 0) return;
  let invoice = requireInvoice(tx, note.creditedInvoiceId);
  const credit = -note.totalMinor;
  let shortfall = credit - openMinor(invoice);
  for (const { paymentId, amountMinor } of shortfall > 0 ? paymentsOnInvoice(tx, invoice.id) : []) {
    if (shortfall <= 0) break;
    const step = Math.min(amountMinor, shortfall);
    invoice = moveMoney(tx, { invoice, source: { paymentId }, amountMinor: -step, reason: 'displaced' }, actor, now);
    shortfall -= step;
  }
  const applied = Math.min(credit, openMinor(invoice));
  if (applied <= 0) return;
  moveMoney(tx, { invoice, source: { creditNoteId: note.id }, amountMinor: applied, reason: 'credit_note' }, actor, now);
  // The note's own "paid" is what of it was applied (negative like its total), so it owes and credits nothing twice.
  tx.update(invoices).set({ amountPaidMinor: -applied, updatedAt: now.toISOString() }).where(eq(invoices.id, note.id)).run();
}

/** Called in the issuing transaction of every invoice and credit note (invoices.write numberInvoice). */
export function settleOnIssue(tx: DbOrTx, issued: InvoiceRow, actor: string, now: Date): void {
  if (issued.kind === 'credit_note') settleCreditNote(tx, issued, actor, now);
  carryCredit(tx, issued.clientId, issued.currency, actor, now);
}
