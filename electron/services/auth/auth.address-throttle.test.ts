import { describe, expect, it } from 'vitest';
import { addressKey, addressPaused, addressThrottle, addressThrottlePolicy } from './auth.address-throttle';

/** A throttle on a clock the test moves by hand. */
function throttleAt(start: string, policy = addressThrottlePolicy) {
  let now = new Date(start);
  return {
    throttle: addressThrottle(() => now, policy),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

const failTimes = (throttle: ReturnType<typeof addressThrottle>, address: string | null, times: number) =>
  Array.from({ length: times }, () => throttle.fail(address));

describe('failed attempts per client address', () => {
  it('pauses an address at its 20th failure within 15 minutes, for 15 minutes, and no other address', () => {
    const { throttle, advance } = throttleAt('2026-12-04T14:00:00.000Z');
    const first = failTimes(throttle, '192.168.1.23', 19);
    expect(first.every((noted) => noted.pausedUntil === null && !noted.startedPause)).toBe(true);
    expect(first.at(-1)?.failures).toBe(19);
    expect(throttle.pausedUntil('192.168.1.23')).toBeNull();
    advance(14 * 60_000);
    expect(throttle.fail('192.168.1.23')).toEqual({ failures: 20, pausedUntil: '2026-12-04T14:29:00.000Z', startedPause: true });
    expect(throttle.pausedUntil('192.168.1.23')).toBe('2026-12-04T14:29:00.000Z');
    expect(throttle.pausedUntil('192.168.1.24')).toBeNull();
    expect(throttle.pausedUntil(null)).toBeNull();
    advance(15 * 60_000 - 1);
    expect(throttle.pausedUntil('192.168.1.23')).toBe('2026-12-04T14:29:00.000Z');
    advance(1);
    expect(throttle.pausedUntil('192.168.1.23')).toBeNull();
    expect(throttle.fail('192.168.1.23')).toEqual({ failures: 1, pausedUntil: null, startedPause: false });
  });

  it('counts only the failures of the last 15 minutes', () => {
    const { throttle, advance } = throttleAt('2026-12-04T14:00:00.000Z');
    failTimes(throttle, '10.1.2.3', 10);
    advance(10 * 60_000);
    failTimes(throttle, '10.1.2.3', 9);
    advance(5 * 60_000); // the first ten are now older than the window
    expect(throttle.fail('10.1.2.3')).toEqual({ failures: 10, pausedUntil: null, startedPause: false });
  });

  it('neither counts nor lengthens the pause for a failure checked while it already runs', () => {
    const { throttle, advance } = throttleAt('2026-12-04T14:00:00.000Z');
    failTimes(throttle, '10.1.2.3', 20);
    advance(60_000);
    expect(throttle.fail('10.1.2.3')).toEqual({ failures: 0, pausedUntil: '2026-12-04T14:15:00.000Z', startedPause: false });
  });

  it('counts an IPv4-mapped address as the IPv4 one, and the desktop window (no address) as this computer', () => {
    const { throttle } = throttleAt('2026-12-04T14:00:00.000Z');
    failTimes(throttle, '::ffff:127.0.0.5', 10);
    expect(throttle.fail('127.0.0.5').failures).toBe(11);
    expect(throttle.fail(null).failures).toBe(1);
    expect([addressKey('::FFFF:10.0.0.1'), addressKey('fe80::1'), addressKey(null)]).toEqual(['10.0.0.1', 'fe80::1', 'this computer']);
  });

  it('keeps a bounded number of addresses, forgetting first the one longest without a failure', () => {
    const { throttle } = throttleAt('2026-12-04T14:00:00.000Z', { ...addressThrottlePolicy, failures: 3, trackedAddresses: 2 });
    failTimes(throttle, 'a', 3);
    failTimes(throttle, 'b', 2);
    expect(throttle.pausedUntil('a')).not.toBeNull();
    throttle.fail('c'); // a is the oldest of three: forgotten
    expect(throttle.pausedUntil('a')).toBeNull();
    expect(throttle.fail('b')).toMatchObject({ failures: 3, startedPause: true });
    throttle.fail('a'); // c is now the oldest
    expect(throttle.fail('c').failures).toBe(1);
  });

  it('says where the attempts came from and when to try again, by the site clock', () => {
    const now = new Date('2026-12-04T14:00:00.000Z');
    const until = '2026-12-04T14:15:00.000Z';
    expect(addressPaused('sign-ins', '::ffff:192.168.1.23', until, now, 'Europe/Oslo')).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Too many failed sign-ins from the address 192.168.1.23. Try again in 15 minutes (after 4 Dec 2026, 15:15).',
    });
    expect(addressPaused('API tokens', null, '2026-12-04T14:00:40.000Z', now, 'UTC').message).toBe(
      'Too many unknown API tokens from this computer. Try again in 40 seconds.',
    );
  });
});
