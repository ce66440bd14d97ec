import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type ClientScope, clientScopeCondition } from '../client-scope/client-scope';
import type { DbOrTx } from '../../../db/open-db';
import { clients, contracts, invoiceLines, invoices, invoiceTaxes } from '../../../db/schema';
import type { BillLineText } from '../../contract/billing';
import type { InvoiceBillTo, InvoiceDetail, InvoiceLine, InvoiceList, InvoiceSummary, InvoiceTotals } from '../../contract/invoices';
import { invoiceStatuses, type InvoiceStatus } from '../../contract/invoices.vocab';
import { currencyDecimals, formatDecimal } from '../../contract/money';
import { getSettings } from '../settings/settings.service';
import { reportedStatus, requireInvoice, type InvoiceRow } from './invoices.rows';

/** Reading invoices as the pages and the PDF show them: money as decimal text, "overdue" read from the due date. */

const moneyText = (minor: number, currency: string) => {
  const decimals = currencyDecimals(currency);
  return formatDecimal(minor, decimals, decimals);
};

/** What is still owed on an invoice: nothing on a draft, held or void one. */
export const amountDueMinor = (row: Pick<InvoiceRow, 'status' | 'totalMinor' | 'amountPaidMinor'>): number =>
  row.status === 'issued' || row.status === 'partially_paid' ? row.totalMinor - row.amountPaidMinor : 0;

type SummaryRow = { invoice: InvoiceRow; clientName: string; contractNumber: string | null; draftReference: string };

function toSummary({ invoice: row, clientName, contractNumber, draftReference }: SummaryRow, now: Date): InvoiceSummary {
  const money = (minor: number) => moneyText(minor, row.currency);
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    status: reportedStatus(row, now),
    clientId: row.clientId,
    clientName,
    contractId: row.contractId,
    contractNumber: contractNumber ?? draftReference,
    period: row.period,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    currency: row.currency,
    subtotal: money(row.subtotalMinor),
    tax: money(row.taxMinor),
    total: money(row.totalMinor),
    amountPaid: money(row.amountPaidMinor),
    amountDue: money(amountDueMinor(row)),
    creditedInvoiceId: row.creditedInvoiceId,
  };
}

function summaryRows(db: DbOrTx, where: SQL | undefined): SummaryRow[] {
  return db
    .select({ invoice: invoices, clientName: clients.name, contractNumber: contracts.number, draftReference: contracts.draftReference })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(where)
    .orderBy(desc(invoices.period), asc(clients.name), asc(invoices.id))
    .all();
}

function totalsOf(list: readonly SummaryRow[]): InvoiceTotals[] {
  const byCurrency = new Map<string, { count: number; subtotal: number; tax: number; total: number; paid: number; due: number }>();
  for (const { invoice: row } of list) {
    if (row.status === 'void') continue;
    const t = byCurrency.get(row.currency) ?? { count: 0, subtotal: 0, tax: 0, total: 0, paid: 0, due: 0 };
    t.count += 1;
    t.subtotal += row.subtotalMinor;
    t.tax += row.taxMinor;
    t.total += row.totalMinor;
    t.paid += row.amountPaidMinor;
    t.due += amountDueMinor(row);
    byCurrency.set(row.currency, t);
  }
  return [...byCurrency].map(([currency, t]) => ({
    currency,
    count: t.count,
    subtotal: moneyText(t.subtotal, currency),
    tax: moneyText(t.tax, currency),
    total: moneyText(t.total, currency),
    paid: moneyText(t.paid, currency),
    due: moneyText(t.due, currency),
  }));
}

/**
 * Invoices and credit notes, newest month first, with totals per currency and counts per reported status; only those
 * of the clients in `scope` (a caller who sees only the clients they manage).
 */
