import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, clients, mailAttempts, mailMessages } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { openMailWorld, useSmtp, type MailWorld } from '../../../tests/helpers/mail-fixtures';
import { freeLoopbackPort, selfSignedCertificate, startSmtpSink, type SinkOptions, type SmtpSink } from '../../../tests/helpers/smtp-sink';
import { sendAnnouncement } from './announcements';
import { backoffDelay, type Backoff } from './mail.delivery';
import { sendInvoices } from './mail.invoices';
import { createMailSender, type MailSender } from './mail.sender';
import { sendTestMail } from './mail.test-send';
import { defaultSmtpLimits, type SmtpLimits } from './mail.transport';

let w: MailWorld;
let sinks: SmtpSink[] = [];
let senders: MailSender[] = [];
beforeEach(async () => {
  w = await openMailWorld();
});
afterEach(async () => {
  senders.forEach((sender) => sender.shutdown());
  await Promise.all(sinks.map((sink) => sink.stop()));
  sinks = [];
  senders = [];
  w.t.close();
});

const quickLimits: SmtpLimits = { connectMs: 3_000, socketMs: 5_000 };
const quickBackoff: Backoff = { firstMs: 100, maxMs: 400, giveUpAfterMs: 3_600_000 };

async function sink(options: Partial<SinkOptions> = {}): Promise<SmtpSink> {
  const started = await startSmtpSink({ port: options.port ?? (await freeLoopbackPort()), spool: join(w.t.dir, `spool-${sinks.length}`), ...options });
  sinks.push(started);
  return started;
}

function sender(options: Partial<Parameters<typeof createMailSender>[1]> = {}): MailSender {
  const made = createMailSender(w.db, {
    schedule: false,
    secrets: w.secrets,
    log: { error: () => undefined },
    limits: quickLimits,
    backoff: quickBackoff,
    ...options,
  });
  senders.push(made);
  return made;
}

const messages = () => w.db.select().from(mailMessages).orderBy(mailMessages.id).all();
const attemptsOf = (id: number) => w.db.select().from(mailAttempts).where(eq(mailAttempts.messageId, id)).orderBy(mailAttempts.id).all();

async function until<T>(read: () => T, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const value = read();
    if (done(value)) return value;
  }
  throw new Error(`Waited ${timeoutMs / 1000} s for ${what}.`);
}

