import { AppError } from '../../../contract/errors';
import { importFieldLabels, type ImportColumn, type ImportField, type ImportTarget } from '../../../contract/miners.import';

/** Header names seen in MoonOne, Foreman and hand-made sheets, written without case, spaces or punctuation. */
const headerAliases: Record<ImportField, string[]> = {
  assetId: ['assetid', 'asset', 'assettag', 'assetnumber', 'inventoryid', 'inventorynumber'],
  ip: ['ip', 'ipaddress', 'ipv4', 'address', 'minerip', 'deviceip'],
  mac: ['mac', 'macaddress', 'hwaddress', 'ethernetaddress'],
  serial: ['serial', 'sn', 'serialnumber', 'serialno', 'minersn', 'psn'],
  hostname: ['hostname', 'host', 'hostnames', 'devicename'],
  make: ['make', 'manufacturer', 'brand', 'vendor'],
  model: ['model', 'minermodel', 'devicemodel', 'type', 'minertype'],
  firmware: ['firmware', 'fw', 'firmwareversion', 'fwversion'],
  worker: ['worker', 'workername', 'poolworker', 'pooluser', 'user'],
  site: ['site', 'location', 'facility', 'sitename'],
  room: ['room', 'container', 'hall', 'building'],
  rack: ['rack', 'shelf', 'rackname'],
  position: ['position', 'pos', 'slot', 'rackposition', 'place'],
  clientEmail: ['clientemail', 'email', 'customeremail', 'owneremail', 'clientmail', 'contactemail'],
  clientName: ['client', 'clientname', 'customer', 'customername', 'owner'],
  paid: ['paid', 'paidstatus', 'payment', 'ispaid'],
  state: ['state', 'minerstate', 'inventorystate'],
  tags: ['tags', 'tag', 'labels', 'label'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarks'],
};

const aliasToField = new Map<string, ImportField>(
  (Object.entries(headerAliases) as [ImportField, string[]][]).flatMap(([field, aliases]) => aliases.map((alias) => [alias, field] as const)),
);

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The field a header most likely means; the first column claiming a field keeps it, later ones are ignored. */
export function suggestMapping(headers: readonly string[]): ImportTarget[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = aliasToField.get(squash(header));
    if (!field || taken.has(field)) return 'ignore';
    taken.add(field);
    return field;
  });
}

/** Columns with their suggestion and the field the user chose; refuses unknown columns and two columns on one field. */
export function resolveColumns(headers: readonly string[], mapping: Readonly<Record<string, ImportTarget>>): ImportColumn[] {
  const known = new Set(headers);
  const strangers = Object.keys(mapping).filter((header) => !known.has(header));
  if (strangers.length > 0) {
    const names = strangers.map((name) => `"${name}"`).join(', ');
    throw new AppError('INVALID_INPUT', `The column mapping names ${names}, which the file does not have. Choose the file again and map its columns.`, {
      mapping: 'names a column the file does not have',
    });
  }
  const suggested = suggestMapping(headers);
  // Own keys only: a header named "constructor" or "toString" must not read the object's prototype.
  const chosen = new Map(Object.entries(mapping));
  const columns = headers.map((header, i) => ({ header, suggested: suggested[i], mapped: chosen.get(header) ?? suggested[i] }));
  const byField = new Map<ImportField, string[]>();
  for (const column of columns) {
    if (column.mapped === 'ignore') continue;
    byField.set(column.mapped, [...(byField.get(column.mapped) ?? []), column.header]);
  }
  const clashes = [...byField].filter(([, names]) => names.length > 1);
  if (clashes.length > 0) {
    const text = clashes.map(([field, names]) => `${names.map((name) => `"${name}"`).join(' and ')} are both read as ${importFieldLabels[field]}`).join('; ');
    throw new AppError('INVALID_INPUT', `${text}. Map each field from one column only, and set the others to "ignore".`, {
      mapping: 'maps two columns to one field',
    });
  }
  return columns;
}
