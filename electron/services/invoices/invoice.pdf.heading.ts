import { formatDate, isInstantText } from '../../contract/dates';
import type { InvoiceDetail } from '../../contract/invoices';
import { invoiceStatusLabels } from '../../contract/invoices.vocab';
import type { PdfPainter } from './invoice.pdf.paint';

const muted = '#555555';

/** Writes lines one under another from (x, y); returns the y below them. */
function stack(p: PdfPainter, lines: string[], x: number, y: number, width: number, options: { bold?: boolean; size?: number; color?: string } = {}): number {
  let at = y;
  for (const line of lines) if (line.trim() !== '') at += p.text(line, x, at, { width, ...options });
  return at;
}

function drawLogo(p: PdfPainter, dataUrl: string | null, y: number): number {
  if (!dataUrl) return y;
  try {
    p.doc.image(dataUrl, p.left, y, { fit: [150, 56] });
    return y + 62;
  } catch {
    return y; // an image pdfkit cannot read prints no logo rather than no invoice
  }
}

/** Logo and organisation on the left; the title, number (or DRAFT) and status on the right. */
export function drawHeading(p: PdfPainter, invoice: InvoiceDetail, title: string): void {
  const half = p.width / 2;
  const org = invoice.organisation;
  let left = drawLogo(p, org.logoDataUrl, p.y);
  left = stack(p, [org.name], p.left, left, half, { bold: true, size: 12 });
  left = stack(p, [...org.address.split(/\r?\n/), org.taxId ? `Tax ID: ${org.taxId}` : ''], p.left, left + 2, half, { color: muted });

  const rightX = p.left + half;
  let right = p.y + p.text(title.toUpperCase(), rightX, p.y, { width: half, align: 'right', bold: true, size: 20 });
  right += p.text(invoice.number ?? 'DRAFT', rightX, right + 2, { width: half, align: 'right', bold: true, size: 12 }) + 2;
  if (invoice.status !== 'issued') {
    right += p.text(invoiceStatusLabels[invoice.status].toUpperCase(), rightX, right, {
      width: half,
      align: 'right',
      bold: true,
      color: invoice.status === 'void' ? '#b00020' : muted,
    });
  }
  p.y = Math.max(left, right) + 16;
  p.rule(p.y - 8, 0.5);
}

/** The period ends at an instant it excludes (local 00:00 on the next 1st): its last day is the one before. */
function lastDayOf(periodTo: string): string {
  const end = Date.parse(periodTo);
  return isInstantText(periodTo) ? new Date(end - 1).toISOString() : periodTo;
}

function metaRows(invoice: InvoiceDetail): [string, string][] {
  const zone = invoice.timeZone;
  const rows: [string, string][] = [
    ['Issue date', invoice.issueDate ? formatDate(invoice.issueDate, zone) : 'Not issued'],
    ['Due date', invoice.dueDate ? formatDate(invoice.dueDate, zone) : `${invoice.netDays} days after issue`],
    ['Period', `${formatDate(invoice.periodFrom, zone)} – ${formatDate(lastDayOf(invoice.periodTo), zone)}`],
    [invoice.contracts.length > 1 ? 'Contracts' : 'Contract', invoice.contracts.map((c) => c.number).join(', ') || invoice.contractNumber],
  ];
  if (invoice.kind === 'credit_note') rows.push(['Credits invoice', invoice.credits?.number ?? '—']);
  if (invoice.reason) rows.push(['Reason', invoice.reason]);
  if (invoice.status === 'void' && invoice.voidReason) rows.push(['Voided', invoice.voidReason]);
  return rows;
}

/** Bill-to address on the left; dates, period and contract on the right. */
export function drawParties(p: PdfPainter, invoice: InvoiceDetail): void {
  const half = p.width / 2;
  const to = invoice.billTo;
  let left = p.y + p.text('BILL TO', p.left, p.y, { width: half, bold: true, size: 8, color: muted }) + 2;
  left = stack(p, [to.name], p.left, left, half - 10, { bold: true, size: 11 });
  left = stack(
    p,
    [
      to.company !== to.name ? to.company : '',
      ...to.address.split(/\r?\n/),
      [to.zip, to.city].filter(Boolean).join(' '),
      to.country ?? '',
      to.taxId ? `Tax ID: ${to.taxId}` : '',
      to.email,
    ],
    p.left,
    left + 1,
    half - 10,
  );

  const labelX = p.left + half;
  const labelWidth = half * 0.38;
  let right = p.y;
  for (const [label, value] of metaRows(invoice)) {
    p.text(label, labelX, right, { width: labelWidth, color: muted });
    right += Math.max(p.text(value, labelX + labelWidth, right, { width: half - labelWidth, align: 'right' }), 12) + 2;
  }
  p.y = Math.max(left, right) + 18;
}
