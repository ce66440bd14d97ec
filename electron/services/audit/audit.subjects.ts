import { alertKindLabels, type AlertKind } from '../../contract/alerts.vocab';
import { minerFamilyLabels, type MinerFamilyName } from '../../contract/devices';
import { deviceActionLabels, type DeviceActionKind } from '../../contract/devices.vocab';
import { mailTemplateLabels, type MailTemplateKind } from '../../contract/mail.vocab';
import { siteRoomKindLabels, type SiteRoomKind } from '../../contract/sites';
import { entityKinds, type NameBook } from './audit.names';
import { wordsOf } from './audit.values';

/** An audit row as stored, its JSON read. */
export type AuditFacts = { action: string; entity: string; entityId: string; clientId: number | null; before: unknown; after: unknown };

const fieldsOf = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The record's fields as the row saw them: after a change, or before a removal. */
export const snapshotOf = (row: AuditFacts) => ({ ...fieldsOf(row.before), ...fieldsOf(row.after) });

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The client a row concerns, by name. */
export function clientNameOf(row: AuditFacts, names: NameBook): string | null {
  const id = row.clientId ?? snapshotOf(row).clientId;
  return typeof id === 'number' ? names.nameOf('client', id) : null;
}

type SubjectOf = (row: AuditFacts, name: string | null, names: NameBook) => string;

const subjects: Readonly<Record<string, SubjectOf>> = {
  client: (row, name) => `client ${name ?? `#${row.entityId}`}`,
  client_contact: (row, _name, names) => `contact ${text(snapshotOf(row).name) ?? `#${row.entityId}`}${ofClient(row, names)}`,
  client_document: (row, _name, names) => `document “${text(snapshotOf(row).fileName) ?? `#${row.entityId}`}”${ofClient(row, names)}`,
  client_pricing: (row, _name, names) => `prices${ofClient(row, names)}`,
  client_group: (row, name) => `client group ${name ?? text(snapshotOf(row).name) ?? `#${row.entityId}`}`,
  miner: (row, name) => `miner ${name ?? text(snapshotOf(row).assetId) ?? `#${row.entityId}`}`,
  miner_model: (row, name) => `model ${name ?? `#${row.entityId}`}`,
  staff: (row, name) => `staff member ${name ?? text(snapshotOf(row).name) ?? `#${row.entityId}`}`,
  api_token: (row) => {
    const { name, owner } = snapshotOf(row);
    return `API token ${text(name) ? `“${text(name)}”` : `#${row.entityId}`}${text(owner) ? ` of ${text(owner)}` : ''}`;
  },
  // A client address counted by the sign-in and API-token throttles; the desktop window has none.
  address: (row) => (row.entityId === 'this computer' ? row.entityId : `address ${row.entityId}`),
  role: (row) => `role ${text(snapshotOf(row).name) ? `“${text(snapshotOf(row).name)}”` : `#${row.entityId}`}`,
  site: (row, name) => `site ${name ?? text(snapshotOf(row).name) ?? `#${row.entityId}`}`,
  site_room: (row, name) => {
    const kind = snapshotOf(row).kind as SiteRoomKind | undefined;
    return `${(kind ? siteRoomKindLabels[kind] : 'Room').toLowerCase()} ${name ?? text(snapshotOf(row).name) ?? `#${row.entityId}`}`;
  },
  rack: (row, name) => `rack ${name ?? text(snapshotOf(row).name) ?? `#${row.entityId}`}`,
  settings: () => 'the organisation settings',
  telemetry_settings: () => 'the telemetry settings',
  task: (row, name) => `task #${row.entityId}${name ? ` “${name}”` : ''}`,
  scan: (row) => `scan #${row.entityId}`,
  power_device: (row, name) => `${snapshotOf(row).kind === 'meter' ? 'meter' : 'PDU'} ${name ?? text(snapshotOf(row).name) ?? `#${row.entityId}`}`,
  power_profile: (row, name) => `power profile ${name ?? text(snapshotOf(row).name) ?? `#${row.entityId}`}`,
  power_outlet: (row) => text(snapshotOf(row).outlet) ?? `outlet #${row.entityId}`,
  alert: (row, name) => `alert #${row.entityId}${name ? ` (${name})` : ''}`,
  alert_rule: (row) => `the ${alertKindLabels[row.entityId as AlertKind] ?? wordsOf(row.entityId)} rule`,
  device_action: (row) => {
    const kind = snapshotOf(row).kind as DeviceActionKind | undefined;
    return `${kind ? deviceActionLabels[kind] : 'Device action'} run #${row.entityId}`;
  },
  miner_login: (row, _name, names) => {
    const facts = snapshotOf(row);
    const family = minerFamilyLabels[facts.family as MinerFamilyName] ?? 'miner';
    const site = typeof facts.siteId === 'number' ? names.nameOf('site', facts.siteId) : null;
    return `the ${family} login${site ? ` at ${site}` : ''}`;
  },
  holding_pool: () => 'the holding pool',
  identity_review: (row) => `identity review #${row.entityId}`,
  contract: (row, name) => `contract ${name ?? text(snapshotOf(row).number) ?? `#${row.entityId}`}`,
  payment: (row) => `payment #${row.entityId}`,
  // An invoice is known by its number once issued; a draft or held one by its row.
  invoice: (row, name) => `invoice ${name ?? text(snapshotOf(row).number) ?? `#${row.entityId}`}`,
  mail_settings: () => 'the e-mail settings',
  mail_template: (row) => `the ${(mailTemplateLabels[row.entityId as MailTemplateKind] ?? wordsOf(row.entityId)).toLowerCase()} e-mail template`,
  mail_message: (row) => `e-mail #${row.entityId}`,
  announcement: (row) => `announcement ${text(snapshotOf(row).subject) ? `“${text(snapshotOf(row).subject)}”` : `#${row.entityId}`}`,
  // A backup is known by its file name; the row may carry its full path.
  backup: (row) => `backup “${row.entityId.split(/[\\/]/).at(-1)}”`,
  backup_settings: () => 'the backup settings',
  office_lan_settings: () => 'the office network settings',
};

function ofClient(row: AuditFacts, names: NameBook): string {
  const client = clientNameOf(row, names);
  return client ? ` of ${client}` : '';
}

/** What the row is about, in words a sentence can start with: "client Arctic Hash", "task #41 “Replace PSU”". */
export function subjectOf(row: AuditFacts, names: NameBook): string {
  const kind = entityKinds[row.entity];
  const name = kind && /^\d+$/.test(row.entityId) ? names.nameOf(kind, Number(row.entityId)) : null;
  return (subjects[row.entity] ?? ((facts: AuditFacts) => `${wordsOf(facts.entity).toLowerCase()} #${facts.entityId}`))(row, name, names);
}
