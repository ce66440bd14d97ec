import { emailSchema } from '../../../contract/fields';
import { unguardCellText } from '../../exports/formula-guard';
import { minerStates, type MinerState } from '../../../contract/miners';
import { tagSchema } from '../../../contract/miners.edit';
import { clearableImportFields, importClearMarker, importFieldLabels, type ImportField } from '../../../contract/miners.import';
import { deviceAddressProblem } from '../../../contract/ip-ranges';
import { normaliseHostname, normaliseIp, normaliseMac, normaliseSerial } from '../../../contract/miners.records';

/**
 * A row's cells read as typed values; a field missing here was blank or not mapped, which keeps the
 * miner's value. Null is a cell that said `(clear)`: the field is emptied.
 */
export type RowValues = {
  assetId?: string;
  ip?: string;
  mac?: string;
  serial?: string;
  hostname?: string | null;
  make?: string;
  model?: string;
  firmware?: string | null;
  worker?: string | null;
  site?: string;
  room?: string;
  rack?: string | null;
  position?: number | null;
  clientEmail?: string | null;
  clientName?: string | null;
  paid?: boolean;
  state?: MinerState;
  tags?: string[] | null;
  notes?: string | null;
};

// A Map, not an object: a cell saying "constructor" or "__proto__" must not find Object's own members.
const paidWords = new Map<string, boolean>([
  ['yes', true],
  ['y', true],
  ['true', true],
  ['paid', true],
  ['1', true],
  ['no', false],
  ['n', false],
  ['false', false],
  ['unpaid', false],
  ['0', false],
]);

/** A cell's text as a message quotes it: a 10,000-character cell is not echoed back whole. */
const quoted = (raw: string) => `"${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}"`;

type Reader = (text: string) => { value: unknown } | { error: string };

const ok = (value: unknown) => ({ value });
const text =
  (label: string, max: number): Reader =>
  (raw) =>
    raw.length > max ? { error: `${label} is longer than ${max} characters` } : ok(raw);

const readers: Record<ImportField, Reader> = {
  assetId: (raw) =>
    raw.length <= 40 && /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(raw)
      ? ok(raw)
      : { error: `asset ID "${raw.slice(0, 40)}" should be at most 40 letters, digits and - _ . / (starting with a letter or digit)` },
  ip: (raw) => {
    const ip = normaliseIp(raw);
    if (!ip) return { error: `IP ${quoted(raw)} is not a valid IPv4 address, like 127.60.0.10` };
    const unusable = deviceAddressProblem(ip);
    return unusable ? { error: `IP ${unusable}` } : ok(ip);
  },
  mac: (raw) => {
    const mac = normaliseMac(raw);
    return mac ? ok(mac) : { error: `MAC ${quoted(raw)} is not a valid MAC address, like AA:BB:CC:DD:EE:FF` };
  },
  serial: (raw) => (raw.length > 80 ? { error: 'serial is longer than 80 characters' } : ok(normaliseSerial(raw))),
  hostname: (raw) => (raw.length > 253 ? { error: 'hostname is longer than 253 characters' } : ok(normaliseHostname(raw))),
  make: text('make', 60),
  // Make and model may share one cell ("Bitmain Antminer S21"); the catalogue decides.
  model: text('model', 150),
  firmware: text('firmware', 120),
  worker: text('worker', 120),
  site: text('site', 120),
  room: text('room', 120),
  rack: text('rack', 120),
  position: (raw) => (/^\d{1,4}$/.test(raw) && Number(raw) > 0 ? ok(Number(raw)) : { error: `position ${quoted(raw)} is not a whole number of 1 or more` }),
  clientEmail: (raw) => {
    const parsed = emailSchema.safeParse(raw);
    return parsed.success ? ok(parsed.data) : { error: `client e-mail ${quoted(raw)} is not a valid e-mail address, like ops@example.com` };
  },
  clientName: text('client name', 120),
  paid: (raw) => {
    const paid = paidWords.get(raw.toLowerCase());
    return paid === undefined ? { error: `paid ${quoted(raw)} should be yes or no (also accepted: true/false, paid/unpaid, 1/0)` } : ok(paid);
  },
  state: (raw) => {
    const state = minerStates.find((one) => one === raw.toLowerCase());
    return state ? ok(state) : { error: `state ${quoted(raw)} should be one of ${minerStates.join(', ')}` };
  },
  tags: (raw) => {
    const tags = raw
      .split(/[,;]/)
      .map((tag) => tag.trim())
      .filter(Boolean);
    const bad = tags.find((tag) => !tagSchema.safeParse(tag).success);
    if (bad) return { error: `tag "${bad.slice(0, 60)}" is longer than 40 characters` };
    const unique = [...new Map(tags.map((tag) => [tag.toLowerCase(), tag])).values()];
    return unique.length > 20 ? { error: 'a miner may carry at most 20 tags' } : ok(unique);
  },
  notes: text('notes', 2000),
};

const clearable = new Set<ImportField>(clearableImportFields);
const clearableList = clearableImportFields.map((field) => importFieldLabels[field]).join(', ');

/** Reads the mapped cells of one row; every unreadable cell adds its reason, the others still count. */
export function readRowValues(cells: readonly string[], fields: readonly (ImportField | 'ignore')[]): { values: RowValues; errors: string[] } {
  const values: Record<string, unknown> = {};
  const errors: string[] = [];
  fields.forEach((field, i) => {
    if (field === 'ignore') return;
    const raw = unguardCellText(cells[i] ?? '').trim();
    if (raw === '') return;
    if (raw.toLowerCase() === importClearMarker) {
      if (clearable.has(field)) values[field] = null;
      else errors.push(`${importFieldLabels[field]} cannot be emptied with ${importClearMarker}; only ${clearableList} can`);
      return;
    }
    const read = readers[field](raw);
    if ('error' in read) errors.push(read.error);
    else values[field] = read.value;
  });
  return { values: values as RowValues, errors };
}
