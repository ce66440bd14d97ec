import { z } from 'zod';
import { call, type ListPage } from './define';
import { emailSchema, idSchema, nameText, obeying, optionalEmailSchema } from './fields';
import { deviceHostProblem } from './hosts';
import { placeholderProblem } from './mail.placeholders';
import {
  mailSecurityModes,
  mailStatuses,
  mailTemplateKinds,
  type MailRelatedKind,
  type MailSecurity,
  type MailStatus,
  type MailTemplateKind,
} from './mail.vocab';
import { lineTextProblem, multilineTextProblem } from './text-rules';

/** The SMTP settings as the renderer sees them: the password never leaves the main process, only whether one is set. */
export type MailSettings = {
  host: string;
  port: number;
  security: MailSecurity;
  /** Empty: the server takes mail without a login. */
  username: string;
  passwordSet: boolean;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  /** False until a server and a sender address are saved: nothing leaves the outbox before. */
  configured: boolean;
  updatedAt: string | null;
};

/** What the server said to a test e-mail, in plain words, and its own answer when it gave one. */
export type MailTestResult = { sent: boolean; sentence: string; serverAnswer: string | null };

export type MailTemplate = {
  kind: MailTemplateKind;
  subject: string;
  body: string;
  placeholders: readonly string[];
  edited: boolean;
  updatedAt: string | null;
};

/** One try at handing a message to the server. */
export type MailAttempt = { at: string; ok: boolean; detail: string };

export type MailMessage = {
  id: number;
  status: MailStatus;
  to: string[];
  cc: string[];
  subject: string;
  body: string;
  template: MailTemplateKind | null;
  /** The record the message was written for, by its name ("INV-2026-000123"); null for a test e-mail. */
  related: { kind: MailRelatedKind; id: number; label: string } | null;
  clientId: number | null;
  clientName: string | null;
  /** File names of the attachments (an invoice's PDF is made when the message leaves). */
  attachments: string[];
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** The tries, newest first (at most the last 20). */
  log: MailAttempt[];
};

export type MailOutbox = ListPage<MailMessage, MailStatus>;

/** What `invoices.send` did: the messages queued, and the invoices it left alone with the reason. */
export type InvoiceSendResult = {
  queued: { invoiceId: number; number: string; to: string[]; messageId: number }[];
  skipped: { invoiceId: number; label: string; reason: string }[];
  /** One sentence for the office: "2 invoices queued for e-mail; INV-… is held and was not sent." */
  summary: string;
};

export const announcementAudienceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('all') }).strict(),
    z.object({ kind: z.literal('group'), groupId: idSchema }).strict(),
    z.object({ kind: z.literal('site'), siteId: idSchema }).strict(),
    z.object({ kind: z.literal('miners'), minerIds: z.array(idSchema).min(1, 'must name at least one miner').max(100_000) }).strict(),
  ],
  { error: 'must be all clients, a group, a site or a set of miners' },
);
export type AnnouncementAudience = z.infer<typeof announcementAudienceSchema>;

/** One client's copy of an announcement and how its delivery went. */
export type AnnouncementRecipient = {
  clientId: number;
  clientName: string;
  to: string;
  messageId: number;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
};

export type Announcement = {
  id: number;
  subject: string;
  body: string;
  audience: AnnouncementAudience;
  /** "All clients", "Clients of group Whales", "Clients at site Austin North", "Clients of 12 selected miners". */
  audienceText: string;
  actor: string;
  createdAt: string;
  statusCounts: Record<MailStatus, number>;
  recipients: AnnouncementRecipient[];
};

const subjectText = nameText(200);
const bodyText = z.string().trim().min(1, 'is required').max(20_000, 'must be at most 20000 characters').superRefine(obeying(multilineTextProblem));
/** Refuses a subject or body that uses a placeholder its kind of message does not know. */
const placeholdersKnown =
  <T extends { subject: string; body: string }>(kindOf: (input: T) => MailTemplateKind | 'announcement') =>
  (input: T, ctx: z.RefinementCtx): void => {
    for (const field of ['subject', 'body'] as const) {
      const problem = placeholderProblem(input[field], kindOf(input));
      if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
    }
  };

const page = { limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) };

export const mailCalls = {
  'mail.settings.get': call<MailSettings>()(z.object({}).strict()),
  'mail.settings.update': call<MailSettings>()(
    z
      .object({
        host: nameText(253).superRefine(obeying(deviceHostProblem)),
        port: z
          .number({ error: 'must be a port number' })
          .int('must be a whole number')
          .min(1, 'must be from 1 to 65535')
          .max(65_535, 'must be from 1 to 65535'),
        security: z.enum(mailSecurityModes, { error: 'must be none, STARTTLS or TLS' }),
        username: z.string().trim().max(254, 'must be at most 254 characters').superRefine(obeying(lineTextProblem)).default(''),
        /** Omit to keep the stored password; null removes it. */
        password: z.string().min(1, 'is required; leave it out to keep the stored one').max(512, 'must be at most 512 characters').nullable().optional(),
        fromName: nameText(120),
        fromAddress: emailSchema,
        replyTo: optionalEmailSchema,
      })
      .strict(),
  ),
  /** Sends one e-mail at once (not through the outbox) with the saved settings, and says what the server answered. */
  'mail.test': call<MailTestResult>()(z.object({ to: emailSchema }).strict()),
  'mail.templates.list': call<MailTemplate[]>()(z.object({}).strict()),
  'mail.templates.update': call<MailTemplate>()(
    z
      .object({ kind: z.enum(mailTemplateKinds, { error: `must be one of ${mailTemplateKinds.join(', ')}` }), subject: subjectText, body: bodyText })
      .strict()
      .superRefine(placeholdersKnown((input) => input.kind)),
  ),
  'mail.outbox.list': call<MailOutbox>()(
    z.object({ status: z.enum(mailStatuses, { error: `must be one of ${mailStatuses.join(', ')}` }).optional(), ...page }).strict(),
  ),
  /** Queues a failed message again, to leave at once. */
  'mail.outbox.retry': call<MailMessage>()(z.object({ id: idSchema }).strict()),
  /** Queues each invoice's e-mail with its PDF to the client's billing address; held ones never go, drafts are refused. */
  'invoices.send': call<InvoiceSendResult>()(
    z
      .object({
        ids: z.array(idSchema).min(1, 'must name at least one invoice').max(10_000, 'may name at most 10000 invoices'),
        template: z.enum(['invoice', 'reminder'], { error: 'must be invoice or reminder' }).default('invoice'),
      })
      .strict(),
  ),
  /** An e-mail to each client of the audience, through the outbox. The body may use {{client.name}} and {{organisation.name}}. */
  'announcements.send': call<Announcement>()(
    z
      .object({ subject: subjectText, body: bodyText, audience: announcementAudienceSchema })
      .strict()
      .superRefine(placeholdersKnown(() => 'announcement')),
  ),
  /** The announcements, newest first, each with its recipients and how each delivery went. */
  'announcements.list': call<{ rows: Announcement[]; total: number }>()(
    z.object({ limit: z.number().int().min(1).max(100).default(20), offset: page.offset }).strict(),
  ),
};
