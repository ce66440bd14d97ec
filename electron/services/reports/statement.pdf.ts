import type { DbOrTx } from '../../../db/open-db';
import { formatDate } from '../../contract/dates';
import type { FileDownload } from '../../contract/miners.import';
import { formatMoney } from '../../contract/money';
import { printPdf } from '../invoices/invoice.pdf.document';
import type { PdfPainter } from '../invoices/invoice.pdf.paint';
import { drawTable, type PdfColumn } from '../invoices/invoice.pdf.table';
import { buildStatement, type Statement, type StatementSection } from './statement.data';

const muted = '#555555';
/** Dates of a statement are calendar days already (the journal's), so they print as they are. */
const day = (date: string) => formatDate(date, 'UTC');

type Row = { date: string; description: string; charge: string; credit: string; balance: string };

const columns: PdfColumn<Row>[] = [
  { title: 'Date', share: 0.14, align: 'left', text: (row) => row.date },
  { title: 'Description', share: 0.38, align: 'left', text: (row) => row.description },
  { title: 'Charges', share: 0.16, align: 'right', text: (row) => row.charge },
  { title: 'Credits', share: 0.16, align: 'right', text: (row) => row.credit },
  { title: 'Balance', share: 0.16, align: 'right', text: (row) => row.balance },
];

function lines(p: PdfPainter, texts: string[], x: number, y: number, width: number, options: { bold?: boolean; size?: number; color?: string } = {}): number {
  let at = y;
  for (const text of texts) if (text.trim() !== '') at += p.text(text, x, at, { width, ...options });
  return at;
}

function drawLogo(p: PdfPainter, dataUrl: string | null): number {
  if (!dataUrl) return p.y;
  try {
    p.doc.image(dataUrl, p.left, p.y, { fit: [150, 56] });
    return p.y + 62;
  } catch {
    return p.y; // a logo pdfkit cannot read prints no logo rather than no statement
  }
}

function drawHeading(p: PdfPainter, s: Statement): void {
  const half = p.width / 2;
  let left = drawLogo(p, s.organisation.logoDataUrl);
  left = lines(p, [s.organisation.name], p.left, left, half, { bold: true, size: 12 });
  left = lines(p, [...s.organisation.address.split(/\r?\n/), s.organisation.taxId ? `Tax ID: ${s.organisation.taxId}` : ''], p.left, left + 2, half, {
    color: muted,
  });
  const rightX = p.left + half;
  let right = p.y + p.text('STATEMENT', rightX, p.y, { width: half, align: 'right', bold: true, size: 20 });
  right += p.text(`${day(s.from)} – ${day(s.to)}`, rightX, right + 2, { width: half, align: 'right', bold: true, size: 11 }) + 2;
  p.y = Math.max(left, right) + 16;
  p.rule(p.y - 8, 0.5);

  const c = s.client;
  let to = p.y + p.text('STATEMENT FOR', p.left, p.y, { width: half, bold: true, size: 8, color: muted }) + 2;
  to = lines(p, [c.name], p.left, to, half - 10, { bold: true, size: 11 });
  to = lines(
    p,
    [c.company !== c.name ? c.company : '', ...c.address.split(/\r?\n/), [c.zip, c.city].filter(Boolean).join(' '), c.country ?? '', c.billingEmail ?? c.contactEmail],
    p.left,
    to + 1,
    half - 10,
  );
  const closing = s.sections.map((x) => `${formatMoney(x.closingMinor, x.currency)} ${x.currency}`).join('\n');
  let meta = p.y;
  for (const [label, value] of [
    ['Period', `${day(s.from)} – ${day(s.to)}`],
    ['Closing balance', closing],
  ]) {
    p.text(label, rightX, meta, { width: half * 0.4, color: muted });
    meta += p.text(value, rightX + half * 0.4, meta, { width: half * 0.6, align: 'right', bold: label === 'Closing balance' }) + 4;
  }
  p.y = Math.max(to, meta) + 18;
}

function drawSection(p: PdfPainter, s: Statement, section: StatementSection): void {
  const money = (minor: number) => formatMoney(minor, section.currency);
  p.ensureRoom(80);
  p.paragraph(`${section.currency} ACCOUNT`, { bold: true, size: 10 });
  const rows: Row[] = [
    { date: day(s.from), description: 'Opening balance', charge: '', credit: '', balance: money(section.openingMinor) },
    ...section.rows.map((row) => ({
      date: day(row.date),
      description: row.description,
      charge: row.chargeMinor ? money(row.chargeMinor) : '',
      credit: row.creditMinor ? money(row.creditMinor) : '',
      balance: money(row.balanceMinor),
    })),
  ];
  drawTable(p, columns, rows);
  const charges = section.rows.reduce((sum, row) => sum + row.chargeMinor, 0);
  const credits = section.rows.reduce((sum, row) => sum + row.creditMinor, 0);
  const labelX = p.left + p.width * 0.45;
  const labelWidth = p.width * 0.33;
  const valueWidth = p.width - (labelX - p.left) - labelWidth;
  p.ensureRoom(90);
  for (const [label, value, bold] of [
    ['Opening balance', money(section.openingMinor), false],
    ['Charges', money(charges), false],
    ['Credits', money(-credits), false],
    [`Closing balance ${section.currency}`, money(section.closingMinor), true],
  ] as const) {
    if (bold) p.rule(p.y, 0.8);
    const top = p.y + (bold ? 4 : 0);
    const size = bold ? 11 : undefined;
    const height = Math.max(
      p.text(label, labelX, top, { width: labelWidth, bold, size }),
      p.text(value, labelX + labelWidth, top, { width: valueWidth, align: 'right', bold, size }),
    );
    p.y = top + height + 4;
  }
  if (section.closingMinor < 0) p.paragraph(`A negative balance is credit in ${s.client.name}'s favour, applied to the next invoice.`, { color: muted });
  p.y += 16;
}

/** The statement printed; the same statement gives the same bytes (its date is the period's end). */
export function renderStatementPdf(s: Statement): Promise<Buffer> {
  const info = { title: `Statement ${s.client.name} ${s.from} to ${s.to}`, author: s.organisation.name, created: new Date(`${s.to}T00:00:00Z`) };
  return printPdf(info, `${s.organisation.name} · Statement for ${s.client.name}, ${day(s.from)} – ${day(s.to)}`, (p) => {
    drawHeading(p, s);
    for (const section of s.sections) drawSection(p, s, section);
  });
}

/** statement-<client>-2026-01-01-2026-03-31.pdf */
export const statementFileName = (s: Statement): string =>
  `statement-${s.client.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)}-${s.from}-${s.to}.pdf`;

/** `clients.statement`: the statement PDF in base64. */
export async function statementPdf(db: DbOrTx, input: { clientId: number; from: string; to: string }): Promise<FileDownload> {
  const statement = buildStatement(db, input.clientId, input.from, input.to);
  const bytes = await renderStatementPdf(statement);
  return { fileName: statementFileName(statement), mime: 'application/pdf', base64: bytes.toString('base64') };
}
