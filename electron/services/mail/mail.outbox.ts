import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { type ClientScope, facilityOrInClientScope } from '../client-scope/client-scope';
import type { DbOrTx } from '../../../db/open-db';
import { announcements, clients, invoices, mailAttachments, mailAttempts, mailMessages } from '../../../db/schema';
import type { MailMessage, MailOutbox } from '../../contract/mail';
import { mailStatuses, type MailRelatedKind, type MailStatus, type MailTemplateKind } from '../../contract/mail.vocab';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import { requireFound } from '../require-row';

/** An attachment to queue: an invoice's PDF, printed when the message leaves, or bytes kept with the message. */
export type QueuedAttachment = { fileName: string; invoiceId: number } | { fileName: string; contentType: string; content: Buffer };

/** A message for the outbox, its text final. Other domains (statements, receipts) queue theirs through queueMail. */
export type QueuedMail = {
  to: string[];
  cc?: string[];
  subject: string;
  body: string;
  template?: MailTemplateKind | null;
  related?: { kind: MailRelatedKind; id: number } | null;
  clientId?: number | null;
  attachments?: QueuedAttachment[];
};

type MessageRow = typeof mailMessages.$inferSelect;

/** Puts a message in the outbox, due at once; call inside the transaction that audits why it was written. Returns its id. */
export function queueMail(tx: DbOrTx, mail: QueuedMail, now = new Date()): number {
  const row = tx
    .insert(mailMessages)
    .values({
      status: 'queued',
      toJson: JSON.stringify(mail.to),
      ccJson: JSON.stringify(mail.cc ?? []),
      subject: mail.subject,
      body: mail.body,
      template: mail.template ?? null,
      relatedKind: mail.related?.kind ?? null,
      relatedId: mail.related?.id ?? null,
      clientId: mail.clientId ?? null,
      nextAttemptAt: now.toISOString(),
      createdAt: now.toISOString(),
    })
    .returning({ id: mailMessages.id })
    .get();
  for (const attachment of mail.attachments ?? []) {
    tx.insert(mailAttachments)
      .values(
        'invoiceId' in attachment
          ? { messageId: row.id, fileName: attachment.fileName, contentType: 'application/pdf', invoiceId: attachment.invoiceId }
          : { messageId: row.id, fileName: attachment.fileName, contentType: attachment.contentType, content: attachment.content },
      )
      .run();
  }
  return row.id;
}

const relatedWords: Record<MailRelatedKind, string> = { invoice: 'Invoice', statement: 'Statement', announcement: 'Announcement', payment: 'Payment' };

/** The names of the records the messages were written for: an invoice by its number, an announcement by its subject. */
function relatedLabels(db: DbOrTx, rows: MessageRow[]): Map<string, string> {
  const labels = new Map<string, string>();
  const idsOf = (kind: MailRelatedKind) => [...new Set(rows.filter((r) => r.relatedKind === kind).map((r) => r.relatedId!))];
  const invoiceIds = idsOf('invoice');
  if (invoiceIds.length)
    for (const invoice of db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(inIds(invoices.id, invoiceIds)).all())
      labels.set(`invoice:${invoice.id}`, invoice.number ?? `Invoice #${invoice.id} (draft)`);
  const announcementIds = idsOf('announcement');
  if (announcementIds.length)
    for (const a of db
      .select({ id: announcements.id, subject: announcements.subject })
      .from(announcements)
      .where(inIds(announcements.id, announcementIds))
      .all())
      labels.set(`announcement:${a.id}`, `Announcement “${a.subject}”`);
  return labels;
}

