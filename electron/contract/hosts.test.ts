import { describe, expect, it } from 'vitest';
import { deviceHostProblem, isIPv6 } from './hosts';

describe('device hosts (PDUs and meters)', () => {
  it('takes IPv4 addresses, IPv6 addresses and RFC 1123 host names', () => {
    for (const host of ['10.0.7.21', '127.0.0.1', 'pdu-a1', 'PDU-A1.floor2.example', 'meter1.', 'fd00::21', '::1', '2001:db8:0:0:0:0:0:10', '::ffff:10.0.7.21'])
      expect(deviceHostProblem(host)).toBeNull();
  });

  it('refuses an IPv4 address of fewer than four numbers, or with a number above 255', () => {
    expect(deviceHostProblem('1.2.3')).toMatch(/"1\.2\.3" is not a complete IPv4 address/);
    expect(deviceHostProblem('10.0.7.256')).toMatch(/not a complete IPv4 address/);
  });

  it('refuses host names with a part that starts or ends with a hyphen, odd characters, or a last part of digits', () => {
    expect(deviceHostProblem('host-')).toMatch(/do not start or end with a hyphen/);
    expect(deviceHostProblem('-host')).toMatch(/do not start or end with a hyphen/);
    expect(deviceHostProblem('pdu_a1')).toMatch(/letters, digits and hyphens/);
    expect(deviceHostProblem('a..b')).toMatch(/letters, digits and hyphens/);
    expect(deviceHostProblem(`${'a'.repeat(64)}.example`)).toMatch(/letters, digits and hyphens/);
    expect(deviceHostProblem('1.2.3a.4')).toMatch(/cannot end in a part of digits only/);
  });

  it('refuses addresses no single device answers on', () => {
    expect(deviceHostProblem('0.0.0.0')).toMatch(/"this network"/);
    expect(deviceHostProblem('255.255.255.255')).toMatch(/broadcast address/);
    expect(deviceHostProblem('239.1.2.3')).toMatch(/multicast/);
    expect(deviceHostProblem('::')).toMatch(/unspecified address/);
    expect(deviceHostProblem('ff02::1')).toMatch(/multicast/);
  });

  it('reads IPv6 in its standard forms only', () => {
    for (const text of ['fe80::1', '1:2:3:4:5:6:7:8', '1::8', '::']) expect(isIPv6(text)).toBe(true);
    for (const text of ['1:2:3:4:5:6:7', '1::2::3', '12345::1', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', '::ffff:10.0.7', 'g::1']) expect(isIPv6(text)).toBe(false);
  });
});
