import { and, count, desc, eq } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import type { DbOrTx } from '../../../db/open-db';
import { announcements, clients, mailMessages } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import type { Announcement, AnnouncementAudience } from '../../contract/mail';
import { fillPlaceholders } from '../../contract/mail.placeholders';
import { recordAudit } from '../audit/record-audit';
import { readSettingsRow } from '../settings/settings.service';
import { resolveAudience } from './announcements.audience';
import { noMailCounts, queueMail } from './mail.outbox';

type AnnouncementRow = typeof announcements.$inferSelect;

function toAnnouncements(db: DbOrTx, rows: AnnouncementRow[]): Announcement[] {
  const ids = rows.map((r) => r.id);
  const messages = ids.length
    ? db
        .select({ message: mailMessages, clientName: clients.name })
        .from(mailMessages)
        .leftJoin(clients, eq(clients.id, mailMessages.clientId))
        .where(and(eq(mailMessages.relatedKind, 'announcement'), inIds(mailMessages.relatedId, ids)))
        .orderBy(clients.name)
        .all()
    : [];
  return rows.map((row) => {
    const own = messages.filter((m) => m.message.relatedId === row.id);
    const statusCounts = noMailCounts();
    for (const { message } of own) statusCounts[message.status]++;
    return {
      id: row.id,
      subject: row.subject,
      body: row.body,
      audience: JSON.parse(row.audienceJson) as AnnouncementAudience,
      audienceText: row.audienceText,
      actor: row.actor,
      createdAt: row.createdAt,
      statusCounts,
      recipients: own.map(({ message, clientName }) => ({
        clientId: message.clientId!,
        clientName: clientName ?? '',
        to: (JSON.parse(message.toJson) as string[]).join(', '),
        messageId: message.id,
        status: message.status,
        attempts: message.attempts,
        lastError: message.lastError,
        sentAt: message.sentAt,
      })),
    };
  });
}

/** `announcements.send`: one message per client of the audience, each with its name filled in, through the outbox. */
export function sendAnnouncement(
  db: DbOrTx,
  input: { subject: string; body: string; audience: AnnouncementAudience },
  actor: string,
  now = new Date(),
): Announcement {
  const row = db.transaction((tx) => {
    const { recipients, text } = resolveAudience(tx, input.audience);
    if (!recipients.length) throw new AppError('INVALID_INPUT', `${text}: there is no client to write to. Choose another audience.`);
    const announcement = tx
      .insert(announcements)
      .values({
        subject: input.subject,
        body: input.body,
        audienceJson: JSON.stringify(input.audience),
        audienceText: text,
        actor,
        createdAt: now.toISOString(),
      })
      .returning()
      .get();
    const organisation = readSettingsRow(tx).organisationName;
    for (const client of recipients) {
      const values = { 'organisation.name': organisation, 'client.name': client.name, 'client.company': client.company };
      queueMail(
        tx,
        {
          to: [client.email],
          subject: fillPlaceholders(input.subject, values),
          body: fillPlaceholders(input.body, values),
          related: { kind: 'announcement', id: announcement.id },
          clientId: client.id,
        },
        now,
      );
    }
    recordAudit(tx, {
      actor,
      action: 'announcement.queued',
      entity: 'announcement',
      entityId: announcement.id,
      after: { subject: input.subject, audience: text, recipients: recipients.length },
    });
    return announcement;
  });
  return toAnnouncements(db, [row])[0];
}

export function listAnnouncements(db: DbOrTx, input: { limit: number; offset: number }): { rows: Announcement[]; total: number } {
  const rows = db.select().from(announcements).orderBy(desc(announcements.id)).limit(input.limit).offset(input.offset).all();
  const total = db.select({ n: count() }).from(announcements).get()?.n ?? 0;
  return { rows: toAnnouncements(db, rows), total };
}
