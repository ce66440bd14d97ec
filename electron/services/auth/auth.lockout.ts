import { formatDateTime } from '../../contract/dates';
import { AppError } from '../../contract/errors';

/** Wrong passwords in a row a login may take before sign-ins pause. */
export const failuresBeforeLockout = 5;
const firstLockSeconds = 30;
const longestLockSeconds = 60 * 60;

/** How long sign-ins pause after this many wrong passwords in a row: 5 → 30 s, then doubling, at most an hour; 0 below five. */
export function lockSeconds(failuresInARow: number): number {
  if (failuresInARow < failuresBeforeLockout) return 0;
  return Math.min(firstLockSeconds * 2 ** Math.min(failuresInARow - failuresBeforeLockout, 16), longestLockSeconds);
}

/** When sign-ins may start again after this failure, or null when they need not pause. */
export function lockedUntilAfter(failuresInARow: number, now: Date): string | null {
  const seconds = lockSeconds(failuresInARow);
  return seconds ? new Date(now.getTime() + seconds * 1000).toISOString() : null;
}

/** "30 seconds", "2 minutes", "1 hour": how long until the lock ends, rounded up. */
function waitInWords(milliseconds: number): string {
  const seconds = Math.max(1, Math.ceil(milliseconds / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 60 ? `${minutes} minutes` : '1 hour';
}

/** "Try again in 30 seconds." until `until`; a long wait also by the clock of the site, rounded up to the minute. */
export function tryAgainAt(until: string, now: Date, timeZone: string): string {
  const waitMs = Date.parse(until) - now.getTime();
  // The clock shows minutes: round up, so the time said is never before the pause ends.
  const minuteAfter = new Date(Math.ceil(Date.parse(until) / 60_000) * 60_000).toISOString();
  const clock = waitMs >= 120_000 ? ` (after ${formatDateTime(minuteAfter, timeZone)})` : '';
  return `Try again in ${waitInWords(waitMs)}${clock}.`;
}

/** Sign-ins are paused for this login: says when to try again. The same words whether or not the login exists. */
export const lockedOut = (until: string, now: Date, timeZone: string): AppError =>
  new AppError('UNAUTHORIZED', `Too many wrong passwords for this login. ${tryAgainAt(until, now, timeZone)}`);

export const isLocked = (until: string | null, now: Date): until is string => until !== null && Date.parse(until) > now.getTime();

/**
 * Failures of logins nobody has, counted like real ones so a stranger cannot tell a real login by its lock-out.
 * Kept in memory only, for the most recent logins tried.
 */
export function unknownLoginFailures(capacity = 1_000) {
  const failures = new Map<string, { count: number; lockedUntil: string | null }>();
  return {
    get: (login: string) => failures.get(login) ?? { count: 0, lockedUntil: null },
    fail(login: string, now: Date) {
      const count = (failures.get(login)?.count ?? 0) + 1;
      failures.delete(login);
      failures.set(login, { count, lockedUntil: lockedUntilAfter(count, now) });
      if (failures.size > capacity) failures.delete(failures.keys().next().value as string);
      return failures.get(login)!;
    },
  };
}
