import { describe, expect, it } from 'vitest';
import { parseKwh, parseOutlet, parseReadingInstant } from './power.readings.parse';

const ny = 'America/New_York';
const iso = (text: string, zone = ny) => {
  const parsed = parseReadingInstant(text, zone);
  return parsed.ok ? new Date(parsed.value.ms).toISOString() : parsed.message;
};

describe('parseKwh', () => {
  it('keeps a reading exactly as whole Wh, without a float', () => {
    expect(parseKwh('1234.567')).toEqual({ ok: true, value: 1_234_567 });
    expect(parseKwh(' 0.001 ')).toEqual({ ok: true, value: 1 });
    expect(parseKwh('42')).toEqual({ ok: true, value: 42_000 });
    expect(parseKwh('42.5')).toEqual({ ok: true, value: 42_500 });
    // 0.1 + 0.2 style drift would show here: 999,999,999,999.999 kWh is past 2^53 / 1000 in floats' exact range.
    expect(parseKwh('999999999999.999')).toEqual({ ok: true, value: 999_999_999_999_999 });
  });

  it('refuses more than three decimals instead of rounding', () => {
    expect(parseKwh('1234.5678')).toMatchObject({ ok: false, message: expect.stringMatching(/more than three decimals/) });
  });

  it('refuses negative, oversized and malformed numbers with the reason', () => {
    expect(parseKwh('-5')).toMatchObject({ ok: false, message: expect.stringMatching(/negative/) });
    expect(parseKwh('1234567890123')).toMatchObject({ ok: false, message: expect.stringMatching(/larger than any meter/) });
    expect(parseKwh('1,234.5')).toMatchObject({ ok: false, message: expect.stringMatching(/decimal point and no thousands separators/) });
    expect(parseKwh('12 kWh')).toMatchObject({ ok: false });
    expect(parseKwh('')).toMatchObject({ ok: false });
  });
});

describe('parseOutlet', () => {
  it('reads a 1-based number, blank as the device total, and refuses anything else', () => {
    expect(parseOutlet(3)).toEqual({ ok: true, value: 3 });
    expect(parseOutlet(' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseOutlet('')).toEqual({ ok: true, value: null });
    expect(parseOutlet(undefined)).toEqual({ ok: true, value: null });
    for (const bad of [0, '0', '1.5', 'A', 1000, -1]) expect(parseOutlet(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/outlet/) });
  });
});

describe('parseReadingInstant', () => {
  it('takes an instant with an offset as written', () => {
    expect(iso('2026-07-01T12:00:00Z')).toBe('2026-07-01T12:00:00.000Z');
    expect(iso('2026-07-01T08:00:00-04:00')).toBe('2026-07-01T12:00:00.000Z');
    expect(iso('2026-07-01T17:30+05:30', 'UTC')).toBe('2026-07-01T12:00:00.000Z');
  });

  it('reads a local date and time in the site zone, with T or a space', () => {
    expect(iso('2026-07-01T08:00')).toBe('2026-07-01T12:00:00.000Z');
    expect(iso('2026-01-15 08:00:00')).toBe('2026-01-15T13:00:00.000Z');
    expect(iso('2026-07-01T08:00', 'Asia/Tokyo')).toBe('2026-06-30T23:00:00.000Z');
  });

  it('reads a time the autumn change passed twice as the first of the two (summer time), and says so', () => {
    const parsed = parseReadingInstant('2026-11-01T01:30', ny);
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    expect(new Date(parsed.value.ms).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(parsed.value.overlap).toMatch(/happened twice in America\/New_York .* read as the first, at -04:00\. Write 2026-11-01T01:30-05:00 for the second/);
    // Written with its offset, the second one is taken as is.
    expect(iso('2026-11-01T01:30-05:00')).toBe('2026-11-01T06:30:00.000Z');
    // Just outside the overlap there is one reading only.
    const before = parseReadingInstant('2026-11-01T00:30', ny);
    expect(before.ok && before.value.overlap).toBe(null);
  });

  it('refuses a time the spring change skipped', () => {
    expect(iso('2026-03-08T02:30')).toMatch(/2026-03-08T02:30 did not happen in America\/New_York: the clocks jumped forward/);
    expect(iso('2026-03-08T03:30')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('refuses text that is not a date and time', () => {
    for (const bad of ['yesterday', '2026-07-01', '2026-13-01T00:00', '01/07/2026 08:00', '2026-02-30T10:00'])
      expect(iso(bad)).toMatch(/is not a date and time: write it like/);
  });
});
