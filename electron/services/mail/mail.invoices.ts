import { and, eq, isNotNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/open-db';
import { clientContacts, clients } from '../../../db/schema';
import { formatDate } from '../../contract/dates';
import { AppError } from '../../contract/errors';
import type { InvoiceDetail } from '../../contract/invoices';
import type { InvoiceSendResult } from '../../contract/mail';
import { currencyDecimals, formatMoney, parseDecimal } from '../../contract/money';
import { counted } from '../../contract/words';
import { recordAudit } from '../audit/record-audit';
import { invoicePdfFileName } from '../invoices/invoice.pdf';
import { getInvoice } from '../invoices/invoices.read';
import { invoiceLabel, localToday, requireInvoice } from '../invoices/invoices.rows';
import { readSettingsRow } from '../settings/settings.service';
import { queueMail } from './mail.outbox';
import { renderMailTemplate } from './mail.templates';

const money = (amount: string, currency: string) => formatMoney(parseDecimal(amount, currencyDecimals(currency)) ?? 0, currency);
const day = (date: string | null) => (date ? formatDate(date, 'UTC') : '');

/** Where a client's invoices go: the billing address (else the contact's), and the billing contacts in copy. */
export function billingRecipients(db: DbOrTx, clientId: number): { to: string[]; cc: string[] } {
  const client = db.select({ contactEmail: clients.contactEmail, billingEmail: clients.billingEmail }).from(clients).where(eq(clients.id, clientId)).get();
  const to = client ? [client.billingEmail ?? client.contactEmail] : [];
  const contacts = db
    .select({ email: clientContacts.email })
    .from(clientContacts)
    .where(and(eq(clientContacts.clientId, clientId), eq(clientContacts.role, 'billing'), isNotNull(clientContacts.email)))
    .all();
  const cc = [...new Set(contacts.map((c) => c.email!.toLowerCase()))].filter((email) => !to.includes(email));
  return { to, cc };
}

/** The placeholders of the invoice and reminder templates, filled for this invoice. */
function invoiceValues(db: DbOrTx, invoice: InvoiceDetail, now: Date): Record<string, string> {
  const dueDays = invoice.dueDate ? Math.floor(DateTime.fromISO(localToday(invoice.timeZone, now)).diff(DateTime.fromISO(invoice.dueDate), 'days').days) : 0;
  return {
    'organisation.name': invoice.organisation.name || readSettingsRow(db).organisationName,
    'client.name': invoice.billTo.name,
    'client.company': invoice.billTo.company,
    'invoice.number': invoice.number ?? '',
    'invoice.total': money(invoice.total, invoice.currency),
    'invoice.amountDue': money(invoice.amountDue, invoice.currency),
    'invoice.dueDate': day(invoice.dueDate),
    'invoice.issueDate': day(invoice.issueDate),
    'invoice.period': DateTime.fromISO(`${invoice.period}-01`).setLocale('en-GB').toFormat('LLLL yyyy'),
    'invoice.daysOverdue': String(Math.max(0, dueDays)),
  };
}

/** Why an invoice may not be sent at all (the whole request is refused), or null. */
function refusal(row: ReturnType<typeof requireInvoice>): string | null {
  if (row.status === 'draft') return `${invoiceLabel(row)} is a draft: issue it before sending it.`;
  if (row.status === 'void') return `${invoiceLabel(row)} is void and is not sent.`;
  return null;
}

/**
 * `invoices.send`: one message per invoice with its PDF (printed when it leaves) to the client's billing address.
 * Held invoices never go and are named in the answer; a draft or a void one refuses the whole request. Sending an
 * invoice again queues a new message.
 */
export function sendInvoices(db: DbOrTx, input: { ids: number[]; template: 'invoice' | 'reminder' }, actor: string, now = new Date()): InvoiceSendResult {
  return db.transaction((tx) => {
    const ids = [...new Set(input.ids)];
    const rows = ids.map((id) => requireInvoice(tx, id));
    const refused = rows.map(refusal).filter((reason): reason is string => reason !== null);
    if (refused.length) throw new AppError('INVALID_INPUT', `${refused.slice(0, 3).join(' ')} Nothing was sent.`);
    const result: InvoiceSendResult = { queued: [], skipped: [], summary: '' };
    for (const row of rows) {
      if (row.status === 'held') {
        result.skipped.push({ invoiceId: row.id, label: invoiceLabel(row), reason: 'is held (its client is In Default) and is never sent' });
        continue;
      }
      const invoice = getInvoice(tx, row.id, now);
      const { to, cc } = billingRecipients(tx, row.clientId);
      const text = renderMailTemplate(tx, input.template, invoiceValues(tx, invoice, now));
      const messageId = queueMail(
        tx,
        {
          to,
          cc,
          ...text,
          template: input.template,
          related: { kind: 'invoice', id: row.id },
          clientId: row.clientId,
          attachments: [{ fileName: invoicePdfFileName(invoice), invoiceId: row.id }],
        },
        now,
      );
      recordAudit(tx, {
        actor,
        action: input.template === 'reminder' ? 'invoice.reminder_queued' : 'invoice.email_queued',
        entity: 'invoice',
        entityId: row.id,
        clientId: row.clientId,
        after: { number: row.number, to: [...to, ...cc].join(', '), messageId },
      });
      result.queued.push({ invoiceId: row.id, number: row.number!, to: [...to, ...cc], messageId });
    }
    const held = result.skipped.map((s) => `${s.label} ${s.reason}`).join('; ');
    const what = input.template === 'reminder' ? 'reminder' : 'invoice';
    result.summary = `${counted(result.queued.length, what)} queued for e-mail.${held ? ` Not sent: ${held}.` : ''}`;
    return result;
  });
}