describe('the outbox against a real SMTP server on loopback', () => {
  it('delivers an invoice with its PDF, from the sender in Settings, and logs the server’s answer', async () => {
    const server = await sink();
    useSmtp(w, server.port);
    const result = sendInvoices(w.db, { ids: [w.issued.id, w.held.id], template: 'invoice' }, actor);
    expect(result.queued).toHaveLength(1);
    expect(result.summary).toMatch(/^1 invoice queued for e-mail\. Not sent: Held invoice #\d+ is held/);
    await expect(sender().drain()).resolves.toMatchObject({ sent: 1, failed: 0, serverProblem: false });

    const [mail] = await server.waitFor(1);
    expect(mail).toMatchObject({
      rcptTos: ['ops@acme.com'],
      from: 'Northwind Billing <billing@northwind.test>',
      replyTo: 'accounts@northwind.test',
      subject: `Invoice ${w.issued.number} from Northwind Hosting`,
    });
    expect(mail.text).toContain('Dear Acme Hashing,');
    expect(mail.text).toContain('March 2026');
    expect(mail.attachments).toEqual([{ fileName: `${w.issued.number}.pdf`, contentType: 'application/pdf', size: expect.any(Number), head: '%PDF-1.3' }]);
    expect(mail.attachments[0].size).toBeGreaterThan(2_000);
    const [row] = messages();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, nextAttemptAt: null });
    expect(attemptsOf(row.id)).toEqual([expect.objectContaining({ ok: true, detail: 'Accepted by the server: 250 Message accepted for delivery' })]);
  });

  it('keeps mail while the server is down, backs off doubling up to the cap, and delivers once it is back', async () => {
    const port = await freeLoopbackPort();
    useSmtp(w, port);
    sendAnnouncement(w.db, { subject: 'Power work on Sunday', body: 'Dear {{client.name}}, the site is off from 08:00.', audience: { kind: 'all' } }, actor);
    const loop = sender({ schedule: true, idleMs: 200 });
    loop.wake();

    const waiting = await until(messages, (rows) => rows.every((r) => r.attempts >= 4), 'four failed tries of each message');
    for (const row of waiting) {
      expect(row.status).toBe('failed_retrying');
      expect(row.lastError).toBe(
        `Nothing answered at 127.0.0.1:${port}: the connection was refused. Check the host and port, and that the mail server is running.`,
      );
      const tries = attemptsOf(row.id);
      expect(tries.every((t) => !t.ok)).toBe(true);
      // Never earlier than planned: each wait at least the back-off of the try before it (100, 200, 400, 400 ms).
      for (let i = 1; i < tries.length; i++)
        expect(Date.parse(tries[i].at) - Date.parse(tries[i - 1].at)).toBeGreaterThanOrEqual(backoffDelay(quickBackoff, i) - 5);
    }
    const [first] = waiting;
    expect(Date.parse(first.nextAttemptAt!) - Date.parse(attemptsOf(first.id).at(-1)!.at)).toBe(backoffDelay(quickBackoff, first.attempts));
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(quickBackoff, n))).toEqual([100, 200, 400, 400, 400]);

    const server = await sink({ port });
    const received = await server.waitFor(2);
    expect(received.map((m) => m.rcptTos[0]).sort()).toEqual(['it@boreal.no', 'ops@acme.com']);
    expect(received.find((m) => m.rcptTos[0] === 'it@boreal.no')!.text.trim()).toBe('Dear Boreal, the site is off from 08:00.');
    const sent = await until(messages, (rows) => rows.every((r) => r.status === 'sent'), 'every message marked sent');
    for (const row of sent) expect(attemptsOf(row.id).at(-1)).toMatchObject({ ok: true });
  });

  it('says the server refused the login, retries with the new password and never writes the password anywhere', async () => {
    const server = await sink({ user: 'office', password: 'right-horse' });
    useSmtp(w, server.port, { username: 'office', password: 'wrong-horse' });
    const test = await sendTestMail(w.db, 'ops@northwind.test', { secrets: w.secrets, limits: quickLimits }, actor);
    expect(test).toEqual({
      sent: false,
      sentence: `The mail server at 127.0.0.1:${server.port} refused the login for “office”: 535 5.7.8 Authentication credentials invalid. Check the user name and password in Settings → E-mail.`,
      serverAnswer: '535 5.7.8 Authentication credentials invalid',
    });
    sendInvoices(w.db, { ids: [w.issued.id], template: 'invoice' }, actor);
    const loop = sender();
    await expect(loop.drain()).resolves.toMatchObject({ sent: 0, serverProblem: true });
    expect(messages()[0]).toMatchObject({ status: 'failed_retrying', attempts: 1, lastError: expect.stringMatching(/refused the login for “office”/) });

    useSmtp(w, server.port, { username: 'office', password: 'right-horse' });
    loop.serverChanged();
    await expect(loop.drain()).resolves.toMatchObject({ sent: 1 });
    expect((await server.waitFor(1))[0].login).toBe(true);
    const written = JSON.stringify([w.db.select().from(auditLog).all(), messages(), w.db.select().from(mailAttempts).all()]);
    expect(written).not.toMatch(/horse/);
    expect(readFileSync(w.t.file).includes('horse')).toBe(false);
  });

  it('gives up at once on a mailbox the server refuses for good, and goes on with the others', async () => {
    const server = await sink();
    useSmtp(w, server.port);
    w.db.update(clients).set({ contactEmail: 'nobody@boreal.no' }).where(eq(clients.id, w.boreal.id)).run();
    sendAnnouncement(w.db, { subject: 'Hello', body: 'Hello {{client.name}}', audience: { kind: 'all' } }, actor);
    await expect(sender().drain()).resolves.toMatchObject({ sent: 1, failed: 1, serverProblem: false });
    const refused = messages().find((r) => r.clientId === w.boreal.id)!;
    expect(refused).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(refused.lastError).toBe(
      `The mail server at 127.0.0.1:${server.port} refused the recipient: 550 5.1.1 No such mailbox here. Check the e-mail address.`,
    );
    expect(server.received().map((m) => m.rcptTos)).toEqual([['ops@acme.com']]);
  });

  it('speaks TLS and STARTTLS with a trusted certificate, and says what is wrong otherwise', async () => {
    const { cert, key } = selfSignedCertificate(w.t.dir);
    const ca = readFileSync(cert);
    const tls = await sink({ tls: 'implicit', cert, key });
    const starttls = await sink({ tls: 'starttls', cert, key });
    const plain = await sink();
    const test = (limits = quickLimits) => sendTestMail(w.db, 'ops@northwind.test', { secrets: w.secrets, limits }, actor);

    useSmtp(w, tls.port, { security: 'tls' });
    expect((await test()).sentence).toBe(
      `The secure connection to 127.0.0.1:${tls.port} failed: the server's certificate is self-signed. Give the mail server a certificate this computer trusts, or ask its administrator.`,
    );
    expect(await test({ ...defaultSmtpLimits, ca })).toMatchObject({ sent: true, serverAnswer: '250 Message accepted for delivery' });

    useSmtp(w, starttls.port, { security: 'starttls' });
    expect(await test({ ...quickLimits, ca })).toMatchObject({ sent: true });
    useSmtp(w, starttls.port, { security: 'none' });
    expect((await test()).sentence).toMatch(/asks for an encrypted connection first: 530 Must issue a STARTTLS command first\. Choose STARTTLS/);

    useSmtp(w, plain.port, { security: 'tls' });
    expect((await test()).sentence).toMatch(/did not answer in TLS: it expects plain SMTP on this port/);
    useSmtp(w, plain.port, { security: 'starttls' });
    expect((await test()).sentence).toBe(
      `The mail server at 127.0.0.1:${plain.port} does not offer STARTTLS (454 TLS not available). Choose TLS if it expects TLS on this port, or None.`,
    );
    expect(tls.received().length + starttls.received().length).toBe(2);
  });
});
