import { DateTime } from 'luxon';

/**
 * Billing time: a period is a calendar month in the site's IANA zone, from local 00:00 on the 1st to
 * local 00:00 on the next 1st (where a zone skips midnight, the first instant of that day). Every
 * instant is whole epoch seconds (the service drops milliseconds), every interval half-open [fromS, toS).
 *
 * THE PRO-RATING RULE: time under contract is counted in exact seconds, and an hour is 3,600 of them;
 * a partial hour is the exact fraction seconds / 3,600 (never rounded to whole hours). Only a line's
 * final figures are rounded (half-up, see billing.exact.ts).
 */
export type Interval = { fromS: number; toS: number };
/** A stored period whose end may still be open (null: until further notice). */
export type OpenInterval = { fromS: number; toS: number | null };

export type BillingPeriod = Interval & {
  /** YYYY-MM */
  month: string;
  timeZone: string;
  /** 744 in a 31-day month, 743 or 745 across a DST change, 721 in November 2026 in New York. */
  seconds: number;
};

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

// Working a month out in a zone with luxon costs more than billing a small contract: a batch asks for the same few again and again.
const periods = new Map<string, BillingPeriod>();

/** The period of `month` (YYYY-MM) in `timeZone`; throws a RangeError for a month or zone that does not exist. */
export function billingPeriod(month: string, timeZone: string): BillingPeriod {
  const key = `${month} ${timeZone}`;
  let period = periods.get(key);
  if (!period) periods.set(key, (period = periodOf(month, timeZone)));
  return { ...period };
}

function periodOf(month: string, timeZone: string): BillingPeriod {
  const match = monthPattern.exec(month);
  if (!match) throw new RangeError(`"${month}" is not a month like 2026-03.`);
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone: timeZone });
  if (!start.isValid) throw new RangeError(`"${timeZone}" is not a time zone.`);
  const fromS = start.toSeconds();
  const toS = start.plus({ months: 1 }).startOf('day').toSeconds();
  return { month, timeZone, fromS, toS, seconds: toS - fromS };
}

/** The instant local 00:00 of `date` (YYYY-MM-DD) begins in `timeZone`. */
export function localDayStartS(date: string, timeZone: string): number {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  if (!start.isValid) throw new RangeError(`"${date}" is not a date like 2026-03-17.`);
  return start.toSeconds();
}

/** The local days of a period, each [00:00, next 00:00): 23, 24 or 25 hours long. */
export function localDays(period: BillingPeriod): Interval[] {
  const days: Interval[] = [];
  let day = DateTime.fromSeconds(period.fromS, { zone: period.timeZone });
  while (day.toSeconds() < period.toS) {
    const next = day.plus({ days: 1 }).startOf('day');
    days.push({ fromS: day.toSeconds(), toS: next.toSeconds() });
    day = next;
  }
  return days;
}

/** Sorted, merged, clipped to `bound`; an open end runs to the bound's end. */
export function normalise(list: readonly OpenInterval[], bound: Interval): Interval[] {
  const clipped = list
    .map((i) => ({ fromS: Math.max(i.fromS, bound.fromS), toS: Math.min(i.toS ?? bound.toS, bound.toS) }))
    .filter((i) => i.toS > i.fromS)
    .sort((a, b) => a.fromS - b.fromS);
  const merged: Interval[] = [];
  for (const i of clipped) {
    const last = merged[merged.length - 1];
    if (last && i.fromS <= last.toS) last.toS = Math.max(last.toS, i.toS);
    else merged.push({ ...i });
  }
  return merged;
}

/** The common part of two sorted, merged lists. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const fromS = Math.max(a[i].fromS, b[j].fromS);
    const toS = Math.min(a[i].toS, b[j].toS);
    if (toS > fromS) out.push({ fromS, toS });
    if (a[i].toS < b[j].toS) i += 1;
    else j += 1;
  }
  return out;
}

/** What of `a` is not in `b` (both sorted, merged). */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const piece of a) {
    let fromS = piece.fromS;
    while (j < b.length && b[j].toS <= fromS) j += 1;
    for (let k = j; k < b.length && b[k].fromS < piece.toS; k += 1) {
      if (b[k].fromS > fromS) out.push({ fromS, toS: b[k].fromS });
      fromS = Math.max(fromS, b[k].toS);
    }
    if (fromS < piece.toS) out.push({ fromS, toS: piece.toS });
  }
  return out;
}

/** Total seconds of a merged list. */
export const totalSeconds = (list: readonly Interval[]): number => list.reduce((sum, i) => sum + i.toS - i.fromS, 0);

/** "2026-03-17 14:30" in the period's zone, for explanations. */
export const localText = (atS: number, timeZone: string): string => DateTime.fromSeconds(atS, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');
