import { describe, expect, it } from 'vitest';
import { formatChartTime, formatDate, formatDateTime, isDateText, isInstantText } from './dates';

const at = '2026-12-04T03:40:24.000Z';

describe('the date formats', () => {
  it('writes an instant in the zone given, not the computer’s', () => {
    expect(formatDateTime(at, 'America/Chicago')).toBe('3 Dec 2026, 21:40');
    expect(formatDateTime(at, 'Europe/Oslo')).toBe('4 Dec 2026, 04:40');
    expect(formatDate(at, 'America/Chicago')).toBe('3 Dec 2026');
  });

  it('keeps a calendar date on its day whatever the zone', () => {
    expect(formatDate('2026-07-01', 'Pacific/Kiritimati')).toBe('1 Jul 2026');
    expect(formatDate('2026-07-01', 'Pacific/Pago_Pago')).toBe('1 Jul 2026');
  });

  it('labels chart ticks short, in the zone', () => {
    expect(formatChartTime(at, 'America/Chicago', false)).toBe('21:40');
    expect(formatChartTime(at, 'America/Chicago', true)).toBe('3 Dec, 21:40');
  });

  it('gives text it cannot read back as it is, and tells dates from instants', () => {
    expect(formatDateTime('soon', 'UTC')).toBe('soon');
    expect(isInstantText(at)).toBe(true);
    expect(isInstantText('2026-12-04')).toBe(false);
    expect(isDateText('2026-12-04')).toBe(true);
  });
});
