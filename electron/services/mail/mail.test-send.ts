import type { Db } from '../../../db/open-db';
import type { MailTestResult } from '../../contract/mail';
import { recordAudit } from '../audit/record-audit';
import type { SecretBox } from '../secrets/secret-box';
import { describeSmtpFailure } from './mail.errors';
import { readSmtpServer } from './mail.settings';
import { openSmtpTransport, senderOf, type SmtpLimits } from './mail.transport';

const notSetUp: MailTestResult = {
  sent: false,
  sentence: 'E-mail is not set up yet: fill in the mail server and the sender address, save, then send the test again.',
  serverAnswer: null,
};

/** `mail.test`: one e-mail straight to the server with the saved settings (not through the outbox), and its answer in words. */
export async function sendTestMail(db: Db, to: string, deps: { secrets: SecretBox; limits: SmtpLimits }, actor: string): Promise<MailTestResult> {
  const server = readSmtpServer(db, deps.secrets);
  if (!server) return notSetUp;
  const where = `${server.host}:${server.port}`;
  const transport = await openSmtpTransport(server, deps.limits);
  let result: MailTestResult;
  try {
    const info = await transport.sendMail({
      from: senderOf(server),
      to,
      replyTo: server.replyTo ?? undefined,
      subject: `Test e-mail from Hashdesk (${server.fromName})`,
      text: `This is a test e-mail sent from Hashdesk through ${where}.\n\nIf you can read it, invoices, statements and announcements will reach your clients the same way.`,
    });
    const answer = String(info.response ?? '').trim();
    result = { sent: true, sentence: `The mail server at ${where} accepted the test e-mail for ${to}.`, serverAnswer: answer || null };
  } catch (error) {
    const failure = describeSmtpFailure(error, server);
    result = { sent: false, sentence: failure.sentence, serverAnswer: failure.serverAnswer };
  } finally {
    transport.close();
  }
  recordAudit(db, {
    actor,
    action: result.sent ? 'mail.test_sent' : 'mail.test_failed',
    entity: 'mail_settings',
    entityId: 1,
    after: { to, server: where, outcome: result.sentence },
  });
  return result;
}