export function listInvoices(
  db: DbOrTx,
  input: { period?: string; clientId?: number; status?: InvoiceStatus },
  now = new Date(),
  scope: ClientScope = null,
): InvoiceList {
  const rows = summaryRows(
    db,
    and(
      input.period ? eq(invoices.period, input.period) : undefined,
      input.clientId ? eq(invoices.clientId, input.clientId) : undefined,
      clientScopeCondition(scope, invoices.clientId),
    ),
  );
  const summaries = rows.map((row) => ({ row, summary: toSummary(row, now) }));
  const statusCounts = Object.fromEntries(invoiceStatuses.map((s) => [s, 0])) as Record<InvoiceStatus, number>;
  for (const { summary } of summaries) statusCounts[summary.status] += 1;
  const chosen = input.status ? summaries.filter(({ summary }) => summary.status === input.status) : summaries;
  return { invoices: chosen.map((c) => c.summary), totals: totalsOf(chosen.map((c) => c.row)), statusCounts };
}

function linesOf(db: DbOrTx, row: InvoiceRow, contractNumbers: ReadonlyMap<number, string>): InvoiceLine[] {
  return db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, row.id))
    .orderBy(invoiceLines.position)
    .all()
    .map((line) => ({
      position: line.position,
      contractId: line.contractId,
      contractNumber: contractNumbers.get(line.contractId) ?? '',
      minerId: line.minerId,
      minerLabel: line.minerLabel,
      method: line.method as BillLineText['method'],
      quantity: line.quantity,
      unit: line.unit as BillLineText['unit'],
      rate: line.rate,
      amount: moneyText(line.amountMinor, row.currency),
      explanation: line.explanation,
    }));
}

/** One invoice with everything its page and its PDF print. */
export function getInvoice(db: DbOrTx, id: number, now = new Date()): InvoiceDetail {
  const invoice = requireInvoice(db, id);
  const [summaryRow] = summaryRows(db, eq(invoices.id, id));
  const contractRows = db.select().from(contracts).where(eq(contracts.id, invoice.contractId)).all();
  const contractNumbers = new Map(contractRows.map((c) => [c.id, c.number ?? c.draftReference]));
  const taxes = db.select().from(invoiceTaxes).where(eq(invoiceTaxes.invoiceId, id)).orderBy(invoiceTaxes.position).all();
  const related = db
    .select()
    .from(invoices)
    .where(invoice.kind === 'invoice' ? eq(invoices.creditedInvoiceId, id) : inArray(invoices.id, [invoice.creditedInvoiceId ?? 0]))
    .orderBy(invoices.id)
    .all();
  const settings = getSettings(db);
  const billTo = JSON.parse(invoice.billToJson) as InvoiceBillTo;
  return {
    ...toSummary(summaryRow, now),
    periodFrom: invoice.periodFrom,
    periodTo: invoice.periodTo,
    timeZone: invoice.timeZone,
    netDays: invoice.netDays,
    lines: linesOf(db, invoice, contractNumbers),
    taxes: taxes.map((t) => ({ name: t.name, percent: t.percent, amount: moneyText(t.amountMinor, invoice.currency) })),
    taxExemption: invoice.taxExempt ? { taxId: billTo.taxId } : null,
    billTo,
    organisation: {
      name: settings.organisationName,
      address: settings.address,
      taxId: settings.taxId,
      logoDataUrl: settings.logoDataUrl,
      paymentInstructions: settings.paymentInstructions,
    },
    contracts: contractRows.map((c) => ({ id: c.id, number: c.number ?? c.draftReference, type: c.type })),
    notes: invoice.notes,
    heldReason: invoice.heldReason,
    reason: invoice.reason,
    voidReason: invoice.voidReason,
    voidedAt: invoice.voidedAt,
    issuedAt: invoice.issuedAt,
    creditNotes:
      invoice.kind === 'invoice'
        ? related
            .filter((r) => r.status !== 'void')
            .map((r) => ({ id: r.id, number: r.number, total: moneyText(r.totalMinor, r.currency), reason: r.reason, issueDate: r.issueDate }))
        : [],
    credits: invoice.kind === 'credit_note' && related[0] ? { id: related[0].id, number: related[0].number } : null,
  };
}