/** The page's rows with their client, attachments and last tries, read in a few queries. */
export function toMailMessages(db: DbOrTx, rows: MessageRow[]): MailMessage[] {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const clientIds = [...new Set(rows.map((r) => r.clientId).filter((id): id is number => id !== null))];
  const clientNames = new Map(
    clientIds.length
      ? db
          .select({ id: clients.id, name: clients.name })
          .from(clients)
          .where(inIds(clients.id, clientIds))
          .all()
          .map((c) => [c.id, c.name])
      : [],
  );
  const files = new Map<number, string[]>();
  for (const a of db
    .select({ messageId: mailAttachments.messageId, fileName: mailAttachments.fileName })
    .from(mailAttachments)
    .where(inIds(mailAttachments.messageId, ids))
    .all())
    files.set(a.messageId, [...(files.get(a.messageId) ?? []), a.fileName]);
  const logs = new Map<number, MailMessage['log']>();
  const attempts = db
    .select()
    .from(mailAttempts)
    .where(
      sql`${inIds(mailAttempts.messageId, ids)} AND ${mailAttempts.id} IN (SELECT a.id FROM mail_attempts a WHERE a.message_id = ${mailAttempts.messageId} ORDER BY a.id DESC LIMIT 20)`,
    )
    .orderBy(desc(mailAttempts.id))
    .all();
  for (const a of attempts) logs.set(a.messageId, [...(logs.get(a.messageId) ?? []), { at: a.at, ok: a.ok, detail: a.detail }]);
  const labels = relatedLabels(db, rows);
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    to: JSON.parse(row.toJson) as string[],
    cc: JSON.parse(row.ccJson) as string[],
    subject: row.subject,
    body: row.body,
    template: row.template,
    related:
      row.relatedKind && row.relatedId !== null
        ? {
            kind: row.relatedKind,
            id: row.relatedId,
            label: labels.get(`${row.relatedKind}:${row.relatedId}`) ?? `${relatedWords[row.relatedKind]} #${row.relatedId}`,
          }
        : null,
    clientId: row.clientId,
    clientName: row.clientId === null ? null : (clientNames.get(row.clientId) ?? null),
    attachments: files.get(row.id) ?? [],
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    log: logs.get(row.id) ?? [],
  }));
}

/** A count of 0 for every status, to add messages to. */
export const noMailCounts = (): Record<MailStatus, number> => Object.fromEntries(mailStatuses.map((status) => [status, 0])) as Record<MailStatus, number>;

export function listOutbox(db: DbOrTx, input: { status?: MailStatus; limit: number; offset: number }, scope: ClientScope = null): MailOutbox {
  // A caller who sees only the clients they manage sees the facility's own messages (no client) and their clients'.
  const inScope = facilityOrInClientScope(scope, mailMessages.clientId);
  const where = and(input.status ? eq(mailMessages.status, input.status) : undefined, inScope);
  const rows = db.select().from(mailMessages).where(where).orderBy(desc(mailMessages.id)).limit(input.limit).offset(input.offset).all();
  const statusCounts = noMailCounts();
  for (const { status, n } of db.select({ status: mailMessages.status, n: count() }).from(mailMessages).where(inScope).groupBy(mailMessages.status).all())
    statusCounts[status] = n;
  const total = input.status ? statusCounts[input.status] : Object.values(statusCounts).reduce((a, b) => a + b, 0);
  return { rows: toMailMessages(db, rows), total, statusCounts };
}

const describeMessage = (row: MessageRow) => ({ to: (JSON.parse(row.toJson) as string[]).join(', '), subject: row.subject, status: row.status });

/** Queues a failed message again, due at once (the sender is woken by the caller). */
export function retryMessage(db: DbOrTx, id: number, actor: string): MailMessage {
  const row = db.transaction((tx) => {
    const before = requireFound(tx.select().from(mailMessages).where(eq(mailMessages.id, id)).get(), 'E-mail', id);
    if (before.status !== 'failed' && before.status !== 'failed_retrying') {
      const why = before.status === 'sent' ? 'it was sent already; to send it again, send its invoice or announcement anew' : 'it is still waiting to be sent';
      throw new AppError('CONFLICT', `E-mail #${id} cannot be retried: ${why}.`);
    }
    const after = tx
      .update(mailMessages)
      .set({ status: 'queued', nextAttemptAt: new Date().toISOString() })
      .where(and(eq(mailMessages.id, id), inArray(mailMessages.status, ['failed', 'failed_retrying'])))
      .returning()
      .get();
    recordAudit(tx, {
      actor,
      action: 'mail_message.retried',
      entity: 'mail_message',
      entityId: id,
      clientId: before.clientId,
      before: describeMessage(before),
      after: describeMessage(after),
    });
    return after;
  });
  return toMailMessages(db, [row])[0];
}
