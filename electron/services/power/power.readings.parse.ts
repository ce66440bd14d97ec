import { DateTime } from 'luxon';
import { parseDecimal } from '../../contract/money';
import { maxOutletIndex } from '../../contract/power.readings';

/**
 * The cells of one imported reading, read without the database: pure, no clock (the caller passes now).
 * Each function answers a value or the sentence that refuses the row.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });

const KWH = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

/**
 * kWh as decimal text to whole Wh, exactly (string arithmetic, never a float): "1234.567" → 1,234,567.
 * More than three decimals is refused rather than rounded: a meter's reading is not changed behind the
 * reader's back, and no counter shows less than a watt-hour.
 */
export function parseKwh(text: string): Parsed<number> {
  const cell = text.trim();
  const match = KWH.exec(cell);
  if (match) return { ok: true, value: parseDecimal(cell, 3)! };
  if (/^-\s*\d/.test(cell)) return refuse(`the reading "${cell}" kWh is negative; a counter only counts up from 0.`);
  if (/^\d+\.\d{4,}$/.test(cell))
    return refuse(`the reading "${cell}" kWh has more than three decimals; readings are kept to the watt-hour (0.001 kWh), so round it first.`);
  if (/^\d{13,}(\.\d*)?$/.test(cell)) return refuse(`the reading "${cell}" kWh is larger than any meter counts (at most 999,999,999,999.999).`);
  return refuse(`"${cell}" is not a number of kWh: write it with a decimal point and no thousands separators, like 1234.567.`);
}

/** A 1-based outlet number, or null for the device's own total (a blank cell). */
export function parseOutlet(cell: number | string | null | undefined): Parsed<number | null> {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { ok: true, value: null };
  const text = String(cell).trim();
  const index = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(index) || index < 1 || index > maxOutletIndex)
    return refuse(`outlet "${text}" is not an outlet number: write a whole number from 1 to ${maxOutletIndex}, or leave it blank for the device's total.`);
  return { ok: true, value: index };
}

const WITH_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const HAS_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const EXAMPLE = 'write it like 2026-11-01T01:30 (the site\u2019s local time) or 2026-11-01T05:30Z';

export type ReadInstant = { ms: number; overlap: string | null };

/** The instants a local wall time names in `zone`: none in a spring-forward gap, two in a fall-back overlap. */
function instantsOfLocal(wallAsUtcMs: number, zone: string): number[] {
  const offsets = new Set(
    [-1, 0, 1].map((days) => DateTime.fromMillis(wallAsUtcMs + days * 86_400_000, { zone }).offset).filter((offset) => Number.isFinite(offset)),
  );
  const found = new Set<number>();
  for (const offset of offsets) {
    const ms = wallAsUtcMs - offset * 60_000;
    if (DateTime.fromMillis(ms, { zone }).offset === offset) found.add(ms);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * When a reading was taken. With an offset ("…Z", "…-05:00") that instant; without one, the wall time in
 * the site's `zone`. A wall time the clocks skipped (spring forward) is refused; one they passed twice
 * (fall back) is read as the FIRST of the two (the earlier offset, still summer time), and said so, because
 * a reader writing down 01:30 on the night of the change most likely wrote it before the clocks went back.
 */
export function parseReadingInstant(text: string, zone: string): Parsed<ReadInstant> {
  const cell = text.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  if (!HAS_TIME.test(cell)) return refuse(`"${text.trim()}" is not a date and time: ${EXAMPLE}.`);
  if (WITH_OFFSET.test(cell)) {
    const at = DateTime.fromISO(cell, { setZone: true });
    return at.isValid ? { ok: true, value: { ms: at.toMillis(), overlap: null } } : refuse(`"${text.trim()}" is not a date and time: ${EXAMPLE}.`);
  }
  const wall = DateTime.fromISO(cell, { zone: 'utc' });
  if (!wall.isValid) return refuse(`"${text.trim()}" is not a date and time: ${EXAMPLE}.`);
  const instants = instantsOfLocal(wall.toMillis(), zone);
  const shown = wall.toFormat("yyyy-LL-dd'T'HH:mm");
  if (instants.length === 0)
    return refuse(`${shown} did not happen in ${zone}: the clocks jumped forward over it. Check the time, or write it with its offset.`);
  if (instants.length === 1) return { ok: true, value: { ms: instants[0], overlap: null } };
  const [first, second] = instants.map((ms) => DateTime.fromMillis(ms, { zone }).toFormat('ZZ'));
  return {
    ok: true,
    value: {
      ms: instants[0],
      overlap: `${shown} happened twice in ${zone} (the clocks went back); it was read as the first, at ${first}. Write ${shown}${second} for the second.`,
    },
  };
}
