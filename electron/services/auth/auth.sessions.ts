import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { sessions, staff } from '../../../db/schema';
import type { SessionEndReason } from '../../contract/auth.vocab';
import { readSettingsRow } from '../settings/settings.service';
import { canSignIn, type StaffRow } from './auth.accounts';

/** Where a call came from, kept with the session for the audit. */
export type CallSource = { userAgent: string | null; address: string | null };

/** Writes to last_seen_at at most this often per session: a page of a dozen calls costs one write, not twelve. */
export const touchEverySeconds = 15;

/** How session and personal API tokens are kept: their hex SHA-256 (they are 32 random bytes, so no salt or stretching). */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Opens a session and returns its token; only the token's SHA-256 is stored. Call inside the sign-in's transaction. */
export function openSession(tx: DbOrTx, staffId: number, source: CallSource, now: Date): { id: number; token: string } {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const row = tx
    .insert(sessions)
    .values({
      staffId,
      tokenHash: tokenHash(token),
      createdAt: at,
      lastSeenAt: at,
      userAgent: source.userAgent?.slice(0, 300) ?? null,
      address: source.address,
    })
    .returning({ id: sessions.id })
    .get();
  return { id: row.id, token };
}

export function endSession(tx: DbOrTx, sessionId: number, reason: SessionEndReason, now: Date): void {
  tx.update(sessions)
    .set({ endedAt: now.toISOString(), endedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .run();
}

/** Ends every open session of a person (a reset password, a disabled login), or all but one (their own password change). */
export function endSessionsOf(tx: DbOrTx, staffId: number, reason: SessionEndReason, now: Date, keepSessionId: number | null = null): void {
  const open = tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.staffId, staffId), isNull(sessions.endedAt)))
    .all();
  for (const { id } of open) if (id !== keepSessionId) endSession(tx, id, reason, now);
}

/** A live session with its person, or why the token no longer works. */
export type SessionLookup =
  { live: true; sessionId: number; person: StaffRow } | { live: false; reason: SessionEndReason | 'unknown'; idleLockMinutes: number };

/**
 * The one place a session token is checked (a header or, later, a cookie feeds it): ends a session idle longer than the
 * setting allows, refuses one whose person may no longer sign in, and notes activity at most every few seconds.
 */
export function lookUpSession(db: DbOrTx, token: string, now: Date): SessionLookup {
  const idleLockMinutes = readSettingsRow(db).idleLockMinutes;
  const found = db
    .select()
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(eq(sessions.tokenHash, tokenHash(token)))
    .get();
  if (!found) return { live: false, reason: 'unknown', idleLockMinutes };
  const { sessions: session, staff: person } = found;
  if (session.endedAt) return { live: false, reason: session.endedReason ?? 'signed_out', idleLockMinutes };
  const idleMs = now.getTime() - Date.parse(session.lastSeenAt);
  if (idleMs > idleLockMinutes * 60_000) {
    endSession(db, session.id, 'idle', now);
    return { live: false, reason: 'idle', idleLockMinutes };
  }
  if (!canSignIn(person)) {
    endSession(db, session.id, 'login_disabled', now);
    return { live: false, reason: 'login_disabled', idleLockMinutes };
  }
  if (idleMs >= touchEverySeconds * 1000) db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, session.id)).run();
  return { live: true, sessionId: session.id, person };
}

/** Why a session token no longer works, in the words the sign-in screen shows. */
export function sessionEndedSentence(reason: SessionEndReason | 'unknown', idleLockMinutes: number): string {
  switch (reason) {
    case 'idle':
      return `Your session was locked after ${idleLockMinutes} minute${idleLockMinutes === 1 ? '' : 's'} without activity; sign in again.`;
    case 'signed_out':
      return 'You signed out of this session; sign in again.';
    case 'password_changed':
      return 'Your password was changed, which ended this session; sign in with the new password.';
    case 'password_reset':
      return 'An administrator reset your password, which ended this session; sign in with the one-time password they give you.';
    case 'login_disabled':
      return 'Your login was disabled or you were made inactive; ask an administrator if you still need it.';
    case 'login_changed':
      return 'An administrator changed your login, which ended this session; sign in with the new login.';
    case 'unknown':
      return 'This session is not known here (it may have ended on another screen, or a backup was restored); sign in again.';
  }
}
