import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { withStoryClock } from './demo.clock';

describe('the story clock', () => {
  it('answers the story instant for new Date(), Date.now() and luxon, and leaves dates built from values alone', () => {
    const seen = withStoryClock((clock) => {
      clock.set(Date.UTC(2025, 5, 1, 12));
      return {
        now: new Date().toISOString(),
        nowMs: Date.now(),
        luxon: DateTime.now().toUTC().toISO(),
        given: new Date('2024-01-02T03:04:05.000Z').toISOString(),
        isDate: new Date() instanceof Date,
        realNow: clock.realNow.getTime(),
      };
    });
    expect(seen).toMatchObject({
      now: '2025-06-01T12:00:00.000Z',
      nowMs: Date.UTC(2025, 5, 1, 12),
      luxon: '2025-06-01T12:00:00.000Z',
      given: '2024-01-02T03:04:05.000Z',
      isDate: true,
    });
    expect(Math.abs(seen.realNow - Date.now())).toBeLessThan(60_000);
  });

  it('gives the real clock back after the seed, also when the seed throws', () => {
    expect(() =>
      withStoryClock((clock) => {
        clock.set(0);
        throw new Error('seed failed');
      }),
    ).toThrow('seed failed');
    expect(new Date().getFullYear()).toBeGreaterThan(2020);
    expect(Date.now()).toBeGreaterThan(Date.UTC(2020, 0, 1));
  });
});
