import type { DbOrTx } from '../../../db/open-db';
import { formatDate } from '../../contract/dates';
import { AppError } from '../../contract/errors';
import { formatMoney } from '../../contract/money';
import type { StatementSendResult } from '../../contract/reports';
import { recordAudit } from '../audit/record-audit';
import { billingRecipients } from '../mail/mail.invoices';
import { queueMail } from '../mail/mail.outbox';
import { renderMailTemplate } from '../mail/mail.templates';
import { buildStatement, type Statement } from './statement.data';
import { renderStatementPdf, statementFileName } from './statement.pdf';

const balances = (s: Statement, pick: 'openingMinor' | 'closingMinor') =>
  s.sections.map((section) => `${formatMoney(section[pick], section.currency)} ${section.currency}`).join(', ');

/** The Statement template's placeholders, filled for this statement. */
function statementValues(s: Statement): Record<string, string> {
  return {
    'organisation.name': s.organisation.name,
    'client.name': s.client.name,
    'client.company': s.client.company,
    'statement.from': formatDate(s.from, 'UTC'),
    'statement.to': formatDate(s.to, 'UTC'),
    'statement.openingBalance': balances(s, 'openingMinor'),
    'statement.closingBalance': balances(s, 'closingMinor'),
  };
}

/**
 * `clients.statement.send`: the statement printed now (a statement is a picture of the journal on the day it is
 * asked for) and queued with the Statement template to the client's billing address, its billing contacts in copy.
 */
export async function sendStatement(
  db: DbOrTx,
  input: { clientId: number; from: string; to: string },
  actor: string,
  now = new Date(),
): Promise<StatementSendResult> {
  const statement = buildStatement(db, input.clientId, input.from, input.to);
  const pdf = await renderStatementPdf(statement);
  return db.transaction((tx) => {
    const { to, cc } = billingRecipients(tx, input.clientId);
    if (!to.length) throw new AppError('NOT_FOUND', `${statement.client.name} has no e-mail address: add one on the client page, then send the statement.`);
    const text = renderMailTemplate(tx, 'statement', statementValues(statement));
    const messageId = queueMail(
      tx,
      {
        to,
        cc,
        ...text,
        template: 'statement',
        related: { kind: 'statement', id: input.clientId },
        clientId: input.clientId,
        attachments: [{ fileName: statementFileName(statement), contentType: 'application/pdf', content: pdf }],
      },
      now,
    );
    const recipients = [...to, ...cc];
    recordAudit(tx, {
      actor,
      action: 'client.statement_queued',
      entity: 'client',
      entityId: input.clientId,
      clientId: input.clientId,
      after: { period: `${input.from} to ${input.to}`, to: recipients.join(', '), messageId },
    });
    const summary = `Statement for ${formatDate(input.from, 'UTC')} – ${formatDate(input.to, 'UTC')} queued for e-mail to ${recipients.join(', ')}.`;
    return { messageId, to: recipients, summary };
  });
}
