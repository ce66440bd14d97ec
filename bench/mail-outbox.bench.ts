import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../db/open-db';
import { contract } from '../electron/contract';
import { sendAnnouncement } from '../electron/services/mail/announcements';
import { queueMail } from '../electron/services/mail/mail.outbox';
import { createMailSender } from '../electron/services/mail/mail.sender';
import { updateMailSettings } from '../electron/services/mail/mail.settings';
import { createSecretBox } from '../electron/services/secrets/secret-box';
import { freeLoopbackPort, startSmtpSink } from '../tests/helpers/smtp-sink';

const MESSAGES = 500;
const at = '2026-01-01T00:00:00.000Z';

/**
 * The outbox drained to a real SMTP server on loopback (the aiosmtpd sink of the tests, which parses every
 * message): 500 messages, half an announcement to 250 clients, half a statement-sized 40 KB PDF each, through
 * the sender's pooled connections. Target: all 500 accepted within 30 s. Wall and this process's CPU time.
 */
export async function drain500(): Promise<Record<string, number | string | null>> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-mail-'));
  const db = openDb(join(dir, 'bench.db'));
  const secrets = createSecretBox(randomBytes(32));
  const sink = await startSmtpSink({ port: await freeLoopbackPort(), spool: join(dir, 'spool') });
  try {
    const sqlite = db.$client;
    sqlite.prepare(`INSERT INTO staff (id, name, created_at, updated_at) VALUES (1, 'Manager', ?, ?)`).run(at, at);
    const client = sqlite.prepare(`INSERT INTO clients (name, contact_email, manager_id, created_at, updated_at) VALUES (?, ?, 1, ?, ?)`);
    for (let i = 1; i <= MESSAGES / 2; i += 1) client.run(`Client ${i}`, `c${i}@example.com`, at, at);
    const settings = { host: '127.0.0.1', port: sink.port, security: 'none', fromName: 'Bench Hosting', fromAddress: 'billing@bench.test' };
    updateMailSettings(db, contract['mail.settings.update'].input.parse(settings), secrets, 'bench');
    sendAnnouncement(db, { subject: 'Power work', body: 'Dear {{client.name}}, the site is off on Sunday.', audience: { kind: 'all' } }, 'bench');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.3\n'), randomBytes(40_000)]);
    db.transaction((tx) => {
      for (let i = 1; i <= MESSAGES / 2; i += 1)
        queueMail(tx, {
          to: [`c${i}@example.com`],
          subject: `Statement ${i}`,
          body: 'Your statement is attached.',
          clientId: i,
          attachments: [{ fileName: `statement-${i}.pdf`, contentType: 'application/pdf', content: pdf }],
        });
    });

    const sender = createMailSender(db, { schedule: false, secrets, log: { error: () => undefined } });
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await sender.drain();
    const wallMs = Math.round(performance.now() - start);
    const used = process.cpuUsage(cpu);
    sender.shutdown();
    const received = (await sink.waitFor(MESSAGES, 30_000)).length;
    return {
      messages: MESSAGES,
      sent: result.sent,
      receivedBySink: received,
      wallMs,
      cpuMs: Math.round((used.user + used.system) / 1000),
      targetMs: 30_000,
      withinTarget: wallMs <= 30_000 && result.sent === MESSAGES ? 'yes' : 'no',
    };
  } finally {
    await sink.stop();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
