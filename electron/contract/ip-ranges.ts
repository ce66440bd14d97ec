/**
 * IPv4 ranges as a person types them for a scan: `10.0.0.0/16`, `10.0.1.10-10.0.1.90`, `10.0.1.10-90`
 * or one address. Addresses are whole numbers 0..2³²−1 inside, so ranges are two numbers, never lists.
 */

/**
 * The example addresses the screens and messages show: a facility LAN as operators know it. Shown to people
 * only; nothing connects to them, and tests refer to these names rather than to the addresses.
 */
export const exampleAddresses = { address: '10.0.7.21', range: '10.0.1.10-10.0.1.90', shortRange: '10.0.1.10-90', cidr: '10.0.1.0/24' } as const;

/** The most addresses one range may hold: a /16. */
export const maxRangeAddresses = 65_536;

export type IpRange = { first: number; last: number };

/** "10.0.1.7" → 167772423; null when it is not four numbers 0..255. */
export function ipToNumber(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return null;
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

export const numberToIp = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

/** Reads one range; the error says in plain words what is wrong with it. */
export function parseIpRange(raw: string): { ok: true; range: IpRange } | { ok: false; error: string } {
  const text = raw.trim();
  const bad = (why: string) => ({ ok: false as const, error: `"${text}" ${why}` });
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(text);
  if (cidr) {
    const base = ipToNumber(cidr[1]);
    const bits = Number(cidr[2]);
    if (base === null) return bad('does not start with a valid IPv4 address.');
    if (bits > 32) return bad('has a prefix length above 32.');
    if (bits < 16) return bad(`is larger than a /16 (${(2 ** (32 - bits)).toLocaleString('en-US')} addresses); split it into /16 ranges or smaller.`);
    const size = 2 ** (32 - bits);
    const first = base - (base % size);
    return { ok: true, range: { first, last: first + size - 1 } };
  }
  const dash = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(text);
  if (dash) {
    const first = ipToNumber(dash[1]);
    if (first === null) return bad('does not start with a valid IPv4 address.');
    // "10.0.1.10-90": the end is the last part only.
    const last = /^\d{1,3}$/.test(dash[2]) ? ipToNumber(dash[1].replace(/\d+$/, dash[2])) : ipToNumber(dash[2]);
    if (last === null) return bad('does not end with a valid IPv4 address.');
    if (last < first) return bad('ends before it starts.');
    if (last - first + 1 > maxRangeAddresses) return bad('holds more than 65,536 addresses (a /16); split it into smaller ranges.');
    return { ok: true, range: { first, last } };
  }
  const single = ipToNumber(text);
  if (single !== null) return { ok: true, range: { first: single, last: single } };
  return bad(`is not an IPv4 address, a range like ${exampleAddresses.range}, or a CIDR block like ${exampleAddresses.cidr}.`);
}

/** A range as text a person reads and parseIpRange reads back: a CIDR block when it is one, else first-last. */
export function formatIpRange(range: IpRange): string {
  const size = range.last - range.first + 1;
  if (size === 1) return numberToIp(range.first);
  const bits = Math.log2(size);
  if (Number.isInteger(bits) && range.first % size === 0) return `${numberToIp(range.first)}/${32 - bits}`;
  return `${numberToIp(range.first)}-${numberToIp(range.last)}`;
}

/** Ranges merged where they overlap or touch, in address order: every address probed once. */
export function mergeRanges(ranges: readonly IpRange[]): IpRange[] {
  const sorted = [...ranges].sort((a, b) => a.first - b.first);
  const merged: IpRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.first <= last.last + 1) last.last = Math.max(last.last, range.last);
    else merged.push({ ...range });
  }
  return merged;
}

export const rangeSize = (ranges: readonly IpRange[]): number => ranges.reduce((sum, r) => sum + r.last - r.first + 1, 0);

/** Every address of the ranges, lazily, in order. */
export function* addressesOf(ranges: readonly IpRange[]): Generator<string> {
  for (const range of ranges) for (let n = range.first; n <= range.last; n += 1) yield numberToIp(n);
}
