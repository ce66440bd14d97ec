import type { DbOrTx } from '../../../db/open-db';
import { AppError } from '../../contract/errors';
import { currencyDecimals, parseDecimal } from '../../contract/money';
import type { AllocationReason } from '../../contract/payments.vocab';
import { recordAudit } from '../audit/record-audit';
import { invoiceLabel, requireInvoice, type InvoiceRow } from '../invoices/invoices.rows';
import { allocationsOfPayment, moneyWords, moveMoney, openMinor, paymentLabel, refundedMinor, type PaymentRow } from './payments.ledger';

/** Allocating a payment by hand: the list given is what the payment pays on each invoice from now on. */

export type AllocationAsked = { invoiceId: number; amount: string };

/** Decimal text in the currency's minor units, or a sentence naming the field. */
export function minorOf(text: string, currency: string, what: string): number {
  const decimals = currencyDecimals(currency);
  const minor = parseDecimal(text, decimals);
  if (minor === null) {
    throw new AppError('INVALID_INPUT', `${what} "${text}" has more decimals than ${currency} has (${decimals}).`, {
      amount: `at most ${decimals} decimals in ${currency}`,
    });
  }
  return minor;
}

/** An invoice a payment of this client and currency may pay on. */
function payableInvoice(tx: DbOrTx, payment: PaymentRow, invoiceId: number): InvoiceRow {
  const invoice = requireInvoice(tx, invoiceId);
  const label = invoiceLabel(invoice);
  if (invoice.clientId !== payment.clientId)
    throw new AppError('INVALID_INPUT', `${label} is another client's invoice: a payment pays its own client's invoices only.`);
  if (invoice.kind !== 'invoice') throw new AppError('INVALID_INPUT', `${label} is a credit note: payments go to invoices.`);
  if (invoice.number === null || invoice.status === 'void') {
    throw new AppError('CONFLICT', `${label} is ${invoice.status === 'void' ? 'void' : 'not issued'}: only issued invoices take payments.`);
  }
  if (invoice.currency !== payment.currency) {
    throw new AppError(
      'INVALID_INPUT',
      `${label} is in ${invoice.currency} and ${paymentLabel(payment)} in ${payment.currency}: a payment pays invoices of its own currency only.`,
    );
  }
  return invoice;
}

/**
 * Makes the payment pay exactly `asked` (invoices left out get nothing from it): releases first, then
 * applies, each movement a ledger row. Refuses, changing nothing, an amount above what an invoice owes or a
 * total above what the payment has (its amount less refunds).
 */
export function setAllocations(tx: DbOrTx, payment: PaymentRow, asked: readonly AllocationAsked[], reason: AllocationReason, actor: string, now: Date): void {
  const current = allocationsOfPayment(tx, payment.id);
  const target = new Map(asked.map((a) => [a.invoiceId, minorOf(a.amount, payment.currency, `The amount for invoice #${a.invoiceId}`)]));
  const totalMinor = [...target.values()].reduce((sum, n) => sum + n, 0);
  const availableMinor = payment.amountMinor - refundedMinor(tx, payment.id);
  if (totalMinor > availableMinor) {
    throw new AppError(
      'INVALID_INPUT',
      `${paymentLabel(payment)} has ${moneyWords(availableMinor, payment.currency)} to allocate; these allocations add up to ${moneyWords(totalMinor, payment.currency)}.`,
      { allocations: 'add up to more than the payment' },
    );
  }
  const invoices = new Map([...target.keys()].map((id) => [id, payableInvoice(tx, payment, id)]));
  const source = { paymentId: payment.id };
  for (const [invoiceId, nowMinor] of current) {
    const wanted = target.get(invoiceId) ?? 0;
    if (wanted >= nowMinor) continue;
    const invoice = invoices.get(invoiceId) ?? requireInvoice(tx, invoiceId);
    invoices.set(invoiceId, moveMoney(tx, { invoice, source, amountMinor: wanted - nowMinor, reason }, actor, now));
  }
  for (const [invoiceId, wanted] of target) {
    const more = wanted - (current.get(invoiceId) ?? 0);
    if (more <= 0) continue;
    const invoice = invoices.get(invoiceId)!;
    if (more > openMinor(invoice)) {
      throw new AppError(
        'INVALID_INPUT',
        `${invoiceLabel(invoice)} owes ${moneyWords(openMinor(invoice), invoice.currency)}; ${moneyWords(more, invoice.currency)} more of ${paymentLabel(payment)} would pay it more than its total.`,
        { allocations: `${invoiceLabel(invoice)} owes less` },
      );
    }
    moveMoney(tx, { invoice, source, amountMinor: more, reason }, actor, now);
  }
  const after = allocationsOfPayment(tx, payment.id);
  recordAudit(tx, {
    actor,
    action: 'payment.allocated',
    entity: 'payment',
    entityId: payment.id,
    clientId: payment.clientId,
    before: { allocations: Object.fromEntries(current) },
    after: { allocations: Object.fromEntries(after), reason },
  });
}
