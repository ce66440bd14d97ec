/** Words of the invoices domain shared by the schema, the services and the renderer. */

/** An invoice bills a client for one contract and month; a credit note (negative amounts) corrects an issued one. */
export const invoiceKinds = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/**
 * As stored. draft: no number, recomputed by a batch run; held: a draft the batch held (client In Default),
 * never sent; issued: numbered and immutable; partially_paid and paid: moved by payments; void: cancelled,
 * with a reason (an issued invoice keeps its number, so the sequence has no gap).
 */
export const invoiceStoredStatuses = ['draft', 'held', 'issued', 'partially_paid', 'paid', 'void'] as const;
export type InvoiceStoredStatus = (typeof invoiceStoredStatuses)[number];

/** As reported: "overdue" is read, never stored: issued or partly paid and past its due date (site calendar). */
export const invoiceStatuses = ['draft', 'held', 'issued', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export const invoiceStatusLabels: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  held: 'Held',
  issued: 'Issued',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overdue: 'Overdue',
  void: 'Void',
};

/** Stored statuses that still owe money (before payments are counted). */
export const invoiceOpenStatuses: readonly InvoiceStoredStatus[] = ['issued', 'partially_paid'];

/** Credit notes are numbered in their own gapless series with this fixed prefix: CN-2026-000001. */
export const creditNotePrefix = 'CN-';
