import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, clients, invoices, mailMessages, mailSettings } from '../../../db/schema';
import { openMailWorld, type MailWorld } from '../../../tests/helpers/mail-fixtures';
import type { CallName } from '../../contract';
import type { Announcement, InvoiceSendResult, MailMessage, MailOutbox, MailSettings, MailTemplate } from '../../contract/mail';
import { permissionsOfRole } from '../../contract/roles';
import { dispatch } from '../../transports/dispatch';
import { createHandlers } from '../handlers';
import { createSecretBox } from '../secrets/secret-box';

let w: MailWorld;
let run: (name: CallName, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
beforeEach(async () => {
  w = await openMailWorld();
  const handlers = createHandlers(w.db, { version: 'test', secrets: w.secrets });
  const log = { error: vi.fn(), info: vi.fn() };
  run = (name, input) => dispatch(handlers, name, input, { actor: 'tester', log, permissions: permissionsOfRole('administrator') }) as never;
});
afterEach(() => w.t.close());

async function ok<T>(name: CallName, input: unknown): Promise<T> {
  const outcome = await run(name, input);
  if (!outcome.ok) throw new Error(`${name} failed: ${outcome.error!.message}`);
  return outcome.value as T;
}
async function refused(name: CallName, input: unknown): Promise<string> {
  const outcome = await run(name, input);
  expect(outcome.ok).toBe(false);
  return outcome.error!.message;
}

const server = { host: '127.0.0.1', port: 2525, security: 'none', fromName: 'Northwind Billing', fromAddress: 'Billing@Northwind.test' };
const auditRows = (action: string) => w.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('mail settings', () => {
  it('seal the password, never return it, keep it when left out and remove it on null; the audit says only that it changed', async () => {
    expect(await ok<MailSettings>('mail.settings.get', {})).toMatchObject({ configured: false, passwordSet: false, host: '' });
    const saved = await ok<MailSettings>('mail.settings.update', { ...server, username: 'office', password: 'hunter2-secret' });
    expect(saved).toMatchObject({ configured: true, passwordSet: true, username: 'office', fromAddress: 'billing@northwind.test', replyTo: null });
    expect(JSON.stringify(saved)).not.toContain('hunter2');
    const stored = w.db.select().from(mailSettings).get()!;
    expect(stored.passwordEnc).toMatch(/^v1\./);
    expect(w.secrets.open(stored.passwordEnc!)).toBe('hunter2-secret');

    await ok('mail.settings.update', { ...server, port: 587, security: 'starttls', username: 'office' });
    expect(w.secrets.open(w.db.select().from(mailSettings).get()!.passwordEnc!)).toBe('hunter2-secret');
    expect(JSON.stringify(await ok('mail.settings.get', {}))).not.toContain('hunter2');
    expect(await ok<MailSettings>('mail.settings.update', { ...server, password: null })).toMatchObject({ passwordSet: false });

    const audits = auditRows('mail_settings.updated');
    expect(audits).toHaveLength(3);
    expect(JSON.parse(audits[0].afterJson!)).toMatchObject({ passwordSet: true, passwordChanged: true, host: '127.0.0.1' });
    expect(JSON.parse(audits[1].afterJson!)).toMatchObject({ passwordChanged: false, port: 587 });
    expect(JSON.stringify(audits)).not.toContain('hunter2');
  });

  it('refuse a host that is not one, a port out of range and a bad sender address, in words, changing nothing', async () => {
    expect(await refused('mail.settings.update', { ...server, host: 'smtp..example' })).toMatch(/^Address: must be an IPv4 address.*a host name uses letters/);
    expect(await refused('mail.settings.update', { ...server, host: '239.1.2.3' })).toMatch(/multicast address/);
    expect(await refused('mail.settings.update', { ...server, port: 70_000 })).toMatch(/Port: must be from 1 to 65535/);
    expect(await refused('mail.settings.update', { ...server, fromAddress: 'billing' })).toMatch(/must be a valid e-mail address/);
    expect(await refused('mail.settings.update', { ...server, security: 'ssl' })).toMatch(/must be none, STARTTLS or TLS/);
    expect(w.db.select().from(mailSettings).all()).toEqual([]);
  });

  it('ask for the password again when the saved one was sealed on another computer', async () => {
    await ok('mail.settings.update', { ...server, username: 'office', password: 'hunter2-secret' });
    const elsewhere = createHandlers(w.db, { version: 'test', secrets: createSecretBox(randomBytes(32)) });
    const outcome = await dispatch(
      elsewhere,
      'mail.test',
      { to: 'ops@northwind.test' },
      { actor: 'tester', log: { error: vi.fn(), info: vi.fn() }, permissions: permissionsOfRole('administrator') },
    );
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'The saved mail server password cannot be opened on this computer. Enter it again in Settings → E-mail and save.' },
    });
  });

  it('send no test e-mail before a server is saved, and say so', async () => {
    expect(await ok('mail.test', { to: 'ops@northwind.test' })).toEqual({
      sent: false,
      sentence: 'E-mail is not set up yet: fill in the mail server and the sender address, save, then send the test again.',
      serverAnswer: null,
    });
  });
});

