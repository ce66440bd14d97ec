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

type Block = { first: number; last: number; kind: AddressKind };
export type AddressKind = 'this-network' | 'private' | 'cgnat' | 'loopback' | 'link-local' | 'multicast' | 'reserved' | 'broadcast' | 'public';

const cidr = (base: string, bits: number, kind: AddressKind): Block => {
  const first = ipToNumber(base) ?? 0;
  return { first, last: first + 2 ** (32 - bits) - 1, kind };
};

/** The special IPv4 blocks (RFC 6890); everything else is public. Broadcast comes before the reserved block that holds it. */
const specialBlocks: readonly Block[] = [
  cidr('0.0.0.0', 8, 'this-network'),
  cidr('10.0.0.0', 8, 'private'),
  cidr('100.64.0.0', 10, 'cgnat'),
  cidr('127.0.0.0', 8, 'loopback'),
  cidr('169.254.0.0', 16, 'link-local'),
  cidr('172.16.0.0', 12, 'private'),
  cidr('192.168.0.0', 16, 'private'),
  cidr('224.0.0.0', 4, 'multicast'),
  cidr('255.255.255.255', 32, 'broadcast'),
  cidr('240.0.0.0', 4, 'reserved'),
];

/** What kind of address a number is: private, loopback, multicast… */
export const addressKind = (n: number): AddressKind => specialBlocks.find((b) => n >= b.first && n <= b.last)?.kind ?? 'public';

/** Kinds no single device can answer on: never a miner's, a PDU's or a scan's address. */
const unusableReasons: Partial<Record<AddressKind, string>> = {
  'this-network': 'is in 0.0.0.0/8, which means "this network", not a device',
  multicast: 'is a multicast address (224.0.0.0 to 239.255.255.255), not one device',
  broadcast: 'is the broadcast address, not one device',
  reserved: 'is in the reserved block 240.0.0.0/4, not a device address',
};

/** The space a LAN tool scans without asking: private, CGNAT, link-local and loopback. */
export const lanKinds: readonly AddressKind[] = ['private', 'cgnat', 'link-local', 'loopback'];
export const lanSpaceText =
  'private (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16), CGNAT (100.64.0.0/10), link-local (169.254.0.0/16) and loopback (127.0.0.0/8)';

/** Why one IPv4 address cannot be a device's (the sentence after the field label), or null when it can. */
export function deviceAddressProblem(ip: string): string | null {
  const n = ipToNumber(ip);
  if (n === null) return null;
  const reason = unusableReasons[addressKind(n)];
  return reason ? `"${ip.trim()}" ${reason}` : null;
}

const overlaps = (range: IpRange, b: Block) => range.first <= b.last && range.last >= b.first;

/** Why a scan may never cover this range (multicast, broadcast, reserved, 0.0.0.0/8), or null. */
export function unscannableRangeProblem(range: IpRange): string | null {
  const hit = specialBlocks.find((b) => unusableReasons[b.kind] && overlaps(range, b));
  if (!hit) return null;
  const what =
    hit.kind === 'this-network' ? '0.0.0.0/8 ("this network")' : hit.kind === 'reserved' ? 'the reserved block 240.0.0.0/4' : `${hit.kind} addresses`;
  return `"${formatIpRange(range)}" reaches ${what}; a scan covers device addresses only.`;
}

/** True when the whole range lies in LAN space (one block of a LAN kind). */
export const isLanRange = (range: IpRange): boolean => specialBlocks.some((b) => lanKinds.includes(b.kind) && range.first >= b.first && range.last <= b.last);

/** Why a scan may not cover this range unless public ranges are allowed in Settings, or null. */
export function publicRangeProblem(range: IpRange): string | null {
  if (isLanRange(range)) return null;
  return `"${formatIpRange(range)}" reaches public addresses. Hashdesk scans ${lanSpaceText} space; to scan beyond it, turn on "Allow public scan ranges" in Settings.`;
}
