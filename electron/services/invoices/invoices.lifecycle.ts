import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { invoices } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import type { InvoiceDetail } from '../../contract/invoices';
import { recordAudit } from '../audit/record-audit';
import { requireClient } from '../clients/clients.guards';
import { getInvoice } from './invoices.read';
import { immediate, invoiceLabel, requireInvoice } from './invoices.rows';
import { auditView, numberInvoice } from './invoices.write';

/** Issues a draft or held invoice: gapless number, issue and due dates, the client's details as printed; immutable from here. */
export function issueInvoice(db: DbOrTx, id: number, actor: string, now = new Date()): InvoiceDetail {
  return db.transaction((tx) => {
    const row = requireInvoice(tx, id);
    if (row.kind === 'credit_note') throw new AppError('CONFLICT', `${invoiceLabel(row)} is a credit note: it is issued when written.`);
    numberInvoice(tx, id, actor, now, requireClient(tx, row.clientId));
    return getInvoice(tx, id, now);
  }, immediate);
}

/**
 * Cancels an invoice with a reason. A draft or held one simply stops counting (the batch may make the
 * month's invoice again). An issued one keeps its number, so the sequence has no gap, and may be voided
 * only while nothing was paid on it and no credit note corrects it; a paid one is corrected by a credit note.
 */
export function voidInvoice(db: DbOrTx, input: { id: number; reason: string }, actor: string, now = new Date()): InvoiceDetail {
  return db.transaction((tx) => {
    const row = requireInvoice(tx, input.id);
    const label = invoiceLabel(row);
    if (row.status === 'void') throw new AppError('CONFLICT', `${label} is already void.`);
    if (row.kind === 'credit_note') throw new AppError('CONFLICT', `${label} is a credit note and cannot be voided: issue an invoice for the amount instead.`);
    // A credit note settles its invoice like a payment does (payments.credit), so it is named first.
    const credited = tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.creditedInvoiceId, row.id), ne(invoices.status, 'void')))
      .get();
    if (credited) throw new AppError('CONFLICT', `${label} is already corrected by a credit note and cannot be voided.`);
    if (row.amountPaidMinor > 0 || row.status === 'paid' || row.status === 'partially_paid') {
      throw new AppError('CONFLICT', `${label} has payments recorded against it and cannot be voided: correct it with a credit note.`);
    }
    const at = now.toISOString();
    const voided = tx
      .update(invoices)
      .set({ status: 'void', voidReason: input.reason, voidedAt: at, updatedAt: at })
      .where(eq(invoices.id, row.id))
      .returning()
      .get();
    recordAudit(tx, {
      actor,
      action: 'invoice.voided',
      entity: 'invoice',
      entityId: row.id,
      clientId: row.clientId,
      before: auditView(row),
      after: auditView(voided),
    });
    return getInvoice(tx, row.id, now);
  }, immediate);
}
