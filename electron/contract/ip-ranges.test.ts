import { describe, expect, it } from 'vitest';
import {
  addressesOf,
  addressKind,
  deviceAddressProblem,
  exampleAddresses,
  formatIpRange,
  ipToNumber,
  isLanRange,
  mergeRanges,
  numberToIp,
  parseIpRange,
  publicRangeProblem,
  rangeSize,
  unscannableRangeProblem,
  type IpRange,
} from './ip-ranges';

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

describe('address kinds and what may be scanned', () => {
  const kind = (ip: string) => addressKind(ipToNumber(ip)!);

  it('names the special blocks and calls the rest public', () => {
    expect(['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1'].map(kind)).toEqual(['private', 'private', 'private', 'private']);
    expect([kind('100.64.0.1'), kind('100.127.255.255'), kind('100.128.0.0')]).toEqual(['cgnat', 'cgnat', 'public']);
    expect([kind('127.60.0.1'), kind('169.254.7.7'), kind('0.0.0.0'), kind('224.0.0.1'), kind('255.255.255.255'), kind('240.0.0.1')]).toEqual([
      'loopback',
      'link-local',
      'this-network',
      'multicast',
      'broadcast',
      'reserved',
    ]);
    expect([kind('8.8.8.8'), kind('172.32.0.1'), kind('192.169.0.1')]).toEqual(['public', 'public', 'public']);
  });

  it('refuses 0.0.0.0, broadcast, multicast and reserved addresses as a device address, and takes the others', () => {
    expect(deviceAddressProblem('0.0.0.0')).toBe('"0.0.0.0" is in 0.0.0.0/8, which means "this network", not a device');
    expect(deviceAddressProblem('255.255.255.255')).toBe('"255.255.255.255" is the broadcast address, not one device');
    expect(deviceAddressProblem('224.0.0.251')).toMatch(/multicast address/);
    expect(deviceAddressProblem('250.1.1.1')).toMatch(/reserved block/);
    for (const ip of [exampleAddresses.address, '127.60.0.10', '8.8.4.4', '100.64.0.9']) expect(deviceAddressProblem(ip)).toBeNull();
  });

  it('never scans multicast, broadcast, reserved or 0.0.0.0/8 space', () => {
    expect(unscannableRangeProblem(range('224.0.0.0/24'))).toBe('"224.0.0.0/24" reaches multicast addresses; a scan covers device addresses only.');
    expect(unscannableRangeProblem(range('255.255.255.255'))).toMatch(/broadcast addresses/);
    expect(unscannableRangeProblem(range('239.255.255.250-240.0.0.5'))).toMatch(/multicast/);
    expect(unscannableRangeProblem(range('0.0.0.0/24'))).toMatch(/"this network"/);
    expect(unscannableRangeProblem(range(exampleAddresses.cidr))).toBeNull();
  });

  it('takes ranges wholly inside LAN space, and explains public ones', () => {
    for (const text of [exampleAddresses.cidr, '172.20.0.0/16', '192.168.1.1-254', '100.64.0.0/16', '169.254.0.0/16', '127.60.0.0/16'])
      expect(isLanRange(range(text))).toBe(true);
    expect(isLanRange(range('9.255.255.250-10.0.0.5'))).toBe(false);
    expect(publicRangeProblem(range('8.8.8.0/24'))).toMatch(/^"8\.8\.8\.0\/24" reaches public addresses\. .*"Allow public scan ranges" in Settings\.$/);
    expect(publicRangeProblem(range('192.168.0.0/16'))).toBeNull();
  });
});
