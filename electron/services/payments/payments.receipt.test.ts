import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, clientContacts, clients, mailMessages } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { useSmtp } from '../../../tests/helpers/mail-fixtures';
import { issuedInvoice, openPaymentsDb, pay, type PaymentsWorld } from '../../../tests/helpers/payment-fixtures';
import { freeLoopbackPort, startSmtpSink, type SmtpSink } from '../../../tests/helpers/smtp-sink';
import { contract } from '../../contract';
import { createMailSender } from '../mail/mail.sender';
import { updateMailTemplate } from '../mail/mail.templates';
import { getSettings, updateSettings } from '../settings/settings.service';
import { createSecretBox } from '../secrets/secret-box';

let w: PaymentsWorld;
beforeEach(() => {
  w = openPaymentsDb();
  // Acme owes 1,000.00 USD on its March invoice.
  issuedInvoice(w.db, { clientId: w.acme.id, contractId: w.contracts.acme.id, period: '2026-03', totalMinor: 100_000, issuedAt: '2026-04-03T15:00:00Z' });
});
afterEach(() => w.t.close());

const outbox = () => w.db.select().from(mailMessages).orderBy(mailMessages.id).all();
const receiptAudits = () => w.db.select().from(auditLog).where(eq(auditLog.action, 'payment.receipt_queued')).all();

function setReceipts(on: boolean) {
  const { organisationName, address, taxId, currency, timeZone, energyRatePerKwh, invoicePrefix } = getSettings(w.db);
  const fields = { organisationName, address, taxId, currency, timeZone, energyRatePerKwh, invoicePrefix, sendPaymentReceipts: on };
  const input = contract['settings.update'].input.parse(fields);
  updateSettings(w.db, input, actor);
}

describe('payment receipts by e-mail', () => {
  it('queues a receipt with the Payment receipt template to the billing address, billing contacts in copy, stating the balance after the payment', () => {
    w.db.update(clients).set({ billingEmail: 'ap@acme.com' }).where(eq(clients.id, w.acme.id)).run();
    w.db
      .insert(clientContacts)
      .values({
        clientId: w.acme.id,
        name: 'Ann Ledger',
        role: 'billing',
        email: 'ann@acme.com',
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      })
      .run();
    const recorded = pay(w.db, { clientId: w.acme.id, amount: '400', reference: 'WIRE-77', receivedAt: '2026-05-20' });

    expect(recorded.receipt).toEqual({ messageId: expect.any(Number), to: ['ap@acme.com', 'ann@acme.com'] });
    const [message] = outbox();
    expect(message).toMatchObject({
      id: recorded.receipt!.messageId,
      status: 'queued',
      template: 'receipt',
      relatedKind: 'payment',
      relatedId: recorded.payment.id,
      clientId: w.acme.id,
      toJson: '["ap@acme.com"]',
      ccJson: '["ann@acme.com"]',
      subject: 'Payment received: $400.00 USD',
    });
    expect(message.body).toBe(
      'Dear Acme Hashing,\n\nWe received your payment of $400.00 USD on 20 May 2026 (reference WIRE-77). Thank you. Your balance is now $600.00 USD.\n\nKind regards,\nTest Hosting',
    );
    const [audit] = receiptAudits();
    expect(audit).toMatchObject({ actor, entity: 'payment', entityId: String(recorded.payment.id), clientId: w.acme.id });
    expect(JSON.parse(audit.afterJson!)).toEqual({ amount: '$400.00 USD', to: 'ap@acme.com, ann@acme.com', messageId: message.id });
  });

  it('states credit in the client’s favour, never adds other currencies in, and names the payment when it has no reference', () => {
    issuedInvoice(w.db, {
      clientId: w.acme.id,
      contractId: w.contracts.acme.id,
      period: '2026-04',
      totalMinor: 50_000,
      currency: 'EUR',
      issuedAt: '2026-05-03T15:00:00Z',
    });
    const recorded = pay(w.db, { clientId: w.acme.id, amount: '1050.00', receivedAt: '2026-05-20' });
    expect(outbox()[0].body).toContain(
      `payment of $1,050.00 USD on 20 May 2026 (reference Payment #${recorded.payment.id}). Thank you. Your balance is now $50.00 USD in your favour, €500.00 EUR.`,
    );
  });

  it('sends none when the person opts out, or when Settings turn receipts off unless the person asks for one', () => {
    expect(getSettings(w.db).sendPaymentReceipts).toBe(true);
    expect(pay(w.db, { clientId: w.acme.id, amount: '100', sendReceipt: false }).receipt).toBeNull();
    expect(outbox()).toEqual([]);

    setReceipts(false);
    expect(getSettings(w.db).sendPaymentReceipts).toBe(false);
    expect(pay(w.db, { clientId: w.acme.id, amount: '100' }).receipt).toBeNull();
    expect(outbox()).toEqual([]);
    expect(receiptAudits()).toEqual([]);

    expect(pay(w.db, { clientId: w.acme.id, amount: '100', sendReceipt: true }).receipt).toMatchObject({ to: ['ops@acme.com'] });
    expect(outbox()).toHaveLength(1);
  });

  it('writes no receipt when the payment is refused', () => {
    expect(() => pay(w.db, { clientId: w.acme.id, amount: '100', fee: '200' })).toThrow(/The fee .* is more than the payment itself/);
    expect(outbox()).toEqual([]);
  });

  it('uses the office’s own words once the template is edited', () => {
    const edited = contract['mail.templates.update'].input.parse({
      kind: 'receipt',
      subject: 'Thanks, {{client.name}}',
      body: '{{payment.amount}} arrived on {{payment.date}}; balance {{client.balance}}.',
    });
    updateMailTemplate(w.db, edited, actor);
    pay(w.db, { clientId: w.acme.id, amount: '1000', receivedAt: '2026-05-20' });
    expect(outbox()[0]).toMatchObject({ subject: 'Thanks, Acme Hashing', body: '$1,000.00 USD arrived on 20 May 2026; balance $0.00 USD.' });
  });
});

describe('a payment receipt against a real SMTP server on loopback', () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.stop();
    sink = undefined;
  });

  it('leaves through the outbox and arrives with the filled text', async () => {
    const secrets = createSecretBox(randomBytes(32));
    sink = await startSmtpSink({ port: await freeLoopbackPort(), spool: join(w.t.dir, 'spool') });
    useSmtp({ db: w.db, secrets }, sink.port);
    pay(w.db, { clientId: w.acme.id, amount: '250.50', reference: 'TX-9', receivedAt: '2026-05-20' });
    const sender = createMailSender(w.db, { schedule: false, secrets, log: { error: () => undefined }, limits: { connectMs: 3_000, socketMs: 5_000 } });
    try {
      await expect(sender.drain()).resolves.toMatchObject({ sent: 1, failed: 0 });
    } finally {
      sender.shutdown();
    }
    const [mail] = await sink.waitFor(1);
    expect(mail).toMatchObject({ rcptTos: ['ops@acme.com'], from: 'Northwind Billing <billing@northwind.test>', subject: 'Payment received: $250.50 USD' });
    expect(mail.text).toContain('We received your payment of $250.50 USD on 20 May 2026 (reference TX-9). Thank you. Your balance is now $749.50 USD.');
    expect(mail.attachments).toEqual([]);
    expect(outbox()[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
