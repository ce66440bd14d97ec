import { describe, expect, it } from 'vitest';
import { instantText, localDateOf, localDateTimeOf, moneyText } from './contract-format';

describe('contract dates and money on screen', () => {
  it('shows a day at local midnight as a date, any other instant with its time, in the site zone', () => {
    expect(instantText('2026-03-17T05:00:00.000Z', 'America/Chicago')).toBe('17 Mar 2026');
    expect(instantText('2026-11-15T18:00:00.000Z', 'America/Chicago')).toBe('15 Nov 2026, 12:00');
    expect(instantText(null, 'UTC')).toBe('—');
  });

  it('fills date inputs with the site-calendar day, not the computer’s', () => {
    expect(localDateOf('2026-03-17T05:00:00.000Z', 'America/Chicago')).toBe('2026-03-17');
    expect(localDateOf('2026-03-17T05:00:00.000Z', 'Asia/Tokyo')).toBe('2026-03-17');
    expect(localDateOf('2026-03-16T23:00:00.000Z', 'Asia/Tokyo')).toBe('2026-03-17');
    expect(localDateTimeOf('2026-06-10T17:00:00.000Z', 'America/Chicago')).toBe('2026-06-10T12:00');
  });

  it('writes decimal money with its currency without a float', () => {
    expect(moneyText('1500.00', 'USD')).toBe('$1,500.00');
    expect(moneyText('90071992547409.91', 'USD')).toBe('$90,071,992,547,409.91');
    expect(moneyText(null, 'USD')).toBe('—');
  });
});
