import { eq } from 'drizzle-orm';
import { insertRows, prepared } from '../../../db/bulk';
import type { Db, DbOrTx } from '../../../db/open-db';
import { invoiceLines, invoices, type invoiceTaxes } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import type { Bill } from '../billing/billing.types';
import type { GatheredContract } from '../billing/billing.gather';
import type { ClientRow } from '../clients/clients.guards';
import { settleOnIssue } from '../payments/payments.credit';
import { takeInvoiceNumber } from './invoices.numbering';
import { addDays, billToOf, invoiceLabel, localToday, requireInvoice, type InvoiceRow } from './invoices.rows';

/** The money, lines and taxes of a draft, from a bill of one contract; what the audit row records of it. */
type LineValues = Omit<typeof invoiceLines.$inferInsert, 'invoiceId' | 'id'>;
type TaxValues = Omit<typeof invoiceTaxes.$inferInsert, 'invoiceId'>;

const moneyOf = (bill: Bill) => ({
  currency: bill.currency,
  subtotalMinor: bill.subtotalMinor,
  taxMinor: bill.totalMinor - bill.subtotalMinor,
  totalMinor: bill.totalMinor,
  taxExempt: bill.taxExemption !== null,
});

const lineColumns = [
  'invoice_id',
  'position',
  'contract_id',
  'miner_id',
  'miner_label',
  'method',
  'quantity',
  'unit',
  'rate',
  'amount_minor',
  'energy_wh',
  'billed_seconds',
  'fallback_seconds',
  'explanation',
] as const;

/**
 * Replaces an invoice's lines and taxes, through statements prepared once per connection (the ORM's
 * builder cost more than SQLite's work for a batch's thousands of lines). Runs in the caller's transaction.
 */
export function writeLines(db: Db, invoiceId: number, lines: readonly LineValues[], taxes: readonly TaxValues[]): void {
  const sqlite = db.$client;
  prepared(sqlite, 'DELETE FROM invoice_lines WHERE invoice_id = ?').run(invoiceId);
  prepared(sqlite, 'DELETE FROM invoice_taxes WHERE invoice_id = ?').run(invoiceId);
  const lineRow = (l: LineValues) => [
    invoiceId,
    l.position,
    l.contractId,
    l.minerId ?? null,
    l.minerLabel ?? null,
    l.method,
    l.quantity,
    l.unit,
    l.rate,
    l.amountMinor,
    l.energyWh ?? null,
    l.billedSeconds,
    l.fallbackSeconds,
    l.explanation,
  ];
  insertRows(sqlite, 'invoice_lines', lineColumns, lines.map(lineRow));
  insertRows(
    sqlite,
    'invoice_taxes',
    ['invoice_id', 'position', 'name', 'percent', 'amount_minor'],
    taxes.map((t) => [invoiceId, t.position, t.name, t.percent, t.amountMinor]),
  );
}

function linesOfBill(bill: Bill, minerLabels: ReadonlyMap<number, string>): { lines: LineValues[]; taxes: TaxValues[] } {
  return {
    lines: bill.lines.map((line, i) => ({
      position: i + 1,
      contractId: line.contractId,
      minerId: line.minerId,
      minerLabel: line.minerId === null ? null : (minerLabels.get(line.minerId) ?? null),
      method: line.method,
      quantity: line.quantity,
      unit: line.unit,
      rate: line.rate,
      amountMinor: line.amountMinor,
      energyWh: line.energyWh,
      billedSeconds: line.billedSeconds,
      fallbackSeconds: line.fallbackSeconds,
      explanation: line.explanation,
    })),
    taxes: bill.taxes.map((tax, i) => ({ position: i + 1, name: tax.name, percent: tax.percent, amountMinor: tax.amountMinor })),
  };
}

export type DraftPlan = {
  client: ClientRow;
  contract: GatheredContract;
  bill: Bill;
  held: string | null;
  /** The live draft or held invoice of the same contract and month, recomputed in place. */
  existing: InvoiceRow | undefined;
};

