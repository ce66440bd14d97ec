import { describe, expect, it } from 'vitest';
import { addressesOf, exampleAddresses, formatIpRange, ipToNumber, mergeRanges, numberToIp, parseIpRange, rangeSize, type IpRange } from './ip-ranges';

const range = (text: string): IpRange => {
  const parsed = parseIpRange(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.range;
};
const ends = (text: string) => {
  const r = range(text);
  return [numberToIp(r.first), numberToIp(r.last)];
};
const error = (text: string) => {
  const parsed = parseIpRange(text);
  return parsed.ok ? 'parsed' : parsed.error;
};

describe('IPv4 ranges', () => {
  it('reads CIDR blocks (aligned to the block), dash ranges, short dash ranges and single addresses', () => {
    expect(ends('127.60.0.0/16')).toEqual(['127.60.0.0', '127.60.255.255']);
    expect(ends('127.60.1.77/24')).toEqual(['127.60.1.0', '127.60.1.255']);
    expect(ends('127.60.1.10-127.60.2.5')).toEqual(['127.60.1.10', '127.60.2.5']);
    expect(ends(' 127.60.1.10 - 90 ')).toEqual(['127.60.1.10', '127.60.1.90']);
    expect(ends('127.60.1.9')).toEqual(['127.60.1.9', '127.60.1.9']);
    expect(ends('127.60.1.9/32')).toEqual(['127.60.1.9', '127.60.1.9']);
    expect(ipToNumber('255.255.255.255')).toBe(2 ** 32 - 1);
  });

  it('refuses anything larger than a /16 and malformed text in plain words', () => {
    expect(error('127.0.0.0/8')).toBe('"127.0.0.0/8" is larger than a /16 (16,777,216 addresses); split it into /16 ranges or smaller.');
    expect(error('127.60.0.0-127.61.0.0')).toBe('"127.60.0.0-127.61.0.0" holds more than 65,536 addresses (a /16); split it into smaller ranges.');
    expect(error('127.60.1.90-10')).toBe('"127.60.1.90-10" ends before it starts.');
    expect(error('127.60.1.256')).toBe(
      `"127.60.1.256" is not an IPv4 address, a range like ${exampleAddresses.range}, or a CIDR block like ${exampleAddresses.cidr}.`,
    );
    expect(error('127.60.1.0/33')).toBe('"127.60.1.0/33" has a prefix length above 32.');
    expect(error('miner-7')).toContain('is not an IPv4 address');
    expect(parseIpRange('127.60.0.0-127.60.255.255').ok).toBe(true); // exactly a /16
  });

  it('merges overlapping and touching ranges so every address is probed once, and lists them lazily in order', () => {
    const merged = mergeRanges([range('127.60.1.0/24'), range('127.60.0.250-127.60.1.3'), range('127.60.2.0-5'), range('127.60.9.1')]);
    expect(merged.map((r) => [numberToIp(r.first), numberToIp(r.last)])).toEqual([
      ['127.60.0.250', '127.60.2.5'],
      ['127.60.9.1', '127.60.9.1'],
    ]);
    expect(rangeSize(merged)).toBe(6 + 256 + 6 + 1);
    expect(merged.map(formatIpRange)).toEqual(['127.60.0.250-127.60.2.5', '127.60.9.1']);
    expect(formatIpRange(range('127.60.4.0-127.60.7.255'))).toBe('127.60.4.0/22');
    expect([...addressesOf([range('127.60.0.254-127.60.1.1')])]).toEqual(['127.60.0.254', '127.60.0.255', '127.60.1.0', '127.60.1.1']);
  });
});
