import type { BillLineMethod } from '../../contract/billing';
import type { InvoiceDetail, InvoiceLine } from '../../contract/invoices';
import { type PdfPainter, money } from './invoice.pdf.paint';

const methodLabels: Record<BillLineMethod, string> = {
  metered: 'Metered',
  calculated: 'Calculated',
  hash: 'Hash',
  fixed: 'Fixed fee',
  infinity: 'Infinity',
  om: 'O&M',
};

const unitLabels: Record<InvoiceLine['unit'], string> = { kWh: 'kWh', month: 'month', 'TH/s-day': 'TH/s·day' };

/** A column of a PDF table: its title, its share of the text width, its alignment and each row's text. */
export type PdfColumn<Row> = { title: string; share: number; align: 'left' | 'right'; text: (row: Row) => string };

type Column = { title: string; share: number; align: 'left' | 'right'; text: (line: InvoiceLine, invoice: InvoiceDetail) => string };
const columns: Column[] = [
  { title: '#', share: 0.05, align: 'right', text: (line) => String(line.position) },
  { title: 'Miner or item', share: 0.3, align: 'left', text: (line) => line.minerLabel ?? `Contract ${line.contractNumber}` },
  { title: 'Method', share: 0.13, align: 'left', text: (line) => methodLabels[line.method] },
  { title: 'Quantity', share: 0.18, align: 'right', text: (line) => `${line.quantity} ${unitLabels[line.unit]}` },
  { title: 'Unit price', share: 0.15, align: 'right', text: (line, invoice) => `${line.rate} ${invoice.currency}` },
  { title: 'Amount', share: 0.19, align: 'right', text: (line, invoice) => money(line.amount, invoice.currency) },
];

const gap = 6;
const rowPadding = 3;

/** Cell x positions and widths across the page's text width. */
function cells(p: PdfPainter, columns: readonly { share: number }[]): { x: number; width: number }[] {
  let x = p.left;
  return columns.map((column) => {
    const width = p.width * column.share;
    const cell = { x, width: width - gap };
    x += width;
    return cell;
  });
}

/** Each cell's text height and the row's height (laid out once: pdfkit's layout is the dear part of a PDF). */
function measureRow(p: PdfPainter, columns: readonly { share: number }[], texts: string[], bold: boolean): { cellHeights: number[]; height: number } {
  const boxes = cells(p, columns);
  const cellHeights = texts.map((text, i) => p.heightOf(text, boxes[i].width, bold));
  return { cellHeights, height: Math.max(...cellHeights) + rowPadding * 2 };
}

function drawRow(
  p: PdfPainter,
  columns: readonly { share: number; align: 'left' | 'right' }[],
  texts: string[],
  bold: boolean,
  measured: { cellHeights: number[]; height: number },
): void {
  const boxes = cells(p, columns);
  const top = p.y;
  texts.forEach((text, i) =>
    p.text(text, boxes[i].x, top + rowPadding, { width: boxes[i].width, align: columns[i].align, bold, height: measured.cellHeights[i] }),
  );
  p.y = top + measured.height;
}

function drawHeader<Row>(p: PdfPainter, columns: readonly PdfColumn<Row>[]): void {
  const titles = columns.map((c) => c.title);
  const measured = measureRow(p, columns, titles, true);
  if (p.wouldBreak(measured.height * 3)) p.newPage();
  drawRow(p, columns, titles, true, measured);
  p.rule(p.y, 0.8);
}

/** A table at the cursor, the header repeated at the top of every page it runs onto. */
export function drawTable<Row>(p: PdfPainter, columns: readonly PdfColumn<Row>[], rows: readonly Row[]): void {
  drawHeader(p, columns);
  for (const row of rows) {
    const texts = columns.map((column) => column.text(row));
    const measured = measureRow(p, columns, texts, false);
    if (p.wouldBreak(measured.height)) {
      p.newPage();
      drawHeader(p, columns);
    }
    drawRow(p, columns, texts, false, measured);
    p.rule(p.y, 0.2);
  }
  p.y += 8;
}

/** The invoice's lines. */
export function drawLinesTable(p: PdfPainter, invoice: InvoiceDetail): void {
  drawTable(
    p,
    columns.map((column) => ({ ...column, text: (line: InvoiceLine) => column.text(line, invoice) })),
    invoice.lines,
  );
}
