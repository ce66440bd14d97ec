import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { mailTemplates } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import type { MailTemplate } from '../../contract/mail';
import { fillPlaceholders } from '../../contract/mail.placeholders';
import { mailPlaceholders, mailTemplateKinds, mailTemplateLabels, type MailTemplateKind } from '../../contract/mail.vocab';
import { recordAudit } from '../audit/record-audit';

const signature = '\n\nKind regards,\n{{organisation.name}}';

/** The words each message starts from until the office edits them in Settings → E-mail. */
export const builtInTemplates: Record<MailTemplateKind, { subject: string; body: string }> = {
  invoice: {
    subject: 'Invoice {{invoice.number}} from {{organisation.name}}',
    body: `Dear {{client.name}},\n\nPlease find attached invoice {{invoice.number}} for {{invoice.period}}: {{invoice.total}}, due on {{invoice.dueDate}}.\n\nThank you for your business.${signature}`,
  },
  reminder: {
    subject: 'Reminder: invoice {{invoice.number}} is overdue',
    body: `Dear {{client.name}},\n\nInvoice {{invoice.number}} was due on {{invoice.dueDate}}, {{invoice.daysOverdue}} days ago, and {{invoice.amountDue}} of it is still open. The invoice is attached again.\n\nIf you have paid already, please ignore this reminder.${signature}`,
  },
  statement: {
    subject: 'Statement of account from {{organisation.name}}',
    body: `Dear {{client.name}},\n\nPlease find attached your statement for {{statement.from}} to {{statement.to}}. Opening balance {{statement.openingBalance}}, closing balance {{statement.closingBalance}}.${signature}`,
  },
  receipt: {
    subject: 'Payment received: {{payment.amount}}',
    body: `Dear {{client.name}},\n\nWe received your payment of {{payment.amount}} on {{payment.date}} (reference {{payment.reference}}). Thank you. Your balance is now {{client.balance}}.${signature}`,
  },
};

type TemplateRow = typeof mailTemplates.$inferSelect;

function toTemplate(kind: MailTemplateKind, row: TemplateRow | undefined): MailTemplate {
  const text = row ?? builtInTemplates[kind];
  return { kind, subject: text.subject, body: text.body, placeholders: mailPlaceholders[kind], edited: row !== undefined, updatedAt: row?.updatedAt ?? null };
}

const readRow = (db: DbOrTx, kind: MailTemplateKind) => db.select().from(mailTemplates).where(eq(mailTemplates.kind, kind)).get();

export function listMailTemplates(db: DbOrTx): MailTemplate[] {
  const rows = new Map(
    db
      .select()
      .from(mailTemplates)
      .all()
      .map((row) => [row.kind, row]),
  );
  return mailTemplateKinds.map((kind) => toTemplate(kind, rows.get(kind)));
}

/** Saves the office's words for one kind of message (the contract has refused unknown placeholders). */
export function updateMailTemplate(db: DbOrTx, input: ParsedInputOf<Contract['mail.templates.update']>, actor: string): MailTemplate {
  return db.transaction((tx) => {
    const before = toTemplate(input.kind, readRow(tx, input.kind));
    const row: TemplateRow = { kind: input.kind, subject: input.subject, body: input.body, updatedAt: new Date().toISOString() };
    tx.insert(mailTemplates).values(row).onConflictDoUpdate({ target: mailTemplates.kind, set: row }).run();
    recordAudit(tx, {
      actor,
      action: 'mail_template.updated',
      entity: 'mail_template',
      entityId: input.kind,
      before: { name: mailTemplateLabels[input.kind], subject: before.subject, body: before.body },
      after: { name: mailTemplateLabels[input.kind], subject: row.subject, body: row.body },
    });
    return toTemplate(input.kind, row);
  });
}

/** The subject and body of one message of this kind, its placeholders filled with `values`. */
export function renderMailTemplate(db: DbOrTx, kind: MailTemplateKind, values: Readonly<Record<string, string>>): { subject: string; body: string } {
  const template = toTemplate(kind, readRow(db, kind));
  return { subject: fillPlaceholders(template.subject, values).replace(/\s+/g, ' ').trim(), body: fillPlaceholders(template.body, values) };
}
