import type PDFDocument from 'pdfkit';
import { invoiceFonts, pdfkitFont } from './invoice.pdf.fonts';
import { footerRoom, PdfPainter } from './invoice.pdf.paint';

type Doc = InstanceType<typeof PDFDocument>;

/** What a printed document says about itself; `created` is fixed by the caller so the same content gives the same bytes. */
export type PdfInfo = { title: string; author: string; created: Date; paperSize?: string };

/** "Page N of M" at the foot of every page, written once the page count is known. */
function numberPages(doc: Doc, label: string): void {
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

/**
 * A PDF (pdfkit, DejaVu Sans so any name prints, A4 unless told otherwise) drawn by `draw` with a painter, each
 * page footed with `footer` and "Page N of M". Invoices and statements print through it.
 */
export async function printPdf(info: PdfInfo, footer: string, draw: (painter: PdfPainter) => void): Promise<Buffer> {
  // pdfkit (and fontkit, under invoiceFonts) load when the first document prints: large modules a start need not wait for.
  const [{ default: PdfKitDocument }, fonts] = await Promise.all([import('pdfkit'), invoiceFonts()]);
  const doc = new PdfKitDocument({
    size: info.paperSize ?? 'A4',
    margin: 48,
    bufferPages: true,
    autoFirstPage: true,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and ours are registered next.
    font: null as unknown as string,
    info: { Title: info.title, Author: info.author, Creator: 'Hashdesk', Producer: 'Hashdesk', CreationDate: info.created, ModDate: info.created },
  });
  doc.registerFont('Body', pdfkitFont(fonts.regular));
  doc.registerFont('Bold', pdfkitFont(fonts.bold));
  doc.font('Body');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(new PdfPainter(doc));
  numberPages(doc, footer);
  doc.end();
  return done;
}
