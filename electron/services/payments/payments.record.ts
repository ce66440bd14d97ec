import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/open-db';
import { invoices, paymentRefunds, payments } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { Payment, RecordedPayment } from '../../contract/payments';
import { paymentMethodLabels } from '../../contract/payments.vocab';
import { recordAudit } from '../audit/record-audit';
import { clientLabel, requireClient, type ClientRow } from '../clients/clients.guards';
import { countClientRedirects } from '../devices/devices.target';
import { immediate } from '../invoices/invoices.rows';
import { readSettingsRow } from '../settings/settings.service';
import { siteToday } from '../settings/site-calendar';
import { minorOf, setAllocations } from './payments.allocate';
import { moneyWords, payOldestFirst, paymentLabel, requirePayment, unallocatedMinor } from './payments.ledger';
import { balancesOfClient } from './payments.balances';
import { getPayment } from './payments.read';
import { queueReceipt, wantsReceipt } from './payments.receipt';

type RecordInput = ParsedInputOf<Contract['payments.record']>;

/** The currencies a client is billed in: its own (or the organisation's) and those of its issued invoices. */
function billedCurrencies(db: DbOrTx, client: ClientRow): Set<string> {
  const issued = db
    .selectDistinct({ currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.clientId, client.id), isNotNull(invoices.number)))
    .all();
  return new Set([client.currency ?? readSettingsRow(db).currency, ...issued.map((r) => r.currency)]);
}

function requireBilledCurrency(db: DbOrTx, client: ClientRow, currency: string): void {
  const billed = [...billedCurrencies(db, client)];
  if (billed.includes(currency)) return;
  throw new AppError(
    'INVALID_INPUT',
    `${clientLabel(client)} is billed in ${billed.join(' and ')}, not ${currency}. Record the payment in ${billed[0]}, at the amount credited to the client.`,
    { currency: `must be ${billed.join(' or ')}` },
  );
}

const owesSomething = (db: DbOrTx, clientId: number) => balancesOfClient(db, clientId).some((b) => b.balanceMinor > 0);

/**
 * Records a payment and allocates it in one transaction: oldest open invoices first, by hand, or none
 * (all credit). What is left is credit. Queues the receipt e-mail unless told not to (or Settings say not
 * to). Tells whether it cleared the client's debt and whether miners are still on the holding pool, so the
 * page can offer to restore their pools.
 */
export function recordPayment(db: Db, input: RecordInput, actor: string, now = new Date()): RecordedPayment {
  return db.transaction((tx) => {
    const client = requireClient(tx, input.clientId);
    requireBilledCurrency(tx, client, input.currency);
    const amountMinor = minorOf(input.amount, input.currency, 'The amount');
    const feeMinor = input.fee === undefined ? 0 : minorOf(input.fee, input.currency, 'The fee');
    if (feeMinor > amountMinor) {
      throw new AppError('INVALID_INPUT', `The fee (${moneyWords(feeMinor, input.currency)}) is more than the payment itself.`, {
        fee: 'is more than the amount',
      });
    }
    if (input.receivedAt > siteToday(tx, now)) {
      throw new AppError('INVALID_INPUT', `The payment date ${input.receivedAt} is in the future. Record it on the day the money arrived.`, {
        receivedAt: 'is in the future',
      });
    }
    const owedBefore = owesSomething(tx, client.id);
    const payment = tx
      .insert(payments)
      .values({
        clientId: client.id,
        method: input.method,
        currency: input.currency,
        amountMinor,
        feeMinor,
        receivedOn: input.receivedAt,
        reference: input.reference,
        note: input.note,
        createdAt: now.toISOString(),
      })
      .returning()
      .get();
    recordAudit(tx, {
      actor,
      action: 'payment.recorded',
      entity: 'payment',
      entityId: payment.id,
      clientId: client.id,
      after: { ...payment, amount: moneyWords(amountMinor, input.currency), method: paymentMethodLabels[input.method] },
    });
    if (input.allocate === 'oldest') payOldestFirst(tx, client.id, input.currency, { paymentId: payment.id }, amountMinor, 'on_receipt', actor, now);
    else if (input.allocate !== 'none') setAllocations(tx, payment, input.allocate, 'on_receipt', actor, now);
    const debtCleared = owedBefore && !owesSomething(tx, client.id);
    const redirectedMiners = countClientRedirects(tx, client.id);
    return {
      payment: getPayment(tx, payment.id),
      receipt: wantsReceipt(tx, input.sendReceipt) ? queueReceipt(tx, client, payment, actor, now) : null,
      debtCleared,
      offerRestorePools: debtCleared && redirectedMiners > 0,
      redirectedMiners,
      clientStatus: requireClient(tx, client.id).status,
    };
  }, immediate);
}

/** Sets by hand what the payment pays on each invoice. */
export function allocatePayment(
  db: Db,
  input: { paymentId: number; allocations: { invoiceId: number; amount: string }[] },
  actor: string,
  now = new Date(),
): Payment {
  return db.transaction((tx) => {
    const payment = requirePayment(tx, input.paymentId);
    setAllocations(tx, payment, input.allocations, 'by_hand', actor, now);
    return getPayment(tx, payment.id);
  }, immediate);
}

/** Gives back money out of the payment's unallocated part, dated today in the site's calendar. */
export function refundPayment(db: Db, input: { paymentId: number; amount: string; reason: string }, actor: string, now = new Date()): Payment {
  return db.transaction((tx) => {
    const payment = requirePayment(tx, input.paymentId);
    const amountMinor = minorOf(input.amount, payment.currency, 'The refund');
    const left = unallocatedMinor(tx, payment);
    if (amountMinor > left) {
      throw new AppError(
        'CONFLICT',
        `${paymentLabel(payment)} has ${moneyWords(left, payment.currency)} not allocated to invoices, less than the ${moneyWords(amountMinor, payment.currency)} asked. Move allocations off invoices first to refund more.`,
        { amount: `at most ${moneyWords(left, payment.currency)}` },
      );
    }
    const refund = tx
      .insert(paymentRefunds)
      .values({ paymentId: payment.id, amountMinor, reason: input.reason, refundedOn: siteToday(tx, now), createdAt: now.toISOString() })
      .returning()
      .get();
    recordAudit(tx, {
      actor,
      action: 'payment.refunded',
      entity: 'payment',
      entityId: payment.id,
      clientId: payment.clientId,
      after: { refundId: refund.id, amount: moneyWords(amountMinor, payment.currency), reason: input.reason },
    });
    return getPayment(tx, payment.id);
  }, immediate);
}
