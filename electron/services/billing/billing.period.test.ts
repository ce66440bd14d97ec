import { describe, expect, it } from 'vitest';
import { billingPeriod, intersect, localDays, normalise, subtract, totalSeconds } from './billing.period';
import { at, HOUR } from './billing.test-inputs';

describe('billingPeriod', () => {
  it('runs from local 00:00 on the 1st to local 00:00 on the next 1st', () => {
    // New York is UTC−5 (EST) on 1 March and UTC−4 (EDT) on 1 April.
    const march = billingPeriod('2026-03', 'America/New_York');
    expect(march.fromS).toBe(at('2026-03-01T05:00:00Z'));
    expect(march.toS).toBe(at('2026-04-01T04:00:00Z'));
  });

  it('has 743 hours in a spring-forward month and 721 in a fall-back month (New York)', () => {
    // 8 March 2026 loses an hour: 31 × 24 − 1 = 743. 1 November 2026 gains one: 30 × 24 + 1 = 721.
    expect(billingPeriod('2026-03', 'America/New_York').seconds).toBe(743 * HOUR);
    expect(billingPeriod('2026-11', 'America/New_York').seconds).toBe(721 * HOUR);
    expect(billingPeriod('2026-10', 'America/New_York').seconds).toBe(744 * HOUR);
    // London falls back on 25 October 2026: 745 hours.
    expect(billingPeriod('2026-10', 'Europe/London').seconds).toBe(745 * HOUR);
  });

  it('has plain 24-hour days in a zone without DST', () => {
    expect(billingPeriod('2026-03', 'Asia/Tokyo').seconds).toBe(744 * HOUR);
    expect(billingPeriod('2026-03', 'Asia/Tokyo').fromS).toBe(at('2026-02-28T15:00:00Z'));
    expect(billingPeriod('2028-02', 'UTC').seconds).toBe(29 * 24 * HOUR);
  });

  it('refuses a month or a zone that does not exist', () => {
    expect(() => billingPeriod('2026-13', 'UTC')).toThrow(/not a month/);
    expect(() => billingPeriod('2026-3', 'UTC')).toThrow(/not a month/);
    expect(() => billingPeriod('2026-03', 'Mars/Olympus')).toThrow(/not a time zone/);
  });
});

describe('localDays', () => {
  it('lists the local days of the month with their true lengths', () => {
    const days = localDays(billingPeriod('2026-03', 'America/New_York'));
    expect(days).toHaveLength(31);
    expect(days[7].toS - days[7].fromS).toBe(23 * HOUR); // 8 March
    expect(days[8].toS - days[8].fromS).toBe(24 * HOUR);
    expect(days[30].toS).toBe(at('2026-04-01T04:00:00Z'));
  });
});

describe('interval arithmetic', () => {
  const bound = { fromS: 0, toS: 100 };
  it('clips, sorts and merges, an open end running to the bound', () => {
    expect(
      normalise(
        [
          { fromS: 50, toS: null },
          { fromS: -10, toS: 10 },
          { fromS: 5, toS: 20 },
          { fromS: 200, toS: 300 },
        ],
        bound,
      ),
    ).toEqual([
      { fromS: 0, toS: 20 },
      { fromS: 50, toS: 100 },
    ]);
  });
  it('intersects and subtracts half-open intervals (touching ends do not overlap)', () => {
    const a = [
      { fromS: 0, toS: 30 },
      { fromS: 40, toS: 100 },
    ];
    const b = [
      { fromS: 30, toS: 50 },
      { fromS: 60, toS: 70 },
    ];
    expect(intersect(a, b)).toEqual([
      { fromS: 40, toS: 50 },
      { fromS: 60, toS: 70 },
    ]);
    expect(subtract(a, b)).toEqual([
      { fromS: 0, toS: 30 },
      { fromS: 50, toS: 60 },
      { fromS: 70, toS: 100 },
    ]);
    expect(totalSeconds(subtract(a, b))).toBe(30 + 10 + 30);
  });
});
