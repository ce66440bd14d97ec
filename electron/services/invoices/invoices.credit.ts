import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/open-db';
import { invoiceLines, invoices, invoiceTaxes } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import type { InvoiceDetail } from '../../contract/invoices';
import { currencyDecimals, formatDecimal, parseDecimal } from '../../contract/money';
import { parsePercent, taxMinor } from '../billing/billing.math';
import { getInvoice } from './invoices.read';
import { immediate, invoiceLabel, requireInvoice, type InvoiceRow } from './invoices.rows';
import { numberInvoice, writeLines } from './invoices.write';

/**
 * A credit note corrects an issued invoice without touching it: its own gapless number (CN-2026-000001),
 * negative amounts, and a link to the invoice. Without `lines` it credits the whole invoice, taxes
 * included, exactly. With lines, each named line is credited whole or by the amount given (at most the
 * line's amount), and each of the invoice's taxes is computed on the credited sum at the invoice's
 * percent, half-up, as on the invoice. All credit notes of an invoice together never exceed its total.
 */

type CreditInput = { invoiceId: number; lines?: { position: number; amount?: string }[]; reason: string };
type OriginalLine = typeof invoiceLines.$inferSelect;

function creditedSoFarMinor(tx: DbOrTx, invoiceId: number): number {
  const row = tx
    .select({ total: sql<number>`COALESCE(SUM(${invoices.totalMinor}), 0)` })
    .from(invoices)
    .where(and(eq(invoices.creditedInvoiceId, invoiceId), ne(invoices.status, 'void')))
    .get();
  return -(row?.total ?? 0);
}

function creditedLines(invoice: InvoiceRow, lines: OriginalLine[], asked: CreditInput['lines']): { line: OriginalLine; amountMinor: number }[] {
  if (!asked) return lines.map((line) => ({ line, amountMinor: line.amountMinor }));
  const decimals = currencyDecimals(invoice.currency);
  const seen = new Set<number>();
  return asked.map(({ position, amount }) => {
    const line = lines.find((l) => l.position === position);
    if (!line) throw new AppError('INVALID_INPUT', `${invoiceLabel(invoice)} has no line ${position}.`, { lines: `line ${position} does not exist` });
    if (seen.has(position))
      throw new AppError('INVALID_INPUT', `Line ${position} is named twice: name each line once.`, { lines: `line ${position} is named twice` });
    seen.add(position);
    if (amount === undefined) return { line, amountMinor: line.amountMinor };
    const minor = parseDecimal(amount, decimals);
    const most = formatDecimal(line.amountMinor, decimals, decimals);
    if (minor === null)
      throw new AppError('INVALID_INPUT', `The amount for line ${position} has more decimals than ${invoice.currency} allows.`, { lines: 'too many decimals' });
    if (minor > line.amountMinor)
      throw new AppError('INVALID_INPUT', `Line ${position} can be credited at most ${most} ${invoice.currency}.`, { lines: `at most ${most}` });
    return { line, amountMinor: minor };
  });
}

export function createCreditNote(db: Db, input: CreditInput, actor: string, now = new Date()): InvoiceDetail {
  return db.transaction((tx) => {
    const invoice = requireInvoice(tx, input.invoiceId);
    const label = invoiceLabel(invoice);
    if (invoice.kind !== 'invoice') throw new AppError('CONFLICT', `${label} is a credit note itself; credit the invoice it corrects.`);
    if (invoice.number === null || invoice.status === 'void') {
      throw new AppError(
        'CONFLICT',
        `${label} is ${invoice.status === 'void' ? 'void' : 'not issued'}: only an issued invoice is corrected by a credit note${invoice.number === null ? '; change or void the draft instead' : ''}.`,
      );
    }
    const lines = tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(invoiceLines.position).all();
    const taxes = tx.select().from(invoiceTaxes).where(eq(invoiceTaxes.invoiceId, invoice.id)).orderBy(invoiceTaxes.position).all();
    const credited = creditedLines(invoice, lines, input.lines);
    const subtotal = credited.reduce((sum, c) => sum + c.amountMinor, 0);
    const whole = !input.lines;
    const creditTaxes = taxes.map((t) => ({
      position: t.position,
      name: t.name,
      percent: t.percent,
      amountMinor: -(whole ? t.amountMinor : taxMinor(subtotal, parsePercent(t.percent)!.share)),
    }));
    const tax = creditTaxes.reduce((sum, t) => sum + t.amountMinor, 0);
    const total = -subtotal + tax;
    const left = invoice.totalMinor - creditedSoFarMinor(tx, invoice.id);
    if (-total > left) {
      const decimals = currencyDecimals(invoice.currency);
      throw new AppError(
        'CONFLICT',
        `${label} has ${formatDecimal(left, decimals, decimals)} ${invoice.currency} left to credit; this credit note would be ${formatDecimal(-total, decimals, decimals)}.`,
      );
    }
    const at = now.toISOString();
    const { id: _id, number: _n, issueDate: _i, dueDate: _d, issuedAt: _a, amountPaidMinor: _p, voidReason: _v, voidedAt: _vd, ...copied } = invoice;
    const note = tx
      .insert(invoices)
      .values({
        ...copied,
        kind: 'credit_note',
        status: 'draft',
        subtotalMinor: -subtotal,
        taxMinor: tax,
        totalMinor: total,
        creditedInvoiceId: invoice.id,
        reason: input.reason,
        notes: '',
        heldReason: null,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    writeLines(
      db,
      note.id,
      credited.map(({ line, amountMinor }, i) => {
        const { id: _lineId, invoiceId: _inv, ...rest } = line;
        const part =
          amountMinor === line.amountMinor ? '' : ` Part credit: ${formatDecimal(amountMinor, currencyDecimals(invoice.currency))} of the line's amount.`;
        return { ...rest, position: i + 1, amountMinor: -amountMinor, explanation: `Credit of line ${line.position} of ${label}: ${input.reason}.${part}` };
      }),
      creditTaxes,
    );
    numberInvoice(tx, note.id, actor, now);
    return getInvoice(tx, note.id, now);
  }, immediate);
}
