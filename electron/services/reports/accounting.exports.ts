import { and, asc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clients, invoices } from '../../../db/schema';
import type { FileDownload } from '../../contract/miners.import';
import { invoiceStatusLabels } from '../../contract/invoices.vocab';
import { currencyDecimals, formatDecimal } from '../../contract/money';
import { paymentMethodLabels } from '../../contract/payments.vocab';
import type { AccountingExportKind, ReportFormat } from '../../contract/reports';
import { spreadsheetFile, type Cell, type SheetData } from '../exports/spreadsheet-file';
import { reportedStatus } from '../invoices/invoices.rows';
import { listPayments } from '../payments/payments.read';

const amount = (minor: number, currency: string): number => Number(formatDecimal(minor, currencyDecimals(currency)));
/** A payment's amounts are decimal text already ("125.50"): the same digits as a number cell. */
const decimal = (text: string): number => Number(text);

/**
 * Issued invoices and credit notes (numbered), by issue date, then number; a void one keeps its row with its status.
 * The status is the one the app shows today, in words ("Overdue" is read from the due date, never stored).
 */
function invoiceSheet(db: DbOrTx, from: string, to: string, now: Date): SheetData {
  const rows = db
    .select({ invoice: invoices, client: clients.name })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(and(isNotNull(invoices.number), gte(invoices.issueDate, from), lte(invoices.issueDate, to)))
    .orderBy(asc(invoices.issueDate), asc(invoices.number))
    .all();
  return {
    name: 'Invoices',
    headers: ['Number', 'Kind', 'Client', 'Issue date', 'Due date', 'Period', 'Status', 'Currency', 'Subtotal', 'Tax', 'Total', 'Paid'],
    rows: rows.map(({ invoice: i, client }): Cell[] => [
      i.number,
      i.kind === 'credit_note' ? 'Credit note' : 'Invoice',
      client,
      i.issueDate,
      i.dueDate,
      i.period,
      invoiceStatusLabels[reportedStatus(i, now)],
      i.currency,
      amount(i.subtotalMinor, i.currency),
      amount(i.taxMinor, i.currency),
      amount(i.totalMinor, i.currency),
      amount(i.amountPaidMinor, i.currency),
    ]),
  };
}

function paymentSheet(db: DbOrTx, from: string, to: string): SheetData {
  const payments = listPayments(db, { from, to }).reverse();
  return {
    name: 'Payments',
    headers: ['Payment', 'Client', 'Received on', 'Method', 'Reference', 'Currency', 'Amount', 'Fee', 'Allocated', 'Refunded', 'Unallocated', 'Invoices'],
    rows: payments.map((p): Cell[] => [
      p.id,
      p.clientName,
      p.receivedOn,
      paymentMethodLabels[p.method],
      p.reference,
      p.currency,
      decimal(p.amount),
      decimal(p.fee),
      decimal(p.allocated),
      decimal(p.refunded),
      decimal(p.unallocated),
      p.allocations.map((a) => a.invoiceNumber ?? `#${a.invoiceId}`).join(', '),
    ]),
  };
}

/** `reports.exports`: invoices (by issue date) or payments (by date received) from `from` to `to`, for the accountant. */
export async function accountingExport(
  db: DbOrTx,
  input: { kind: AccountingExportKind; from: string; to: string; format: ReportFormat },
  now = new Date(),
): Promise<FileDownload & { rows: number }> {
  const sheet = input.kind === 'invoices' ? invoiceSheet(db, input.from, input.to, now) : paymentSheet(db, input.from, input.to);
  const file = await spreadsheetFile(input.format, `${input.kind}-${input.from}-${input.to}`, [sheet]);
  return { ...file, rows: sheet.rows.length };
}
