import { deviceAddressProblem, exampleAddresses, ipToNumber } from './ip-ranges';

/** Device addresses as people type them: IPv4, IPv6 or an RFC 1123 host name, each with its plain-words refusal. */

/** True for an IPv6 address in any standard form (`fe80::1`, `2001:db8::10`, `::ffff:10.0.7.21`); zone ids are not taken. */
export function isIPv6(text: string): boolean {
  if (!text.includes(':') || !/^[0-9a-f:.]+$/i.test(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const groups = halves.flatMap(groupsOf);
  const tail = groups.at(-1) ?? '';
  // An IPv4 tail counts as two groups.
  const ipv4Tail = tail.includes('.');
  if (ipv4Tail && ipToNumber(tail) === null) return false;
  const hexGroups = ipv4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  const count = hexGroups.length + (ipv4Tail ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Why an IPv6 address cannot be a device's, or null. */
function ipv6Problem(text: string): string | null {
  if (/^[0:]+$/.test(text)) return `"${text}" is the unspecified address, not a device`;
  if (/^ff/i.test(text)) return `"${text}" is a multicast address, not one device`;
  return null;
}

const hostLabel = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const hostExample = `an IPv4 address like ${exampleAddresses.address}, an IPv6 address like fd00::21 or a host name like pdu-a1`;

/** Why a PDU or meter address is not one (the sentence after the label), or null when it is. */
export function deviceHostProblem(text: string): string | null {
  if (/^[\d.]+$/.test(text)) {
    if (ipToNumber(text) === null) return `must be ${hostExample}; "${text}" is not a complete IPv4 address (four numbers 0 to 255)`;
    return deviceAddressProblem(text);
  }
  if (text.includes(':')) return isIPv6(text) ? ipv6Problem(text) : `must be ${hostExample}; "${text}" is not a valid IPv6 address`;
  const labels = text.replace(/\.$/, '').split('.');
  if (text.length > 253 || !labels.every((label) => hostLabel.test(label)))
    return `must be ${hostExample}; a host name uses letters, digits and hyphens, in parts that do not start or end with a hyphen`;
  // "1.2.3a" style names: a last part of digits only is a mistyped IPv4 address, never a real name (RFC 3696).
  if (/^\d+$/.test(labels.at(-1) ?? '')) return `must be ${hostExample}; a host name cannot end in a part of digits only`;
  return null;
}
