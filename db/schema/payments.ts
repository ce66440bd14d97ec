import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { allocationReasons, paymentMethods } from '../../electron/contract/payments.vocab';
import { clients } from './clients';
import { invoices } from './invoices';

/**
 * Money a client paid, in minor units of `currency`. The fee is what the bank, processor or network kept
 * (for the accountant); the client is credited the whole amount. What is neither allocated nor refunded is
 * the client's credit: derived from these three tables, never stored, so it cannot drift.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    method: text('method', { enum: paymentMethods }).notNull(),
    currency: text('currency').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    feeMinor: integer('fee_minor').notNull().default(0),
    receivedOn: text('received_on').notNull(), // YYYY-MM-DD, site calendar
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('payments_client_idx').on(t.clientId, t.receivedOn),
    check('payments_amount_positive', sql`${t.amountMinor} > 0`),
    check('payments_fee_not_negative', sql`${t.feeMinor} >= 0`),
  ],
);

/** Money given back to the client out of a payment's unallocated part. */
export const paymentRefunds = sqliteTable(
  'payment_refunds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id),
    amountMinor: integer('amount_minor').notNull(),
    reason: text('reason').notNull(),
    refundedOn: text('refunded_on').notNull(), // YYYY-MM-DD, site calendar
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payment_refunds_payment_idx').on(t.paymentId), check('payment_refunds_amount_positive', sql`${t.amountMinor} > 0`)],
);

/**
 * A ledger of money moved onto an invoice (positive) or off it (negative), from a payment or from a credit
 * note; never edited. An invoice's amount paid is the sum of its rows (kept on the invoice in the same
 * transaction), a payment's allocated part the sum of its rows.
 */
export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    paymentId: integer('payment_id').references(() => payments.id),
    creditNoteId: integer('credit_note_id').references(() => invoices.id),
    amountMinor: integer('amount_minor').notNull(),
    reason: text('reason', { enum: allocationReasons }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('payment_allocations_invoice_idx').on(t.invoiceId),
    index('payment_allocations_payment_idx').on(t.paymentId),
    index('payment_allocations_credit_note_idx').on(t.creditNoteId),
    check('payment_allocations_one_source', sql`(${t.paymentId} IS NULL) <> (${t.creditNoteId} IS NULL)`),
    check('payment_allocations_amount_not_zero', sql`${t.amountMinor} <> 0`),
  ],
);