/** Writes (or recomputes) the draft of one contract's month, audited; returns its id. `db` is the connection whose transaction `tx` is. */
export function writeDraft(db: Db, tx: DbOrTx, plan: DraftPlan, actor: string, now: Date): number {
  const { client, contract, bill, held, existing } = plan;
  const at = now.toISOString();
  const labels = new Map(contract.input.miners.map((m) => [m.id, m.label]));
  const { lines, taxes } = linesOfBill(bill, labels);
  const values = {
    clientId: client.id,
    contractId: contract.row.id,
    period: bill.month,
    periodFrom: new Date(contract.period.fromS * 1000).toISOString(),
    periodTo: new Date(contract.period.toS * 1000).toISOString(),
    timeZone: contract.timeZone,
    status: held ? ('held' as const) : ('draft' as const),
    heldReason: held,
    netDays: contract.row.netDays,
    ...moneyOf(bill),
    billToJson: JSON.stringify(billToOf(client)),
    updatedAt: at,
  };
  const row = existing
    ? tx.update(invoices).set(values).where(eq(invoices.id, existing.id)).returning().get()
    : tx
        .insert(invoices)
        .values({ ...values, createdAt: at })
        .returning()
        .get();
  writeLines(db, row.id, lines, taxes);
  recordAudit(tx, {
    actor,
    action: existing ? 'invoice.recomputed' : held ? 'invoice.held' : 'invoice.created',
    entity: 'invoice',
    entityId: row.id,
    clientId: client.id,
    before: existing ? auditView(existing) : undefined,
    after: { ...auditView(row), lines: lines.length },
  });
  return row.id;
}

/** What an audit row keeps of an invoice: its identity, status and money (the lines are in the invoice). */
export const auditView = (row: InvoiceRow) => ({
  number: row.number,
  kind: row.kind,
  status: row.status,
  period: row.period,
  contractId: row.contractId,
  currency: row.currency,
  subtotalMinor: row.subtotalMinor,
  taxMinor: row.taxMinor,
  totalMinor: row.totalMinor,
  amountPaidMinor: row.amountPaidMinor,
  issueDate: row.issueDate,
  dueDate: row.dueDate,
  voidReason: row.voidReason,
});

/**
 * Numbers and dates a draft or held invoice (or a credit note being written) in the caller's transaction:
 * issue date today in the site's calendar, due date after the contract's net days. Credit notes are due at once.
 * Then the client's credit is carried to it, and a credit note settles its invoice (payments.credit).
 */
export function numberInvoice(tx: DbOrTx, id: number, actor: string, now: Date, client?: ClientRow): InvoiceRow {
  const row = requireInvoice(tx, id);
  if (row.number !== null) throw new AppError('CONFLICT', `${invoiceLabel(row)} is already issued.`);
  if (row.status === 'void') throw new AppError('CONFLICT', `${invoiceLabel(row)} is void and cannot be issued.`);
  const hasLines = tx.select({ id: invoiceLines.id }).from(invoiceLines).where(eq(invoiceLines.invoiceId, id)).limit(1).get();
  if (!hasLines) throw new AppError('CONFLICT', `${invoiceLabel(row)} has no lines: there is nothing to issue.`);
  const issueDate = localToday(row.timeZone, now);
  const number = takeInvoiceNumber(tx, row.kind, issueDate);
  const at = now.toISOString();
  const issued = tx
    .update(invoices)
    .set({
      number,
      status: 'issued',
      heldReason: null,
      issueDate,
      dueDate: row.kind === 'credit_note' ? issueDate : addDays(issueDate, row.netDays),
      issuedAt: at,
      updatedAt: at,
      ...(client ? { billToJson: JSON.stringify(billToOf(client)) } : {}),
    })
    .where(eq(invoices.id, id))
    .returning()
    .get();
  recordAudit(tx, {
    actor,
    action: row.kind === 'credit_note' ? 'credit_note.issued' : 'invoice.issued',
    entity: 'invoice',
    entityId: id,
    clientId: row.clientId,
    before: auditView(row),
    after: auditView(issued),
  });
  settleOnIssue(tx, issued, actor, now);
  return requireInvoice(tx, id);
}
