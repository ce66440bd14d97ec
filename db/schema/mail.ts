import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { mailRelatedKinds, mailSecurityModes, mailStatuses, mailTemplateKinds } from '../../electron/contract/mail.vocab';
import { clients } from './clients';
import { invoices } from './invoices';

/** The facility's SMTP server: a single row with id 1, written on the first save. */
export const mailSettings = sqliteTable('mail_settings', {
  id: integer('id').primaryKey(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  security: text('security', { enum: mailSecurityModes }).notNull(),
  username: text('username').notNull().default(''), // empty: no login
  passwordEnc: text('password_enc'), // sealed by the data folder's secret box; never returned or logged
  fromName: text('from_name').notNull(),
  fromAddress: text('from_address').notNull(),
  replyTo: text('reply_to'),
  updatedAt: text('updated_at').notNull(),
});

/** A template the office edited; a kind without a row uses the built-in text. */
export const mailTemplates = sqliteTable('mail_templates', {
  kind: text('kind', { enum: mailTemplateKinds }).primaryKey(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** An e-mail to the clients of an audience; each client's copy is a message of the outbox. */
export const announcements = sqliteTable('announcements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  subject: text('subject').notNull(),
  body: text('body').notNull(), // as typed, placeholders unfilled
  audienceJson: text('audience_json').notNull(), // { "kind": "site", "siteId": 3 }
  audienceText: text('audience_text').notNull(), // in words, as it was when sent
  actor: text('actor').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * The outbox: every e-mail Hashdesk writes, with its text as it will leave (placeholders filled when queued).
 * The sender loop takes queued and failed_retrying messages whose next attempt is due.
 */
export const mailMessages = sqliteTable(
  'mail_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    status: text('status', { enum: mailStatuses }).notNull(),
    toJson: text('to_json').notNull(), // ["billing@client.test"]
    ccJson: text('cc_json').notNull().default('[]'),
    subject: text('subject').notNull(),
    body: text('body').notNull(), // plain text
    template: text('template', { enum: mailTemplateKinds }),
    relatedKind: text('related_kind', { enum: mailRelatedKinds }),
    relatedId: integer('related_id'),
    clientId: integer('client_id').references(() => clients.id),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'), // ISO UTC; null once sent or given up
    lastError: text('last_error'), // the last failure in plain words
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [
    index('mail_messages_due_idx').on(t.status, t.nextAttemptAt),
    index('mail_messages_related_idx').on(t.relatedKind, t.relatedId),
    check('mail_messages_related_check', sql`(${t.relatedKind} IS NULL) = (${t.relatedId} IS NULL)`),
  ],
);

/** A message's attachment: an invoice's PDF (made when the message leaves, so it prints the invoice as it is then) or stored bytes. */
export const mailAttachments = sqliteTable(
  'mail_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id')
      .notNull()
      .references(() => mailMessages.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    invoiceId: integer('invoice_id').references(() => invoices.id),
    content: blob('content', { mode: 'buffer' }),
  },
  (t) => [
    index('mail_attachments_message_idx').on(t.messageId),
    check('mail_attachments_source_check', sql`(${t.invoiceId} IS NULL) <> (${t.content} IS NULL)`),
  ],
);

/** Each try at handing a message to the server, and what came of it. */
export const mailAttempts = sqliteTable(
  'mail_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id')
      .notNull()
      .references(() => mailMessages.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    detail: text('detail').notNull(), // the server's answer, or why it failed, in plain words
  },
  (t) => [index('mail_attempts_message_idx').on(t.messageId, t.id)],
);
