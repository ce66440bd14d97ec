import type { Db } from '../../../db/open-db';
import type { InvoiceDetail, InvoicePaperSize, InvoicePdf } from '../../contract/invoices';
import { getInvoice } from './invoices.read';
import { printPdf } from './invoice.pdf.document';
import { drawHeading, drawParties } from './invoice.pdf.heading';
import { drawNotes, drawTotals } from './invoice.pdf.totals';
import { drawLinesTable } from './invoice.pdf.table';

export const invoiceTitle = (invoice: InvoiceDetail): string => (invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice');

/** INV-2026-000123.pdf; a draft or held one has no number yet: invoice-draft-42.pdf. */
export function invoicePdfFileName(invoice: InvoiceDetail): string {
  const name = invoice.number ?? `${invoice.kind === 'credit_note' ? 'credit-note' : 'invoice'}-draft-${invoice.id}`;
  return `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
}

/** The moment the PDF says it was made: the issue date, else the start of the period, so the same invoice gives the same bytes. */
function creationDate(invoice: InvoiceDetail): Date {
  const day = invoice.issueDate ?? invoice.periodFrom;
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day);
  return Number.isNaN(at.getTime()) ? new Date(0) : at;
}

/** The invoice or credit note as a PDF (pdfkit, DejaVu Sans so any name prints), A4 unless told otherwise. */
export function renderInvoicePdf(invoice: InvoiceDetail, options: { paperSize?: InvoicePaperSize } = {}): Promise<Buffer> {
  const title = invoiceTitle(invoice);
  const info = {
    title: `${title} ${invoice.number ?? 'draft'}`,
    author: invoice.organisation.name,
    created: creationDate(invoice),
    paperSize: options.paperSize,
  };
  return printPdf(info, `${invoice.organisation.name} · ${title} ${invoice.number ?? 'DRAFT'}`, (painter) => {
    drawHeading(painter, invoice, title);
    drawParties(painter, invoice);
    drawLinesTable(painter, invoice);
    drawTotals(painter, invoice);
    drawNotes(painter, invoice);
  });
}

/** `invoices.pdf`: the stored invoice (as `invoices.get` reads it) printed, in base64. */
export async function invoicePdf(db: Db, id: number, paperSize: InvoicePaperSize): Promise<InvoicePdf> {
  const invoice = getInvoice(db, id);
  const bytes = await renderInvoicePdf(invoice, { paperSize });
  return { fileName: invoicePdfFileName(invoice), base64: bytes.toString('base64') };
}
