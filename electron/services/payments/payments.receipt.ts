import type { DbOrTx } from '../../../db/open-db';
import { formatDate } from '../../contract/dates';
import { formatMoney } from '../../contract/money';
import type { RecordedPayment } from '../../contract/payments';
import { recordAudit } from '../audit/record-audit';
import type { ClientRow } from '../clients/clients.guards';
import { billingRecipients } from '../mail/mail.invoices';
import { queueMail } from '../mail/mail.outbox';
import { renderMailTemplate } from '../mail/mail.templates';
import { readSettingsRow } from '../settings/settings.service';
import { paymentLabel, type PaymentRow } from './payments.ledger';
import { balancesOfClient } from './payments.balances';

/** "$1,000.00 USD": money in an e-mail, with its code, since a client may be billed in more than one currency. */
const moneyInMail = (minor: number, currency: string) => `${formatMoney(minor, currency)} ${currency}`;

/**
 * What the client owes after the payment, per currency (never added across currencies): the payment's currency
 * always, others only where something is owed or in credit. Credit reads "… in your favour".
 */
function balanceWords(db: DbOrTx, clientId: number, currency: string): string {
  const balances = balancesOfClient(db, clientId).filter((b) => b.balanceMinor !== 0 || b.currency === currency);
  const own = balances.find((b) => b.currency === currency) ?? { currency, balanceMinor: 0 };
  return [own, ...balances.filter((b) => b.currency !== currency)]
    .map(({ currency: c, balanceMinor }) => (balanceMinor < 0 ? `${moneyInMail(-balanceMinor, c)} in your favour` : moneyInMail(balanceMinor, c)))
    .join(', ');
}

/** The Payment receipt template's placeholders, filled for this payment (the balance as it is after it). */
function receiptValues(db: DbOrTx, client: ClientRow, payment: PaymentRow): Record<string, string> {
  return {
    'organisation.name': readSettingsRow(db).organisationName,
    'client.name': client.name,
    'client.company': client.company,
    'payment.amount': moneyInMail(payment.amountMinor, payment.currency),
    'payment.date': formatDate(payment.receivedOn, 'UTC'),
    'payment.reference': payment.reference || paymentLabel(payment),
    'client.balance': balanceWords(db, client.id, payment.currency),
  };
}

/** Whether this recording sends a receipt: the person's choice, else the Settings' (on unless turned off). */
export const wantsReceipt = (db: DbOrTx, sendReceipt: boolean | undefined): boolean => sendReceipt ?? readSettingsRow(db).sendPaymentReceipts;

/**
 * Queues the payment's receipt to the client's billing address (its billing contacts in copy), in the recording
 * transaction after the payment is allocated, so the balance it states is the one the client now has.
 */
export function queueReceipt(tx: DbOrTx, client: ClientRow, payment: PaymentRow, actor: string, now: Date): RecordedPayment['receipt'] {
  const { to, cc } = billingRecipients(tx, client.id);
  if (!to.length) return null;
  const text = renderMailTemplate(tx, 'receipt', receiptValues(tx, client, payment));
  const messageId = queueMail(tx, { to, cc, ...text, template: 'receipt', related: { kind: 'payment', id: payment.id }, clientId: client.id }, now);
  const recipients = [...to, ...cc];
  recordAudit(tx, {
    actor,
    action: 'payment.receipt_queued',
    entity: 'payment',
    entityId: payment.id,
    clientId: client.id,
    after: { amount: moneyInMail(payment.amountMinor, payment.currency), to: recipients.join(', '), messageId },
  });
  return { messageId, to: recipients };
}
