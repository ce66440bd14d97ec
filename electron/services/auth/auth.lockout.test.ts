import { describe, expect, it } from 'vitest';
import { lockedOut, lockSeconds, unknownLoginFailures } from './auth.lockout';

describe('lock-out after wrong passwords', () => {
  it('pauses sign-ins from the fifth failure in a row for 30 s, doubling up to an hour', () => {
    expect([1, 4, 5, 6, 7, 8, 11, 12, 40].map(lockSeconds)).toEqual([0, 0, 30, 60, 120, 240, 1920, 3600, 3600]);
  });

  it('says when to try again, by the site clock once the wait is long', () => {
    const now = new Date('2026-12-04T14:00:00.000Z');
    expect(lockedOut('2026-12-04T14:00:30.000Z', now, 'UTC').message).toBe('Too many wrong passwords for this login. Try again in 30 seconds.');
    expect(lockedOut('2026-12-04T14:04:10.000Z', now, 'Europe/Oslo').message).toBe(
      'Too many wrong passwords for this login. Try again in 5 minutes (after 4 Dec 2026, 15:05).',
    );
    expect(lockedOut('2026-12-04T15:00:00.000Z', now, 'UTC').code).toBe('UNAUTHORIZED');
  });

  it('counts logins nobody has like real ones, keeping only the most recent', () => {
    const failures = unknownLoginFailures(2);
    const now = new Date('2026-12-04T14:00:00.000Z');
    for (let i = 0; i < 4; i += 1) expect(failures.fail('ghost', now).lockedUntil).toBeNull();
    expect(failures.fail('ghost', now)).toEqual({ count: 5, lockedUntil: '2026-12-04T14:00:30.000Z' });
    failures.fail('other', now);
    failures.fail('third', now);
    expect(failures.get('ghost')).toEqual({ count: 0, lockedUntil: null });
  });
});
