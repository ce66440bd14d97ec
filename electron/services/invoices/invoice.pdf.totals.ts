import type { InvoiceDetail } from '../../contract/invoices';
import { parseDecimal } from '../../contract/money';
import { money, type PdfPainter } from './invoice.pdf.paint';

/** Subtotal, each tax, total (and what was paid and is due once issued), right-aligned under the amounts. */
export function drawTotals(p: PdfPainter, invoice: InvoiceDetail): void {
  const rows: { label: string; value: string; bold?: boolean }[] = [{ label: 'Subtotal', value: money(invoice.subtotal, invoice.currency) }];
  for (const tax of invoice.taxes) rows.push({ label: `${tax.name} (${tax.percent}%)`, value: money(tax.amount, invoice.currency) });
  if (invoice.taxExemption) rows.push({ label: `Tax exempt (tax ID ${invoice.taxExemption.taxId})`, value: money('0', invoice.currency) });
  rows.push({ label: `Total ${invoice.currency}`, value: money(invoice.total, invoice.currency), bold: true });
  if (invoice.kind === 'invoice' && invoice.number && (parseDecimal(invoice.amountPaid, 6) ?? 0) !== 0) {
    rows.push({ label: 'Paid', value: money(invoice.amountPaid, invoice.currency) });
    rows.push({ label: 'Amount due', value: money(invoice.amountDue, invoice.currency), bold: true });
  }
  const labelX = p.left + p.width * 0.45;
  const labelWidth = p.width * 0.33;
  const valueWidth = p.width - (labelX - p.left) - labelWidth;
  p.ensureRoom(rows.length * 16 + 8);
  for (const row of rows) {
    if (row.bold) p.rule(p.y, 0.8);
    const top = p.y + (row.bold ? 4 : 0);
    const height = Math.max(
      p.text(row.label, labelX, top, { width: labelWidth, bold: row.bold, size: row.bold ? 11 : undefined }),
      p.text(row.value, labelX + labelWidth, top, { width: valueWidth, align: 'right', bold: row.bold, size: row.bold ? 11 : undefined }),
    );
    p.y = top + height + 4;
  }
  p.y += 14;
}

/** Payment instructions and notes at the end (each starting a new page only when its title would not fit). */
export function drawNotes(p: PdfPainter, invoice: InvoiceDetail): void {
  const sections: [string, string][] = [
    ['Payment instructions', invoice.kind === 'invoice' ? invoice.organisation.paymentInstructions : ''],
    ['Notes', invoice.notes],
  ];
  for (const [title, text] of sections) {
    if (text.trim() === '') continue;
    p.ensureRoom(40);
    p.paragraph(title.toUpperCase(), { bold: true, size: 8, color: '#555555' });
    p.paragraph(text);
    p.y += 10;
  }
}
