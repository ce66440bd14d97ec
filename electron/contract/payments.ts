import { z } from 'zod';
import type { ClientStatus } from './clients';
import { call } from './define';
import { dateSchema, decimalTextSchema, idSchema, nameText, optionalLineText, optionalText } from './fields';
import { parseDecimal } from './money';
import { paymentMethods, type AllocationReason, type PaymentMethod } from './payments.vocab';
import { currencySchema } from './settings';

/** Money as decimal text in the payment's currency ("125.50"), like the invoices'. */
type MoneyText = string;

/** What a payment pays now on one invoice (the sum of its allocations there). */
export type PaymentAllocation = { invoiceId: number; invoiceNumber: string | null; amount: MoneyText };

export type PaymentRefund = { id: number; amount: MoneyText; reason: string; refundedOn: string };

export type Payment = {
  id: number;
  clientId: number;
  clientName: string;
  method: PaymentMethod;
  currency: string;
  amount: MoneyText;
  /** Kept by the bank, processor or network; the client is credited the whole amount. */
  fee: MoneyText;
  /** YYYY-MM-DD in the site's calendar. */
  receivedOn: string;
  reference: string;
  note: string;
  createdAt: string;
  allocated: MoneyText;
  refunded: MoneyText;
  /** Neither allocated nor refunded: the client's credit, applied to the next invoice issued. */
  unallocated: MoneyText;
  allocations: PaymentAllocation[];
  refunds: PaymentRefund[];
};

/**
 * A recorded payment and what it did. debtCleared: the client owes nothing any more (in any currency);
 * offerRestorePools: this payment cleared the debt and some of its miners are still on the holding pool.
 */
export type RecordedPayment = {
  payment: Payment;
  /** The receipt queued for e-mail (the Payment receipt template), or null when none was sent. */
  receipt: { messageId: number; to: string[] } | null;
  debtCleared: boolean;
  offerRestorePools: boolean;
  redirectedMiners: number;
  clientStatus: ClientStatus;
};

/** Per currency: what issued invoices still owe, the unallocated credit, and owed − credit (negative: in credit). */
export type ClientBalance = { currency: string; owed: MoneyText; credit: MoneyText; balance: MoneyText };

export const journalKinds = ['invoice', 'invoice_void', 'credit_note', 'payment', 'allocation', 'credit_carried', 'release', 'refund'] as const;
export type JournalKind = (typeof journalKinds)[number];

/**
 * One line of a client's journal (Fleio's): money from a source to a destination. Invoices and refunds
 * raise the balance, payments and credit notes lower it; allocations move money between a payment (or
 * credit note) and an invoice and leave it alone. balance: running owed − credit in the line's currency.
 */
export type JournalEntry = {
  date: string;
  kind: JournalKind;
  source: string;
  destination: string;
  amount: MoneyText;
  currency: string;
  balance: MoneyText;
  invoiceId: number | null;
  paymentId: number | null;
  /** Why an allocation moved (allocations only). */
  reason: AllocationReason | null;
};

export type ClientJournal = { clientId: number; entries: JournalEntry[]; balances: ClientBalance[] };

/** A client proposed for In Default: its oldest unpaid invoice is at least the Settings' days past due. */
export type DefaultProposal = {
  clientId: number;
  clientName: string;
  status: ClientStatus;
  invoiceId: number;
  invoiceNumber: string;
  dueDate: string;
  daysOverdue: number;
  owed: { currency: string; amount: MoneyText }[];
};

/** An amount typed by a person, more than 0 ("125.50"); the service checks the currency's decimals. */
const positiveAmount = z
  .string({ error: 'must be an amount written as text, like 125.50' })
  .trim()
  .refine((text) => {
    const value = parseDecimal(text, 6);
    return value !== null && value > 0;
  }, 'must be an amount greater than 0, like 125.50');

const allocationList = z
  .array(z.object({ invoiceId: idSchema, amount: decimalTextSchema }).strict(), { error: 'must be a list of invoices and amounts' })
  .max(1000, 'may name at most 1000 invoices')
  .refine((list) => new Set(list.map((a) => a.invoiceId)).size === list.length, 'must name each invoice once');

export const paymentCalls = {
  /**
   * Records money received. allocate: 'oldest' (default) pays the oldest open invoices first (by due date,
   * then number); 'none' keeps it all as credit; a list pays those invoices those amounts. Whatever is left
   * is the client's credit, applied automatically to the next invoice issued, never lost.
   */
  'payments.record': call<RecordedPayment>()(
    z
      .object({
        clientId: idSchema,
        method: z.enum(paymentMethods, { error: `must be one of ${paymentMethods.join(', ')}` }),
        amount: positiveAmount,
        currency: currencySchema,
        receivedAt: dateSchema,
        reference: optionalLineText(120),
        fee: decimalTextSchema.optional(),
        note: optionalText(1000),
        allocate: z
          .union([z.enum(['oldest', 'none']), allocationList], { error: "must be 'oldest', 'none' or a list of invoices and amounts" })
          .default('oldest'),
        /** E-mail a receipt to the client's billing address; omitted: as Settings say (on unless turned off). */
        sendReceipt: z.boolean({ error: 'must be true or false' }).optional(),
      })
      .strict(),
  ),
  /** Sets by hand what a payment pays on each invoice: the list is the whole allocation (an invoice left out gets nothing back). */
  'payments.allocate': call<Payment>()(z.object({ paymentId: idSchema, allocations: allocationList }).strict()),
  /** Payments newest first, of a client or all, received between from and to (inclusive, site calendar). */
  'payments.list': call<Payment[]>()(z.object({ clientId: idSchema.optional(), from: dateSchema.optional(), to: dateSchema.optional() }).strict()),
  /** Gives back money out of the payment's unallocated part (move allocations off invoices first to refund more). */
  'payments.refund': call<Payment>()(z.object({ paymentId: idSchema, amount: positiveAmount, reason: nameText(500) }).strict()),
  /** Clients whose oldest unpaid invoice is at least the Settings' days overdue and who are not In Default or redirected yet. */
  'payments.defaultProposals': call<DefaultProposal[]>()(z.object({}).strict()),
  /** The client's journal, oldest first, with the running balance, and its balance per currency now. */
  'clients.journal': call<ClientJournal>()(z.object({ clientId: idSchema }).strict()),
};
