import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { listenHostProblem } from '../../contract/office-lan';

/** The IP addresses this computer's network interfaces hold now. */
export const machineAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .map((entry) => entry.address);

/**
 * Why the server cannot listen on `host` for the office network (the words after "The address"), or null. An IP must
 * be one of this computer's (any of 127.0.0.0/8 counts: tests and a reverse proxy on this computer use them); a host
 * name is resolved when the server starts.
 */
export function lanAddressProblem(host: string, addresses: readonly string[] = machineAddresses()): string | null {
  const format = listenHostProblem(host);
  if (format) return format;
  if (isIP(host) !== 0 && !host.startsWith('127.') && !addresses.includes(host))
    return `"${host}" is not an address of this computer; it has ${addresses.filter((a) => isIP(a) === 4).join(', ')}`;
  return null;
}
