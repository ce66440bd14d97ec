import { describe, expect, it } from 'vitest';
import { describeMinutes, isHashrateLow, isTempHigh, offlineFirings } from './alerts.evaluate';

describe('alert conditions', () => {
  it('says durations the way people do', () => {
    expect(describeMinutes(1)).toBe('1 minute');
    expect(describeMinutes(119)).toBe('119 minutes');
    expect(describeMinutes(120)).toBe('2 hours');
    expect(describeMinutes(125)).toBe('2 hours 5 minutes');
    expect(describeMinutes(1440)).toBe('1 day');
    expect(describeMinutes(1500)).toBe('1 day 1 hour');
  });

  it('compares hashrate and temperature at the edges', () => {
    expect(isHashrateLow(80, 100, 80)).toBe(false);
    expect(isHashrateLow(79.99, 100, 80)).toBe(true);
    expect(isHashrateLow(0, 0, 80)).toBe(false); // no nominal to compare with
    expect(isTempHigh(84, 85)).toBe(false);
    expect(isTempHigh(85, 85)).toBe(true);
  });

  it('fires nothing for a disabled rule or a time it cannot read', () => {
    const row = { minerId: 1, siteId: null, clientId: null, since: '2026-01-01T00:00:00.000Z' };
    const now = Date.parse('2026-01-02T00:00:00.000Z');
    expect(offlineFirings([row], { enabled: false, threshold: 10 }, now)).toEqual([]);
    expect(offlineFirings([{ ...row, since: 'not a time' }], { enabled: true, threshold: 10 }, now)).toEqual([]);
    expect(offlineFirings([row], { enabled: true, threshold: 10 }, now)).toMatchObject([{ value: 1440, message: 'Offline for 1 day (rule: over 10 minutes)' }]);
  });
});
