import { alertKindLabels } from '../../contract/alerts.vocab';
import { clientStatusLabels } from '../../contract/clients';
import { billingMethodLabels, contractStatusLabels, contractTypeLabels } from '../../contract/contracts.vocab';
import { formatDate, formatDateTime, isDateText, isInstantText } from '../../contract/dates';
import { invoiceStatusLabels } from '../../contract/invoices.vocab';
import { allocationReasonLabels } from '../../contract/payments.vocab';
import { grantablePermissionInfo } from '../../contract/permissions';
import { minerFamilyLabels } from '../../contract/devices';
import { deviceActionLabels } from '../../contract/devices.vocab';
import { formatDecimal, formatMoney, formatRateMicro } from '../../contract/money';
import { liveStatusLabels, minerStateLabels } from '../../contract/miners.vocab';
import { siteRoomKindLabels } from '../../contract/sites';
import { taskPriorityLabels, taskStatusLabels, taskTypeLabels } from '../../contract/tasks.vocab';
import { referenceFields, type NameBook } from './audit.names';

/** What a value needs to be read in words: record names, the zone of times, the record it sits in (its currency). */
export type ValueContext = { names: NameBook; timeZone: string; entity: string; record: Readonly<Record<string, unknown>> };

type Words = Readonly<Record<string, string>>;

const acronyms: Words = { id: 'ID', ip: 'IP', mac: 'MAC', url: 'URL', pdu: 'PDU', snmp: 'SNMP', kwh: 'kWh', rma: 'RMA', om: 'O&M', tcp: 'TCP' };

/** "in_default" → "In default", "assetId" → "Asset ID": a code in words, for anything no label names. */
export function wordsOf(code: string): string {
  const words = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.]+/)
    .filter(Boolean)
    .map((word) => acronyms[word.toLowerCase()] ?? word.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const fieldLabels: Words = {
  assetId: 'Asset ID',
  contactEmail: 'Contact e-mail',
  billingEmail: 'Billing e-mail',
  email: 'E-mail',
  taxExempt: 'Tax exempt',
  taxId: 'Tax ID',
  paid: 'Payment',
  groupId: 'Client group',
  mergedIntoId: 'Merged into',
  modelId: 'Model',
  rackPosition: 'Rack position',
  liveStatus: 'Live status',
  workerName: 'Worker',
  nominalHashrateGhs: 'Nominal hashrate',
  nominalPowerW: 'Nominal power',
  energyRateMicroPerKwh: 'Energy rate',
  energyRatePerKwh: 'Default energy rate',
  hostingFeeMinorPerMinerMonth: 'Hosting fee per miner and month',
  builtinProfile: 'Profile',
  customProfileId: 'Profile',
  meteredDeviceId: 'Measures',
  resolvedMinerId: 'Miner',
  pollIntervalS: 'Poll interval',
  timeoutMs: 'Time-out',
  allowPublicScanRanges: 'Public scan ranges allowed',
  hasSecret: 'Secret stored',
  secretsChanged: 'Secrets changed',
  passwordChanged: 'Password changed',
  why: 'Reason',
  comment: 'Comment',
  onHoldingPool: 'On the holding pool',
  createdNew: 'New miner created',
};

/** A field's name in words: "assigneeId" → "Assignee". */
export function fieldLabel(key: string): string {
  return fieldLabels[key] ?? wordsOf(key.replace(/(?<=.)Ids?$/, '').replace(/Json$/, ''));
}

const permissionLabels: Words = Object.fromEntries(Object.entries(grantablePermissionInfo).map(([name, info]) => [name, info.label]));

/** Enumerated fields whose words depend on the record (a client's status is not a task's). */
const enumsByEntity: Readonly<Record<string, Readonly<Record<string, Words>>>> = {
  client: { status: clientStatusLabels },
  task: { status: taskStatusLabels, type: taskTypeLabels, priority: taskPriorityLabels },
  miner: { state: minerStateLabels, liveStatus: liveStatusLabels },
  contract: { status: contractStatusLabels, type: contractTypeLabels, billingMethod: billingMethodLabels },
  invoice: { status: invoiceStatusLabels, reason: allocationReasonLabels },
  payment: { reason: allocationReasonLabels },
  site_room: { kind: siteRoomKindLabels },
  device_action: { kind: deviceActionLabels },
  power_device: { kind: { pdu: 'PDU', meter: 'Meter' } },
  role: { permissions: permissionLabels },
};

/** Enumerated fields that read the same on any record. */
const enumsByField: Readonly<Record<string, Words>> = { family: minerFamilyLabels, alertKind: alertKindLabels };

/** Fields whose content is machinery (a profile's OID map, a device's settings): a reader learns only that they changed. */
const opaqueFields = new Set(['definition', 'settingsJson', 'logo', 'scanRangesJson', 'sha256']);

const shortText = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberText = (n: number) => n.toLocaleString('en-US');

function numberWithUnit(key: string, n: number, ctx: ValueContext): string {
  if (key.endsWith('MicroPerKwh')) return `${formatRateMicro(n)} per kWh`;
  if (key.includes('Minor')) return typeof ctx.record.currency === 'string' ? formatMoney(n, ctx.record.currency) : formatDecimal(n, 2, 2);
  if (key.endsWith('Ghs')) return `${formatDecimal(n, 3)} TH/s`;
  if (key.endsWith('Ths')) return `${numberText(n)} TH/s`;
  if (key.endsWith('Wh')) return `${numberText(n)} Wh`;
  if (key.endsWith('W')) return `${numberText(n)} W`;
  if (key.endsWith('Ms')) return `${numberText(n)} ms`;
  if (key.endsWith('S')) return `${numberText(n)} s`;
  return numberText(n);
}

function listText(items: readonly unknown[], key: string, ctx: ValueContext): string {
  if (items.length === 0) return 'none';
  // Pools and similar lists of small records: their address is what a reader recognises.
  const parts = items.map((item) => (isRecord(item) ? String(item.url ?? item.name ?? item.assetId ?? objectText(item, ctx)) : valueText(key, item, ctx)));
  return shortText(parts.join(', '));
}

function objectText(value: Record<string, unknown>, ctx: ValueContext): string {
  const parts = Object.entries(value)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) =>
      typeof v === 'number' && !referenceFields[k] ? `${numberText(v)} ${wordsOf(k).toLowerCase()}` : `${fieldLabel(k)}: ${valueText(k, v, ctx)}`,
    );
  return shortText(parts.join(', ') || 'none');
}

/** One value of an audited field in words: names for ids, labels for codes, units, dates in the site's zone. */
export function valueText(key: string, value: unknown, ctx: ValueContext): string {
  if (value === null || value === undefined || value === '') return '—';
  if (opaqueFields.has(key)) return 'set';
  const kind = referenceFields[key];
  if (kind && (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))))
    return ctx.names.nameOf(kind, Number(value)) ?? `#${value} (removed)`;
  if (typeof value === 'boolean') return key === 'paid' ? (value ? 'Paid' : 'Unpaid') : value ? 'Yes' : 'No';
  if (typeof value === 'number') return numberWithUnit(key, value, ctx);
  if (Array.isArray(value)) return listText(value, key, ctx);
  if (isRecord(value)) return objectText(value, ctx);
  const text = String(value);
  const words = enumsByEntity[ctx.entity]?.[key] ?? enumsByField[key];
  if (words) return words[text] ?? wordsOf(text);
  if (isInstantText(text)) return formatDateTime(text, ctx.timeZone);
  if (isDateText(text)) return formatDate(text, ctx.timeZone);
  return shortText(text);
}
