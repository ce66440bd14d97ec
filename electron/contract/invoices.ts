import { z } from 'zod';
import { periodSchema, type BillLineText } from './billing';
import type { ContractType } from './contracts.vocab';
import { call } from './define';
import { idSchema, nameText } from './fields';
import { invoiceStatuses, type InvoiceKind, type InvoiceStatus } from './invoices.vocab';
import { parseDecimal } from './money';

/** An invoice or credit note in a list. Money as decimal text in `currency` (a credit note's negative). */
export type InvoiceSummary = {
  id: number;
  kind: InvoiceKind;
  /** INV-2026-000123 or CN-2026-000001; null while draft or held. */
  number: string | null;
  /** As reported: overdue is issued or partly paid and past the due date. */
  status: InvoiceStatus;
  clientId: number;
  clientName: string;
  contractId: number;
  contractNumber: string;
  /** YYYY-MM in the site's zone. */
  period: string;
  issueDate: string | null;
  dueDate: string | null;
  currency: string;
  subtotal: string;
  tax: string;
  total: string;
  amountPaid: string;
  /** What is still owed: total − paid for an issued invoice, 0 otherwise. */
  amountDue: string;
  /** A credit note's invoice. */
  creditedInvoiceId: number | null;
};

/** Per currency: how many and how much the listed invoices come to (void ones count nothing). */
export type InvoiceTotals = { currency: string; count: number; subtotal: string; tax: string; total: string; paid: string; due: string };

export type InvoiceList = {
  invoices: InvoiceSummary[];
  totals: InvoiceTotals[];
  /** Per reported status, ignoring the status filter. */
  statusCounts: Record<InvoiceStatus, number>;
};

/** A line as the engine billed it, numbered, with its contract's number and the miner's asset id when billed. */
export type InvoiceLine = BillLineText & { position: number; contractNumber: string; minerLabel: string | null };

/** Who the invoice is addressed to, as it was when issued (drafts: as it is now). */
export type InvoiceBillTo = {
  name: string;
  company: string;
  address: string;
  city: string;
  zip: string;
  country: string | null;
  taxId: string;
  email: string;
};

/** Everything the invoice page and the PDF print. */
export type InvoiceDetail = InvoiceSummary & {
  periodFrom: string;
  periodTo: string;
  timeZone: string;
  netDays: number;
  lines: InvoiceLine[];
  taxes: { name: string; percent: string; amount: string }[];
  /** Set when the client is tax-exempt: the invoice shows the exemption and this tax id. */
  taxExemption: { taxId: string } | null;
  billTo: InvoiceBillTo;
  organisation: { name: string; address: string; taxId: string; logoDataUrl: string | null; paymentInstructions: string };
  contracts: { id: number; number: string; type: ContractType }[];
  notes: string;
  heldReason: string | null;
  reason: string | null;
  voidReason: string | null;
  voidedAt: string | null;
  issuedAt: string | null;
  /** For an invoice: its credit notes. For a credit note: the invoice it corrects. */
  creditNotes: { id: number; number: string | null; total: string; reason: string | null; issueDate: string | null }[];
  credits: { id: number; number: string | null } | null;
};

/**
 * created: new invoices; refreshed: drafts recomputed in place; skipped: invoices already there and left
 * alone (issued ones always; any with skipExisting); held: of those created or refreshed, the held ones;
 * issued: those numbered by this run. invoiceIds: every invoice created or refreshed.
 */
export type BatchResult = { created: number; refreshed: number; skipped: number; held: number; issued: number; invoiceIds: number[] };

/** A batch run: how far it is, and what it did so far. */
export type BatchProgress = BatchResult & {
  id: number;
  period: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Clients to go through, and those done. */
  clients: number;
  clientsDone: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
};

/** Paper an invoice PDF is printed on (A4 unless asked). */
export const invoicePaperSizes = ['A4', 'LETTER'] as const;
export type InvoicePaperSize = (typeof invoicePaperSizes)[number];

/** An invoice or credit note as a PDF: INV-2026-000123.pdf and its bytes in base64. */
export type InvoicePdf = { fileName: string; base64: string };

const reasonText = nameText(500);

/** An amount typed by a person, more than 0, e.g. "12.50" (checked against the line in the service). */
const amountSchema = z
  .string()
  .trim()
  .refine((text) => {
    const value = parseDecimal(text, 6);
    return value !== null && value > 0;
  }, 'must be an amount greater than 0, like 12.50');

export const invoiceCalls = {
  /**
   * Invoices for the month for all clients with contracts in it (or those given): one per client and
   * contract, in one transaction per client. Clients In Default get held invoices. Idempotent: an
   * invoice already there is kept (a draft is recomputed unless `skipExisting`), never duplicated.
   */
  'invoices.generateBatch': call<BatchResult & { batchId: number }>()(
    z
      .object({
        period: periodSchema,
        clientIds: z.array(idSchema).max(100_000).optional(),
        skipExisting: z.boolean().default(false),
        issue: z.boolean().default(false),
      })
      .strict(),
  ),
  /** The running batch, else the last one of this session (null when none ran). */
  'invoices.batch.status': call<BatchProgress | null>()(z.object({}).strict()),
  /** Stops the running batch after the client in hand; what was committed stays. */
  'invoices.batch.cancel': call<BatchProgress | null>()(z.object({}).strict()),
  'invoices.list': call<InvoiceList>()(
    z
      .object({
        period: periodSchema.optional(),
        clientId: idSchema.optional(),
        status: z.enum(invoiceStatuses, { error: `must be one of ${invoiceStatuses.join(', ')}` }).optional(),
      })
      .strict(),
  ),
  'invoices.get': call<InvoiceDetail>()(z.object({ id: idSchema }).strict()),
  /** The invoice or credit note as a PDF (drafts print DRAFT instead of a number). */
  'invoices.pdf': call<InvoicePdf>()(
    z.object({ id: idSchema, paperSize: z.enum(invoicePaperSizes, { error: `must be one of ${invoicePaperSizes.join(', ')}` }).default('A4') }).strict(),
  ),
  /** Numbers a draft (gapless per year) and dates it; from then on it never changes. */
  'invoices.issue': call<InvoiceDetail>()(z.object({ id: idSchema }).strict()),
  /** Cancels a draft, a held invoice, or an issued one nothing was paid on (it keeps its number). */
  'invoices.void': call<InvoiceDetail>()(z.object({ id: idSchema, reason: reasonText }).strict()),
  /** A numbered credit note against an issued invoice: all of it, or the lines given (each whole or an amount of it). */
  'invoices.creditNote': call<InvoiceDetail>()(
    z
      .object({
        invoiceId: idSchema,
        lines: z
          .array(z.object({ position: z.number().int().positive('must be a line number'), amount: amountSchema.optional() }).strict())
          .min(1, 'must name at least one line')
          .max(10_000)
          .optional(),
        reason: reasonText,
      })
      .strict(),
  ),
};
