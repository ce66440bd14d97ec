import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { invoiceKinds, invoiceStoredStatuses } from '../../electron/contract/invoices.vocab';
import { clients } from './clients';
import { contracts } from './contracts';
import { miners } from './miners';

/**
 * An invoice of one client for one contract and one month, or a credit note correcting an issued one.
 * Money in minor units of `currency` (a credit note's are negative). `status` is stored without
 * "overdue": that one is read from the due date (see services/invoices/invoices.status.ts).
 * Once issued, the money, lines and taxes never change (the triggers of migration 0018 refuse it); only
 * the status, the amount paid and the void fields move.
 */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: invoiceKinds }).notNull().default('invoice'),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    period: text('period').notNull(), // YYYY-MM in the site's zone
    periodFrom: text('period_from').notNull(), // the period's instants, ISO UTC: local 00:00 on the 1st
    periodTo: text('period_to').notNull(),
    timeZone: text('time_zone').notNull(),
    status: text('status', { enum: invoiceStoredStatuses }).notNull(),
    heldReason: text('held_reason'), // why a batch held it (client In Default)
    number: text('number').unique(), // INV-2026-000123 or CN-2026-000001, given at issue; null while draft or held
    issueDate: text('issue_date'), // YYYY-MM-DD, site calendar
    dueDate: text('due_date'),
    netDays: integer('net_days').notNull(),
    currency: text('currency').notNull(),
    subtotalMinor: integer('subtotal_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    amountPaidMinor: integer('amount_paid_minor').notNull().default(0),
    taxExempt: integer('tax_exempt', { mode: 'boolean' }).notNull(),
    billToJson: text('bill_to_json').notNull(), // the client's name, company, address and tax id as printed (taken again at issue)
    notes: text('notes').notNull().default(''),
    creditedInvoiceId: integer('credited_invoice_id').references((): AnySQLiteColumn => invoices.id), // a credit note's invoice
    reason: text('reason'), // a credit note's reason
    voidReason: text('void_reason'),
    voidedAt: text('voided_at'),
    issuedAt: text('issued_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // The batch's idempotency: one live invoice per client, contract and month (a voided one frees the slot).
    uniqueIndex('invoices_client_contract_period_idx')
      .on(t.clientId, t.contractId, t.period)
      .where(sql`${t.kind} = 'invoice' AND ${t.status} <> 'void'`),
    index('invoices_period_idx').on(t.period, t.status),
    index('invoices_client_idx').on(t.clientId, t.period),
    index('invoices_credited_idx').on(t.creditedInvoiceId),
    // What is owed and overdue (the dashboard's overdue figure, collections' default proposals): a range of due dates per open status.
    index('invoices_status_due_idx').on(t.status, t.dueDate),
    check('invoices_number_when_issued', sql`(${t.number} IS NULL) = (${t.issuedAt} IS NULL)`),
  ],
);

/** One line as the billing engine wrote it, with its explanation. */
export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id),
    minerId: integer('miner_id').references(() => miners.id),
    minerLabel: text('miner_label'), // the asset id when billed, as printed
    method: text('method').notNull(),
    quantity: text('quantity').notNull(), // decimal text in `unit`
    unit: text('unit').notNull(),
    rate: text('rate').notNull(), // decimal text per unit
    amountMinor: integer('amount_minor').notNull(),
    energyWh: integer('energy_wh'),
    billedSeconds: integer('billed_seconds').notNull(),
    fallbackSeconds: integer('fallback_seconds').notNull(),
    explanation: text('explanation').notNull(),
  },
  (t) => [uniqueIndex('invoice_lines_position_idx').on(t.invoiceId, t.position)],
);

/** One tax of an invoice: the rate as it was, and the amount on the sum of the lines. */
export const invoiceTaxes = sqliteTable(
  'invoice_taxes',
  {
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    percent: text('percent').notNull(),
    amountMinor: integer('amount_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.position] })],
);

/** The last number given per series ('invoice', 'credit_note') and year: taken in the issuing transaction, so gapless. */
export const invoiceNumberSequences = sqliteTable(
  'invoice_number_sequences',
  {
    series: text('series', { enum: invoiceKinds }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
);
