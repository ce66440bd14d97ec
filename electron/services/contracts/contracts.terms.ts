import { DateTime, IANAZone } from 'luxon';
import { contractTermMonths, type ContractTerm } from '../../contract/contracts.vocab';
import { formatDate, formatDateTime } from '../../contract/dates';

/**
 * Pure calendar arithmetic of contracts: no Db, no clock. Instants are ISO 8601 UTC with milliseconds
 * (`toISOString()`, so text order is time order); the site's IANA zone says which local calendar and wall
 * clock a date or a term is read in. Months are added on the local calendar: a day past the month's end
 * falls back to its last day (Jan 31 + 1 month = Feb 28, or 29), and the local time of day stays, so a
 * term crossing a DST change is an hour shorter or longer than the same term in UTC.
 */

export type InstantReading = { ok: true; iso: string } | { ok: false; message: string };

const localDate = /^\d{4}-\d{2}-\d{2}$/;
const localDateTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

const isoOf = (dt: DateTime): string => new Date(dt.toMillis()).toISOString();

const zones = new Map<string, IANAZone>();
/**
 * A stored instant on the zone's calendar. From milliseconds with a cached zone: reading ISO text with a zone
 * name each time costs luxon several times more, and a list page computes this for every row.
 */
function inZone(iso: string, zone: string): DateTime {
  let cached = zones.get(zone);
  if (!cached) zones.set(zone, (cached = IANAZone.create(zone)));
  return DateTime.fromMillis(Date.parse(iso), { zone: cached });
}

/**
 * Reads a typed moment: a local date (its 00:00) or a local date-time without offset, both in `zone`, or an
 * instant with an offset. A local time that does not exist (the hour skipped when clocks go forward) is
 * refused; one that happens twice (the hour repeated when they go back) is the first of the two.
 */
export function readInstant(text: string, zone: string): InstantReading {
  if (localDate.test(text)) {
    const day = DateTime.fromISO(text, { zone });
    return day.isValid ? { ok: true, iso: isoOf(day.startOf('day')) } : { ok: false, message: `${text} is not a date on the calendar.` };
  }
  const local = localDateTime.exec(text);
  if (local) {
    const at = DateTime.fromISO(text, { zone });
    if (!at.isValid) return { ok: false, message: `${text} is not a date and time on the calendar.` };
    if (at.toFormat("yyyy-MM-dd'T'HH:mm") !== `${local[1]}T${local[2]}`) {
      return { ok: false, message: `${local[1]} ${local[2]} does not exist in ${zone}: the clocks skip that hour. Choose another time.` };
    }
    // Luxon takes the later of a repeated hour; an hour earlier on the same wall clock is the first one.
    const earlier = at.minus({ hours: 1 });
    return { ok: true, iso: isoOf(earlier.toFormat('yyyy-MM-dd HH:mm:ss.SSS') === at.toFormat('yyyy-MM-dd HH:mm:ss.SSS') ? earlier : at) };
  }
  const instant = DateTime.fromISO(text, { setZone: true });
  return instant.isValid ? { ok: true, iso: isoOf(instant) } : { ok: false, message: `${text} is not a date and time on the calendar.` };
}

/** The instant `months` calendar months after `fromIso`, on the local calendar and wall clock of `zone`. */
export function addLocalMonths(fromIso: string, months: number, zone: string): string {
  return isoOf(inZone(fromIso, zone).plus({ months }));
}

/** The instant `days` local days before `iso` in `zone` (same wall-clock time): the last moment to give notice. */
export function localDaysBefore(iso: string, days: number, zone: string): string {
  return isoOf(inZone(iso, zone).minus({ days }));
}

/** Local midnight of the day `now` falls on in `zone`. */
export function localMidnight(now: Date, zone: string): string {
  return isoOf(DateTime.fromJSDate(now, { zone }).startOf('day'));
}

/**
 * Where a term ends: `termsFromAnchor + 1` whole terms after the anchor (the first start of a chain of
 * renewals), so renewals never drift off the 31st; null for a custom term.
 */
export function termEnd(term: ContractTerm, anchorIso: string, termsFromAnchor: number, zone: string): string | null {
  const months = contractTermMonths[term];
  return months === null ? null : addLocalMonths(anchorIso, months * (termsFromAnchor + 1), zone);
}

/** The anchor and term count of a renewal starting at `startIso` (the predecessor's end): the chain's anchor when the end fell on its grid, else a new anchor. */
export function renewalAnchor(
  term: ContractTerm,
  predecessor: { termAnchorAt: string; termsFromAnchor: number; endsAt: string },
  zone: string,
): { termAnchorAt: string; termsFromAnchor: number } {
  const onGrid = termEnd(term, predecessor.termAnchorAt, predecessor.termsFromAnchor, zone) === predecessor.endsAt;
  return onGrid
    ? { termAnchorAt: predecessor.termAnchorAt, termsFromAnchor: predecessor.termsFromAnchor + 1 }
    : { termAnchorAt: predecessor.endsAt, termsFromAnchor: 0 };
}

/** The length of a custom term in whole local days, to renew it by the same length. */
export function localDaysBetween(fromIso: string, toIso: string, zone: string): number {
  return Math.max(1, Math.round(inZone(toIso, zone).diff(inZone(fromIso, zone), 'days').days));
}

export function addLocalDays(fromIso: string, days: number, zone: string): string {
  return isoOf(inZone(fromIso, zone).plus({ days }));
}

/** The local calendar date (YYYY-MM-DD) an instant falls on in `zone`, e.g. to look up the price in force. */
export function localDateOf(iso: string, zone: string): string {
  return inZone(iso, zone).toISODate()!;
}

/**
 * An instant as the screens write it, in the site's zone: "17 Mar 2026" at local midnight, else
 * "10 Jun 2026, 12:00" (the same formatters as every page, so a sentence and the field beside it agree).
 */
export function describeInstant(iso: string, zone: string): string {
  const local = inZone(iso, zone);
  const midnight = local.hour === 0 && local.minute === 0 && local.second === 0;
  return midnight ? formatDate(local.toISODate()!, zone) : formatDateTime(iso, zone);
}

/** The year an instant falls in, in `zone`: contract numbers count per year. */
export function localYear(iso: string, zone: string): number {
  return inZone(iso, zone).year;
}
