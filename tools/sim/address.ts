// IPv4 helpers for the simulator. Every address it hands out lies inside 127.0.0.0/8, which Linux
// routes to the loopback device, so a simulated fleet can never reach or impersonate a real host.

export type LoopbackRange = { cidr: string; firstInt: number; lastInt: number };

export function ipToInt(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) {
    throw new Error(`"${ip}" is not an IPv4 address.`);
  }
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

export function intToIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.') && ipToInt(ip) >>> 24 === 127;
}

/** Parses "127.x.y.z/n" and refuses anything that reaches outside 127.0.0.0/8. */
export function parseLoopbackCidr(cidr: string): LoopbackRange {
  const match = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) throw new Error(`"${cidr}" is not a CIDR range such as 127.60.0.0/16.`);
  const prefix = Number(match[2]);
  if (prefix > 32) throw new Error(`"${cidr}" has a prefix longer than 32 bits.`);
  if (prefix < 8 || !isLoopback(match[1])) {
    throw new Error(`The simulator only runs inside 127.0.0.0/8 (loopback); "${cidr}" reaches outside it. Use a range such as 127.60.0.0/16.`);
  }
  const size = 2 ** (32 - prefix);
  const firstInt = ipToInt(match[1]) - (ipToInt(match[1]) % size);
  return { cidr, firstInt, lastInt: firstInt + size - 1 };
}

/**
 * The first `count` host addresses of the range, skipping the network and broadcast addresses
 * (a scanner of a real LAN skips them too) and 127.0.0.1, where the app and other tools listen.
 */
export function hostAddresses(range: LoopbackRange, count: number): string[] {
  const addresses: string[] = [];
  const edgesUsable = range.lastInt === range.firstInt;
  for (let value = range.firstInt; value <= range.lastInt && addresses.length < count; value++) {
    const isEdge = value === range.firstInt || value === range.lastInt;
    if ((isEdge && !edgesUsable) || value === 0x7f000001) continue;
    addresses.push(intToIp(value));
  }
  if (addresses.length < count) {
    throw new Error(`${range.cidr} holds only ${addresses.length} host addresses; ${count} were asked for.`);
  }
  return addresses;
}
