import { and, asc, eq, inArray, isNull, lte, min, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { mailAttempts, mailMessages } from '../../../db/schema';
import type { SmtpFailure } from './mail.errors';

/** How the outbox waits between tries: doubling from `firstMs` up to `maxMs`; a message older than `giveUpAfterMs` stops being tried. */
export type Backoff = { firstMs: number; maxMs: number; giveUpAfterMs: number };

export const defaultBackoff: Backoff = { firstMs: 30_000, maxMs: 30 * 60_000, giveUpAfterMs: 7 * 24 * 3_600_000 };

/** The wait after the n-th failed try in a row (n ≥ 1). */
export const backoffDelay = (backoff: Backoff, failures: number): number => Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(failures - 1, 30));

const waiting = ['queued', 'failed_retrying'] as const;

/** Messages whose next try is due, oldest first. */
export function dueMessages(db: DbOrTx, now: Date, limit: number) {
  return db
    .select()
    .from(mailMessages)
    .where(and(inArray(mailMessages.status, waiting), or(isNull(mailMessages.nextAttemptAt), lte(mailMessages.nextAttemptAt, now.toISOString()))))
    .orderBy(asc(mailMessages.nextAttemptAt), asc(mailMessages.id))
    .limit(limit)
    .all();
}

/** When the next waiting message falls due, or null when none waits. */
export function nextDueAt(db: DbOrTx): Date | null {
  const row = db
    .select({ at: min(mailMessages.nextAttemptAt) })
    .from(mailMessages)
    .where(inArray(mailMessages.status, waiting))
    .get();
  return row?.at ? new Date(row.at) : null;
}

/** Takes a message for this try; false when another try (or a retry by hand) moved it meanwhile. */
export function markSending(db: DbOrTx, id: number): boolean {
  return (
    db
      .update(mailMessages)
      .set({ status: 'sending' })
      .where(and(eq(mailMessages.id, id), inArray(mailMessages.status, waiting)))
      .run().changes === 1
  );
}

export function recordSent(db: DbOrTx, id: number, serverAnswer: string, at: Date): void {
  db.transaction((tx) => {
    const row = tx.select({ attempts: mailMessages.attempts }).from(mailMessages).where(eq(mailMessages.id, id)).get();
    tx.update(mailMessages)
      .set({ status: 'sent', attempts: (row?.attempts ?? 0) + 1, nextAttemptAt: null, lastError: null, sentAt: at.toISOString() })
      .where(eq(mailMessages.id, id))
      .run();
    tx.insert(mailAttempts)
      .values({ messageId: id, at: at.toISOString(), ok: true, detail: `Accepted by the server: ${serverAnswer}` })
      .run();
  });
}

/** A failed try: the next one planned after the back-off, or none when the server refused it for good or it waited too long. */
export function recordFailure(db: DbOrTx, id: number, failure: SmtpFailure, at: Date, backoff: Backoff): void {
  db.transaction((tx) => {
    const row = tx.select({ attempts: mailMessages.attempts, createdAt: mailMessages.createdAt }).from(mailMessages).where(eq(mailMessages.id, id)).get();
    if (!row) return;
    const attempts = row.attempts + 1;
    const tooOld = at.getTime() - new Date(row.createdAt).getTime() >= backoff.giveUpAfterMs;
    const givingUp = failure.permanent || tooOld;
    const lastError =
      tooOld && !failure.permanent ? `${failure.sentence} Given up after ${Math.round(backoff.giveUpAfterMs / 3_600_000)} hours of tries.` : failure.sentence;
    tx.update(mailMessages)
      .set({
        status: givingUp ? 'failed' : 'failed_retrying',
        attempts,
        nextAttemptAt: givingUp ? null : new Date(at.getTime() + backoffDelay(backoff, attempts)).toISOString(),
        lastError,
      })
      .where(eq(mailMessages.id, id))
      .run();
    tx.insert(mailAttempts).values({ messageId: id, at: at.toISOString(), ok: false, detail: failure.sentence }).run();
  });
}

/** Once the server takes mail again, messages waiting out a back-off leave now instead of at their planned time. */
export function bringRetriesForward(db: DbOrTx, now: Date): void {
  db.update(mailMessages).set({ nextAttemptAt: now.toISOString() }).where(eq(mailMessages.status, 'failed_retrying')).run();
}

/** A message left `sending` by a process that stopped mid-try goes back in line (the server may have it: a rare duplicate beats a lost invoice). */
export function requeueInterrupted(db: DbOrTx, now: Date): void {
  db.update(mailMessages).set({ status: 'queued', nextAttemptAt: now.toISOString() }).where(eq(mailMessages.status, 'sending')).run();
}