describe('mail templates', () => {
  it('refuse a placeholder the kind of message does not know, naming it and the ones it may use', async () => {
    const message = await refused('mail.templates.update', { kind: 'invoice', subject: 'Invoice {{invoice.numbr}}', body: 'Hello {{payment.amount}}' });
    expect(message).toContain('Subject: uses a placeholder it does not know: {{invoice.numbr}}. It may use {{organisation.name}}, {{client.name}}');
    expect(message).toContain('Body: uses a placeholder it does not know: {{payment.amount}}');
    expect(await refused('mail.templates.update', { kind: 'receipt', subject: 'Paid {{payment.amount', body: 'x' })).toMatch(/without its closing/);
    const listed = await ok<MailTemplate[]>('mail.templates.list', {});
    expect(listed.map((t) => [t.kind, t.edited])).toEqual([
      ['invoice', false],
      ['statement', false],
      ['receipt', false],
      ['reminder', false],
    ]);
  });

  it('fill the office’s own words into the invoices it sends', async () => {
    await ok('mail.templates.update', {
      kind: 'invoice',
      subject: '{{ organisation.name }}: {{invoice.number}}',
      body: 'Total {{invoice.total}}, due {{invoice.dueDate}}.',
    });
    expect(auditRows('mail_template.updated')).toHaveLength(1);
    await ok('invoices.send', { ids: [w.issued.id] });
    const [message] = (await ok<MailOutbox>('mail.outbox.list', {})).rows;
    expect(message.subject).toBe(`Northwind Hosting: ${w.issued.number}`);
    expect(message.body).toMatch(/^Total \$\d[\d,]*\.\d{2}, due \d{1,2} \w{3} \d{4}\.$/);
  });
});

