/**
 * The words a person reads for an input field in error messages ("Site: is required", never "Site ID" or
 * "Device › site ID"): the form's own label where it differs from the field's name. Fields not listed read
 * as their name in words ("validFrom" → "Valid from"), and a reference to a record drops its Id ("siteId" → "Site").
 */
const labels: Record<string, string> = {
  assetId: 'Asset ID',
  taxId: 'Tax ID',
  unitId: 'Modbus unit ID',
  entityId: 'Record ID',
  host: 'Address',
  ip: 'IP',
  mac: 'MAC',
  email: 'E-mail',
  contactEmail: 'Contact e-mail',
  billingEmail: 'Billing e-mail',
  clientEmail: 'Client e-mail',
  builtinProfile: 'Profile',
  customProfileId: 'Profile',
  meteredDeviceId: 'Measures',
  assigneeId: 'Assignee',
  managerId: 'Manager',
  base64: 'File',
  nominalPowerW: 'Nominal power',
  nominalHashrateThs: 'Nominal hashrate',
  energyRatePerKwh: 'Energy rate per kWh',
  hostingFeePerMinerMonth: 'Hosting fee per miner per month',
  workerName: 'Worker',
  url: 'URL',
  tlsCertPath: 'Certificate file',
  tlsKeyPath: 'Key file',
};

const acronyms: Record<string, string> = { kwh: 'kWh', id: 'ID', ids: 'IDs', ip: 'IP', mac: 'MAC', url: 'URL', pdu: 'PDU', smtp: 'SMTP', snmp: 'SNMP' };

/** One field name in the words of its form: a listed label, else its words with a record reference's Id dropped. */
export function fieldNameLabel(name: string): string {
  if (labels[name]) return labels[name];
  const words = name
    .replace(/Ids?$/, (suffix) => (suffix === 'Ids' ? 's' : ''))
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .map((word) => acronyms[word] ?? word)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The label of a field at an issue's path: the last field's own label; a list item adds its number
 * ("Ranges #2"), and a field inside a list item says which item ("URL (Pools #1)"). Objects that only
 * group fields (device, changes, snmp) are left out.
 */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const lastKey = path.findLastIndex((part) => typeof part !== 'number');
  if (lastKey < 0) return path.length ? `Item #${Number(path[0]) + 1}` : 'Input';
  const own = fieldNameLabel(String(path[lastKey]));
  const after = path[lastKey + 1];
  const item = typeof after === 'number' ? `${own} #${after + 1}` : own;
  const outer = path.slice(0, lastKey).findLastIndex((part) => typeof part === 'number');
  return outer > 0 ? `${item} (${fieldNameLabel(String(path[outer - 1]))} #${Number(path[outer]) + 1})` : item;
}
