import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { invoices, paymentAllocations, paymentRefunds, payments } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { currencyDecimals, formatDecimal } from '../../contract/money';
import type { AllocationReason } from '../../contract/payments.vocab';
import { recordAudit } from '../audit/record-audit';
import { invoiceLabel, type InvoiceRow } from '../invoices/invoices.rows';
import { requireById } from '../require-row';

/**
 * The ledger under payments: every movement of money onto or off an invoice is a row of payment_allocations,
 * and the invoice's amount paid and status follow in the same transaction (migration 0018's trigger lets
 * exactly those move on an issued invoice). "Overdue" is never stored: invoices.rows reads it from the due
 * date in the site's calendar.
 */

export type PaymentRow = typeof payments.$inferSelect;

export const moneyText = (minor: number, currency: string): string => {
  const decimals = currencyDecimals(currency);
  return formatDecimal(minor, decimals, decimals);
};

/** "125.00 USD": money in a sentence. */
export const moneyWords = (minor: number, currency: string): string => `${moneyText(minor, currency)} ${currency}`;

export const paymentLabel = (row: Pick<PaymentRow, 'id'>): string => `Payment #${row.id}`;

export function requirePayment(db: DbOrTx, id: number): PaymentRow {
  return requireById(db, payments, id, 'Payment', 'Refresh the list and try again.');
}

/** The status a payment leaves on an invoice: paid in full, partly, or not at all. */
const statusForPaid = (paidMinor: number, totalMinor: number): InvoiceRow['status'] =>
  paidMinor >= totalMinor ? 'paid' : paidMinor > 0 ? 'partially_paid' : 'issued';

/** What an issued invoice still owes. */
export const openMinor = (row: Pick<InvoiceRow, 'totalMinor' | 'amountPaidMinor'>): number => row.totalMinor - row.amountPaidMinor;

export type Source = { paymentId: number } | { creditNoteId: number };

type Movement = { invoice: InvoiceRow; source: Source; amountMinor: number; reason: AllocationReason };

/**
 * Moves money onto (positive) or off (negative) an issued invoice, audited on the invoice; returns the
 * invoice as it is now. Never below nothing paid, never above its total.
 */
export function moveMoney(tx: DbOrTx, { invoice, source, amountMinor, reason }: Movement, actor: string, now: Date): InvoiceRow {
  const paid = invoice.amountPaidMinor + amountMinor;
  if (paid < 0 || paid > invoice.totalMinor) {
    throw new AppError('CONFLICT', `${invoiceLabel(invoice)} owes ${moneyWords(openMinor(invoice), invoice.currency)}: it cannot take that allocation.`);
  }
  const at = now.toISOString();
  tx.insert(paymentAllocations)
    .values({
      invoiceId: invoice.id,
      paymentId: 'paymentId' in source ? source.paymentId : null,
      creditNoteId: 'creditNoteId' in source ? source.creditNoteId : null,
      amountMinor,
      reason,
      createdAt: at,
    })
    .run();
  const after = tx
    .update(invoices)
    .set({ amountPaidMinor: paid, status: statusForPaid(paid, invoice.totalMinor), updatedAt: at })
    .where(eq(invoices.id, invoice.id))
    .returning()
    .get();
  recordAudit(tx, {
    actor,
    action: amountMinor > 0 ? 'invoice.payment_applied' : 'invoice.payment_released',
    entity: 'invoice',
    entityId: invoice.id,
    clientId: invoice.clientId,
    before: { status: invoice.status, amountPaidMinor: invoice.amountPaidMinor },
    after: { status: after.status, amountPaidMinor: after.amountPaidMinor, amount: moneyWords(Math.abs(amountMinor), invoice.currency), ...source, reason },
  });
  return after;
}

/** Issued invoices of the client in the currency that still owe money, oldest due first, then by number. */
export function openInvoices(db: DbOrTx, clientId: number, currency: string): InvoiceRow[] {
  return db
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.clientId, clientId),
        eq(invoices.currency, currency),
        eq(invoices.kind, 'invoice'),
        isNotNull(invoices.number),
        inArray(invoices.status, ['issued', 'partially_paid']),
        sql`${invoices.totalMinor} > ${invoices.amountPaidMinor}`,
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.number))
    .all();
}

/** Per invoice, what a payment pays on it now (the sum of its allocation rows), in the order first allocated. */
export function allocationsOfPayment(db: DbOrTx, paymentId: number): Map<number, number> {
  const rows = db
    .select({ invoiceId: paymentAllocations.invoiceId, amount: sql<number>`SUM(${paymentAllocations.amountMinor})` })
    .from(paymentAllocations)
    .where(eq(paymentAllocations.paymentId, paymentId))
    .groupBy(paymentAllocations.invoiceId)
    .orderBy(sql`MIN(${paymentAllocations.id})`)
    .all();
  return new Map(rows.filter((r) => r.amount !== 0).map((r) => [r.invoiceId, r.amount]));
}

export function refundedMinor(db: DbOrTx, paymentId: number): number {
  return (
    db
      .select({ n: sql<number>`COALESCE(SUM(${paymentRefunds.amountMinor}), 0)` })
      .from(paymentRefunds)
      .where(eq(paymentRefunds.paymentId, paymentId))
      .get()?.n ?? 0
  );
}

/** What is left of a payment to allocate or refund: its credit. */
export function unallocatedMinor(db: DbOrTx, payment: PaymentRow): number {
  const allocated = [...allocationsOfPayment(db, payment.id).values()].reduce((sum, n) => sum + n, 0);
  return payment.amountMinor - refundedMinor(db, payment.id) - allocated;
}

/** Pays the client's open invoices oldest first from one source, up to `availableMinor`; returns what is left. */
export function payOldestFirst(
  tx: DbOrTx,
  clientId: number,
  currency: string,
  source: Source,
  availableMinor: number,
  reason: AllocationReason,
  actor: string,
  now: Date,
): number {
  let left = availableMinor;
  for (const invoice of openInvoices(tx, clientId, currency)) {
    if (left <= 0) break;
    const amountMinor = Math.min(left, openMinor(invoice));
    moveMoney(tx, { invoice, source, amountMinor, reason }, actor, now);
    left -= amountMinor;
  }
  return left;
}
