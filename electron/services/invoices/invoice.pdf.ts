import PDFDocument from 'pdfkit';
import type { Db } from '../../../db/open-db';
import type { InvoiceDetail, InvoicePaperSize, InvoicePdf } from '../../contract/invoices';
import { getInvoice } from './invoices.read';
import { invoiceFonts, pdfkitFont } from './invoice.pdf.fonts';
import { drawHeading, drawParties } from './invoice.pdf.heading';
import { drawNotes, drawTotals } from './invoice.pdf.totals';
import { footerRoom, PdfPainter } from './invoice.pdf.paint';
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

/** "Page N of M" at the foot of every page, written once the page count is known. */
function numberPages(doc: InstanceType<typeof PDFDocument>, label: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { margins, width, height } = doc.page;
    const bottomMargin = margins.bottom;
    doc.page.margins.bottom = 0;
    const y = height - bottomMargin - footerRoom + 12;
    doc.font('Body').fontSize(8).fillColor('#555555');
    doc.text(label, margins.left, y, { width: width - margins.left - margins.right, align: 'left', lineBreak: false });
    doc.text(`Page ${index + 1} of ${range.count}`, margins.left, y, { width: width - margins.left - margins.right, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** The invoice or credit note as a PDF (pdfkit, DejaVu Sans so any name prints), A4 unless told otherwise. */
export function renderInvoicePdf(invoice: InvoiceDetail, options: { paperSize?: InvoicePaperSize } = {}): Promise<Buffer> {
  const fonts = invoiceFonts();
  const title = invoiceTitle(invoice);
  const doc = new PDFDocument({
    size: options.paperSize ?? 'A4',
    margin: 48,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `${title} ${invoice.number ?? 'draft'}`,
      Author: invoice.organisation.name,
      Creator: 'Hashdesk',
      Producer: 'Hashdesk',
      CreationDate: creationDate(invoice),
      ModDate: creationDate(invoice),
    },
  });
  doc.registerFont('Body', pdfkitFont(fonts.regular));
  doc.registerFont('Bold', pdfkitFont(fonts.bold));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const painter = new PdfPainter(doc);
  drawHeading(painter, invoice, title);
  drawParties(painter, invoice);
  drawLinesTable(painter, invoice);
  drawTotals(painter, invoice);
  drawNotes(painter, invoice);
  numberPages(doc, `${invoice.organisation.name} · ${title} ${invoice.number ?? 'DRAFT'}`);
  doc.end();
  return done;
}

/** `invoices.pdf`: the stored invoice (as `invoices.get` reads it) printed, in base64. */
export async function invoicePdf(db: Db, id: number, paperSize: InvoicePaperSize): Promise<InvoicePdf> {
  const invoice = getInvoice(db, id);
  const bytes = await renderInvoicePdf(invoice, { paperSize });
  return { fileName: invoicePdfFileName(invoice), base64: bytes.toString('base64') };
}
