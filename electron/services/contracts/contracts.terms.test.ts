import { describe, expect, it } from 'vitest';
import { localText } from '../../../tests/helpers/contract-fixtures';
import { addLocalMonths, describeInstant, localDaysBefore, localMidnight, readInstant, renewalAnchor, termEnd } from './contracts.terms';

const ny = 'America/New_York';
const iso = (text: string, zone = ny) => {
  const read = readInstant(text, zone);
  if (!read.ok) throw new Error(read.message);
  return read.iso;
};

describe('reading typed moments in the site zone', () => {
  it('reads a local date as its midnight, a local time on the wall clock, an instant with offset as given', () => {
    expect(iso('2026-03-17')).toBe('2026-03-17T04:00:00.000Z'); // EDT from 8 March
    expect(iso('2026-01-17')).toBe('2026-01-17T05:00:00.000Z'); // EST
    expect(iso('2026-06-10T12:00')).toBe('2026-06-10T16:00:00.000Z');
    expect(iso('2026-06-10T12:00:30.5')).toBe('2026-06-10T16:00:30.500Z');
    expect(iso('2026-06-10T12:00+02:00')).toBe('2026-06-10T10:00:00.000Z');
    expect(iso('2026-06-10T10:00:00Z')).toBe('2026-06-10T10:00:00.000Z');
    expect(iso('2026-03-17', 'Asia/Tokyo')).toBe('2026-03-16T15:00:00.000Z');
  });

  it('refuses dates that are not on the calendar and the hour the clocks skip', () => {
    expect(readInstant('2026-02-30', ny)).toEqual({ ok: false, message: '2026-02-30 is not a date on the calendar.' });
    expect(readInstant('2026-03-08T02:30', ny)).toEqual({
      ok: false,
      message: '2026-03-08 02:30 does not exist in America/New_York: the clocks skip that hour. Choose another time.',
    });
    // The repeated hour in November is the first of the two (EDT, -04:00).
    expect(iso('2026-11-01T01:30')).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('terms on the local calendar', () => {
  it('ends a month after the 31st on the last day of the shorter month, in leap and common years', () => {
    expect(termEnd('m2m', iso('2026-01-31'), 0, ny)).toBe(iso('2026-02-28'));
    expect(termEnd('m2m', iso('2028-01-31'), 0, ny)).toBe(iso('2028-02-29'));
    expect(termEnd('3m', iso('2025-11-30'), 0, ny)).toBe(iso('2026-02-28'));
    expect(termEnd('6m', iso('2026-08-31'), 0, ny)).toBe(iso('2027-02-28'));
  });

  it('ends a year from 29 February on 28 February, and two years on 28 February again', () => {
    expect(termEnd('1y', iso('2028-02-29'), 0, ny)).toBe(iso('2029-02-28'));
    expect(termEnd('2y', iso('2028-02-29'), 0, ny)).toBe(iso('2030-02-28'));
    expect(termEnd('1y', iso('2027-03-01'), 0, ny)).toBe(iso('2028-03-01'));
  });

  it('keeps local midnight across DST: a March term is an hour shorter in UTC, a November one an hour longer', () => {
    const marchStart = iso('2026-03-01'); // EST
    const marchEnd = termEnd('m2m', marchStart, 0, ny)!; // EDT
    expect(marchEnd).toBe('2026-04-01T04:00:00.000Z');
    expect((Date.parse(marchEnd) - Date.parse(marchStart)) / 3_600_000).toBe(31 * 24 - 1);
    const novStart = iso('2026-11-01');
    const novEnd = termEnd('m2m', novStart, 0, ny)!;
    expect((Date.parse(novEnd) - Date.parse(novStart)) / 3_600_000).toBe(30 * 24 + 1);
    expect(termEnd('custom', marchStart, 0, ny)).toBeNull();
  });

  it('renews month-to-month from the 31st back onto the 31st instead of drifting to the 28th', () => {
    const anchor = iso('2026-01-31');
    let contract = { termAnchorAt: anchor, termsFromAnchor: 0, endsAt: termEnd('m2m', anchor, 0, ny)! };
    const ends: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const next = renewalAnchor('m2m', contract, ny);
      contract = { ...next, endsAt: termEnd('m2m', next.termAnchorAt, next.termsFromAnchor, ny)! };
      ends.push(localText(contract.endsAt, ny));
    }
    expect(ends).toEqual(['2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('starts a new anchor when an extension moved the end off the grid', () => {
    const anchor = iso('2026-01-15');
    const extended = { termAnchorAt: anchor, termsFromAnchor: 0, endsAt: iso('2026-02-20') };
    expect(renewalAnchor('m2m', extended, ny)).toEqual({ termAnchorAt: extended.endsAt, termsFromAnchor: 0 });
  });

  it('counts notice days on the local calendar and finds local midnight', () => {
    expect(localDaysBefore(iso('2026-05-01'), 60, ny)).toBe(iso('2026-03-02'));
    expect(localMidnight(new Date('2026-06-10T03:00:00Z'), ny)).toBe(iso('2026-06-09'));
    expect(addLocalMonths(iso('2026-06-10T12:00'), 1, ny)).toBe(iso('2026-07-10T12:00'));
    expect(describeInstant(iso('2026-06-10T12:00'), ny)).toBe('10 Jun 2026, 12:00');
    expect(describeInstant(iso('2026-06-10'), ny)).toBe('10 Jun 2026');
  });
});