describe('invoices.send', () => {
  it('queues the invoice with its PDF to the billing address and billing contacts, never a held one, and sends again on request', async () => {
    w.db.update(clients).set({ billingEmail: 'accounts@acme.com' }).where(eq(clients.id, w.acme.id)).run();
    await ok('clients.contacts.create', { clientId: w.acme.id, name: 'Ann Ledger', email: 'ann@acme.com', role: 'billing' });
    const first = await ok<InvoiceSendResult>('invoices.send', { ids: [w.issued.id, w.held.id] });
    expect(first.queued).toEqual([
      { invoiceId: w.issued.id, number: w.issued.number, to: ['accounts@acme.com', 'ann@acme.com'], messageId: expect.any(Number) },
    ]);
    expect(first.skipped).toEqual([
      { invoiceId: w.held.id, label: `Held invoice #${w.held.id}`, reason: 'is held (its client is In Default) and is never sent' },
    ]);
    expect(first.summary).toBe(`1 invoice queued for e-mail. Not sent: Held invoice #${w.held.id} is held (its client is In Default) and is never sent.`);
    const again = await ok<InvoiceSendResult>('invoices.send', { ids: [w.issued.id], template: 'reminder' });
    expect(again.summary).toBe('1 reminder queued for e-mail.');
    const outbox = await ok<MailOutbox>('mail.outbox.list', {});
    expect(outbox.total).toBe(2);
    expect(outbox.statusCounts).toMatchObject({ queued: 2, sent: 0 });
    const [reminder, invoice] = outbox.rows;
    expect(invoice).toMatchObject({
      to: ['accounts@acme.com'],
      cc: ['ann@acme.com'],
      template: 'invoice',
      related: { kind: 'invoice', id: w.issued.id, label: w.issued.number },
      clientName: 'Acme Hashing',
      attachments: [`${w.issued.number}.pdf`],
    });
    expect(reminder.subject).toBe(`Reminder: invoice ${w.issued.number} is overdue`);
    expect(auditRows('invoice.email_queued')).toHaveLength(1);
    expect(auditRows('invoice.reminder_queued')).toHaveLength(1);
  });

  it('refuses a draft and sends nothing of the request', async () => {
    w.db.update(invoices).set({ status: 'draft', number: null }).where(eq(invoices.id, w.held.id)).run();
    expect(await refused('invoices.send', { ids: [w.issued.id, w.held.id] })).toBe(
      `Draft invoice #${w.held.id} is a draft: issue it before sending it. Nothing was sent.`,
    );
    expect(await refused('invoices.send', { ids: [99_999] })).toMatch(/Invoice #99999 was not found/);
    expect(w.db.select().from(mailMessages).all()).toEqual([]);
  });
});

describe('the outbox', () => {
  it('retries a failed message, refuses to retry a sent one, and audits the retry', async () => {
    const { queued } = await ok<InvoiceSendResult>('invoices.send', { ids: [w.issued.id] });
    const id = queued[0].messageId;
    expect(await refused('mail.outbox.retry', { id })).toBe(`E-mail #${id} cannot be retried: it is still waiting to be sent.`);
    w.db.update(mailMessages).set({ status: 'failed', nextAttemptAt: null, lastError: 'Nothing answered.' }).where(eq(mailMessages.id, id)).run();
    expect((await ok<MailOutbox>('mail.outbox.list', { status: 'failed' })).rows.map((m) => m.id)).toEqual([id]);
    expect(await ok<MailMessage>('mail.outbox.retry', { id })).toMatchObject({ status: 'queued', lastError: 'Nothing answered.' });
    expect(auditRows('mail_message.retried')).toHaveLength(1);
    w.db.update(mailMessages).set({ status: 'sent' }).where(eq(mailMessages.id, id)).run();
    expect(await refused('mail.outbox.retry', { id })).toMatch(/it was sent already/);
  });
});

describe('announcements', () => {
  const body = 'Dear {{client.name}}, {{organisation.name}} will cut power on Sunday.';

  it('write to each client of a group, a site or the selected miners, one message each with the name filled in', async () => {
    const group = await ok<{ id: number }>('clients.groups.create', { name: 'Whales' });
    w.db.update(clients).set({ groupId: group.id }).where(eq(clients.id, w.boreal.id)).run();
    const byGroup = await ok<Announcement>('announcements.send', { subject: 'Power work', body, audience: { kind: 'group', groupId: group.id } });
    expect(byGroup).toMatchObject({ audienceText: 'Clients of group Whales', statusCounts: { queued: 1 } });
    expect(byGroup.recipients).toEqual([expect.objectContaining({ clientName: 'Boreal', to: 'it@boreal.no', status: 'queued', attempts: 0 })]);

    const bySite = await ok<Announcement>('announcements.send', { subject: 'Site', body, audience: { kind: 'site', siteId: w.site.id } });
    expect(bySite.recipients.map((r) => r.clientName)).toEqual(['Acme Hashing']);
    const byMiners = await ok<Announcement>('announcements.send', {
      subject: 'Miners',
      body,
      audience: { kind: 'miners', minerIds: [w.miners.acme1.id, w.miners.acme2.id, w.miners.stock1.id] },
    });
    expect(byMiners).toMatchObject({ audienceText: 'Clients of 3 selected miners' });
    expect(byMiners.recipients.map((r) => r.clientName)).toEqual(['Acme Hashing']);
    const everyone = await ok<Announcement>('announcements.send', { subject: 'All', body, audience: { kind: 'all' } });
    expect(everyone.recipients.map((r) => r.clientName)).toEqual(['Acme Hashing', 'Boreal']);

    const [message] = (await ok<MailOutbox>('mail.outbox.list', { limit: 1 })).rows;
    expect(message).toMatchObject({
      body: 'Dear Boreal, Northwind Hosting will cut power on Sunday.',
      related: { kind: 'announcement', label: 'Announcement “All”' },
    });
    const listed = await ok<{ rows: Announcement[]; total: number }>('announcements.list', {});
    expect(listed.total).toBe(4);
    expect(listed.rows.map((a) => a.subject)).toEqual(['All', 'Miners', 'Site', 'Power work']);
    expect(auditRows('announcement.queued')).toHaveLength(4);
  });

  it('refuse an audience with nobody in it, a miner that is gone, and a placeholder an announcement cannot fill', async () => {
    const group = await ok<{ id: number }>('clients.groups.create', { name: 'Empty' });
    expect(await refused('announcements.send', { subject: 'x', body: 'y', audience: { kind: 'group', groupId: group.id } })).toBe(
      'Clients of group Empty: there is no client to write to. Choose another audience.',
    );
    expect(await refused('announcements.send', { subject: 'x', body: 'y', audience: { kind: 'miners', minerIds: [w.miners.acme1.id, 77_777] } })).toBe(
      '1 selected miner no longer exists. Reload the miners list and select again.',
    );
    expect(await refused('announcements.send', { subject: 'x', body: 'Due {{invoice.total}}', audience: { kind: 'all' } })).toMatch(
      /Body: uses a placeholder it does not know: \{\{invoice\.total\}\}/,
    );
    expect(w.db.select().from(mailMessages).all()).toEqual([]);
  });
});
