import type { DbOrTx } from '../../../db/open-db';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import { tryAgainAt } from './auth.lockout';

/** How many failures from one address within the window pause its attempts, for how long, and how many addresses are kept. */
export type ThrottlePolicy = { failures: number; windowMs: number; pauseMs: number; trackedAddresses: number };

/**
 * 20 failures from one address within 15 minutes pause its attempts for 15 minutes. A login's own lock-out starts at its
 * fifth wrong password and doubles its pause, so one person mistyping their password reaches at most about nine
 * failures in 15 minutes and never this; it stops one computer from trying many logins, five wrong passwords each.
 */
export const addressThrottlePolicy: ThrottlePolicy = { failures: 20, windowMs: 15 * 60_000, pauseMs: 15 * 60_000, trackedAddresses: 10_000 };

/** The address a throttle counts by: an IPv4 address as itself also when it arrives IPv4-mapped; the desktop window has none. */
export const addressKey = (address: string | null): string => (address === null ? 'this computer' : address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, ''));

const fromWhere = (address: string | null) => (address === null ? 'this computer' : `the address ${addressKey(address)}`);

/** A failure counted: whether it started a pause, and until when attempts from the address are refused. */
export type FailureNoted = { failures: number; pausedUntil: string | null; startedPause: boolean };

type Tracked = { failuresMs: number[]; pausedUntilMs: number };

/**
 * Failed attempts per client address, in memory only (a restart forgets them), for the most recent `trackedAddresses`
 * addresses: the one longest without a failure is forgotten first. A right password does not reset the count, so
 * someone with one working login cannot use it to go on guessing others.
 */
export function addressThrottle(now: () => Date, policy: ThrottlePolicy = addressThrottlePolicy) {
  const tracked = new Map<string, Tracked>();
  const pausedUntilMs = (key: string): number | null => {
    const until = tracked.get(key)?.pausedUntilMs ?? 0;
    return until > now().getTime() ? until : null;
  };
  return {
    /** When attempts from this address may start again, or null when they are not paused. */
    pausedUntil(address: string | null): string | null {
      const until = pausedUntilMs(addressKey(address));
      return until === null ? null : new Date(until).toISOString();
    },
    /** Counts one failure from the address; the one that reaches the limit within the window starts a pause. */
    fail(address: string | null): FailureNoted {
      const key = addressKey(address);
      const nowMs = now().getTime();
      const entry = tracked.get(key) ?? { failuresMs: [], pausedUntilMs: 0 };
      tracked.delete(key);
      tracked.set(key, entry);
      if (tracked.size > policy.trackedAddresses) tracked.delete(tracked.keys().next().value as string);
      const paused = pausedUntilMs(key);
      // An attempt that was checked before another one started the pause: it neither counts nor lengthens it.
      if (paused !== null) return { failures: entry.failuresMs.length, pausedUntil: new Date(paused).toISOString(), startedPause: false };
      entry.failuresMs = [...entry.failuresMs.filter((at) => at > nowMs - policy.windowMs), nowMs];
      const failures = entry.failuresMs.length;
      if (failures < policy.failures) return { failures, pausedUntil: null, startedPause: false };
      entry.failuresMs = [];
      entry.pausedUntilMs = nowMs + policy.pauseMs;
      return { failures, pausedUntil: new Date(entry.pausedUntilMs).toISOString(), startedPause: true };
    },
  };
}

export type AddressThrottle = ReturnType<typeof addressThrottle>;

/** What a throttle counts, in the refusal and the change log. */
export type ThrottledAttempts = 'sign-ins' | 'API tokens';

const refusalOpening: Record<ThrottledAttempts, string> = {
  'sign-ins': 'Too many failed sign-ins from',
  'API tokens': 'Too many unknown API tokens from',
};

/** The refusal while an address is paused: where from, and when to try again. */
export function addressPaused(attempts: ThrottledAttempts, address: string | null, until: string, now: Date, timeZone: string): AppError {
  return new AppError('UNAUTHORIZED', `${refusalOpening[attempts]} ${fromWhere(address)}. ${tryAgainAt(until, now, timeZone)}`);
}

const auditActionOf: Record<ThrottledAttempts, string> = { 'sign-ins': 'address.sign_ins_paused', 'API tokens': 'address.api_tokens_paused' };

/** The change-log row of a pause that starts (not of each attempt refused while it lasts, so a flood cannot fill the log). */
export function recordAddressPaused(tx: DbOrTx, attempts: ThrottledAttempts, address: string | null, noted: FailureNoted): void {
  const key = addressKey(address);
  recordAudit(tx, {
    actor: `someone at ${key}`,
    action: auditActionOf[attempts],
    entity: 'address',
    entityId: key,
    after: { failures: noted.failures, pausedUntil: noted.pausedUntil },
  });
}
