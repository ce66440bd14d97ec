import type { SnmpSecrets, SnmpSettings } from '../../contract/power.profiles';

/** The secrets after an edit: an omitted field keeps the stored one, "" clears it. */
export function mergedSecrets(stored: SnmpSecrets, typed: SnmpSecrets): SnmpSecrets {
  const merged: SnmpSecrets = { ...stored };
  for (const key of ['community', 'authKey', 'privKey'] as const) {
    if (typed[key] === undefined) continue;
    if (typed[key] === '') delete merged[key];
    else merged[key] = typed[key];
  }
  return merged;
}

/** What SNMP needs to log in, as per-field reasons. */
export function snmpProblems(snmp: SnmpSettings, secrets: SnmpSecrets): Record<string, string> {
  const problems: Record<string, string> = {};
  if (snmp.version !== '3') {
    if (!secrets.community) problems['secrets.community'] = `is required for SNMP v${snmp.version}`;
    return problems;
  }
  if (!snmp.user) problems['snmp.user'] = 'is required for SNMP v3';
  const level = snmp.securityLevel ?? 'noAuthNoPriv';
  if (level !== 'noAuthNoPriv') {
    if (!snmp.authProtocol) problems['snmp.authProtocol'] = `is required for ${level}`;
    if (!secrets.authKey) problems['secrets.authKey'] = `is required for ${level}`;
    else if (secrets.authKey.length < 8) problems['secrets.authKey'] = 'must be at least 8 characters (SNMP v3)';
  }
  if (level === 'authPriv') {
    if (!snmp.privProtocol) problems['snmp.privProtocol'] = 'is required for authPriv';
    if (!secrets.privKey) problems['secrets.privKey'] = 'is required for authPriv';
    else if (secrets.privKey.length < 8) problems['secrets.privKey'] = 'must be at least 8 characters (SNMP v3)';
  }
  return problems;
}
