/**
 * One reading of a PDU over SNMP: the outlet count first, then every outlet's name, state, power and
 * energy from the profile's OID templates. A value the PDU lacks becomes a note naming the OID and the
 * profile field; the reading fails only when the PDU cannot be asked at all or gives no value the profile asks for.
 */
import type { OutletState } from '../../../contract/power.vocab';
import type { PduProfile, SnmpSecrets, SnmpSettings } from '../../../contract/power.profiles';
import type { CounterReading, OutletReading, PowerReading } from '../reader';
import { PowerReadFailure, type PowerLimits } from '../read-device.limits';
import { counterReading, scaleToWhole } from '../scale';
import { SnmpClient, type SnmpValue } from './snmp-client';

/** More outlets than any rack PDU has: a bigger count is a wrong OID, and reading it would flood the PDU. */
export const maxOutlets = 256;
const maxNameLength = 64;

export type PduTarget = { host: string; port: number; profile: PduProfile; snmp: SnmpSettings; secrets: SnmpSecrets };

type Field = 'name' | 'powerW' | 'energyWh' | 'state';
const fieldWords: Record<Field, string> = { name: 'outlet name', powerW: 'outlet power', energyWh: 'outlet energy', state: 'outlet state' };

const instance = (template: string, outlet: number) => template.replace(/^\./, '').replace('{outlet}', String(outlet));

function numberText(value: SnmpValue): string | null {
  if (value.kind === 'number') return value.text;
  if (value.kind === 'text' && /^-?\d+(\.\d+)?$/.test(value.text.trim())) return value.text.trim();
  return null;
}

function cleanName(text: string): string | null {
  // eslint-disable-next-line no-control-regex
  const name = text.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return name ? name.slice(0, maxNameLength) : null;
}

/** Collects "field missing on outlets 3, 7" once per field rather than once per outlet. */
class Notes {
  private readonly byKey = new Map<string, { text: string; outlets: number[] }>();

  add(key: string, text: string, outlet?: number): void {
    const entry = this.byKey.get(key) ?? { text, outlets: [] };
    if (outlet !== undefined) entry.outlets.push(outlet);
    this.byKey.set(key, entry);
  }

  list(): string[] {
    return [...this.byKey.values()].map(({ text, outlets }) =>
      outlets.length ? `${text} (outlet${outlets.length > 1 ? 's' : ''} ${outlets.join(', ')})` : text,
    );
  }
}

function missingNote(notes: Notes, field: string, template: string, value: SnmpValue, outlet?: number): void {
  if (value.kind === 'missing') notes.add(`${field}:${value.reason}`, `No value at ${template} for ${field}: ${value.reason}`, outlet);
  else notes.add(`${field}:nan`, `The value at ${template} for ${field} is not a number`, outlet);
}

async function readOutletCount(client: SnmpClient, profile: PduProfile): Promise<{ count: number; totals: Map<string, SnmpValue> }> {
  const countOid = instance(profile.outletCountOid, 0);
  const totalOids = [profile.total.powerW?.oid, profile.total.energyWh?.oid].filter((oid): oid is string => !!oid).map((oid) => instance(oid, 0));
  const values = await client.get([countOid, ...totalOids]);
  const count = values.get(countOid) ?? { kind: 'missing', reason: 'no value' };
  const text = numberText(count);
  if (text === null)
    throw new PowerReadFailure(
      'error',
      count.kind === 'missing'
        ? `The PDU has no outlet count at ${profile.outletCountOid} (profile field outletCountOid: ${count.reason}); the profile may not fit this PDU model.`
        : `The outlet count at ${profile.outletCountOid} (profile field outletCountOid) is not a number.`,
    );
  const number = Number(text);
  if (!Number.isInteger(number) || number < 0 || number > maxOutlets)
    throw new PowerReadFailure(
      'error',
      `The PDU reports ${text} outlets at ${profile.outletCountOid} (outletCountOid); expected 0 to ${maxOutlets}, so the profile may not fit this PDU model.`,
    );
  return { count: number, totals: values };
}

export async function readPdu(target: PduTarget, limits: PowerLimits): Promise<PowerReading> {
  const { profile } = target;
  const client = new SnmpClient(target.host, target.port, target.snmp, target.secrets, limits);
  try {
    const { count, totals } = await readOutletCount(client, profile);
    const fields = (['name', 'powerW', 'energyWh', 'state'] as const).filter((field) => profile.outlet[field] !== null);
    const outletNumbers = Array.from({ length: count }, (_, i) => i + 1);
    const oids = outletNumbers.flatMap((n) => fields.map((field) => instance(profile.outlet[field]!.oid, n)));
    const values = await client.get(oids);
    return buildReading(profile, count, fields, values, totals);
  } finally {
    client.close();
  }
}

function buildReading(profile: PduProfile, count: number, fields: Field[], values: Map<string, SnmpValue>, totals: Map<string, SnmpValue>): PowerReading {
  const notes = new Notes();
  let found = 0;
  const outlets: OutletReading[] = [];
  for (let n = 1; n <= count; n++) {
    const outlet: OutletReading = { index: n, name: null, state: 'unknown', powerW: null, energy: null };
    for (const field of fields) {
      const template = profile.outlet[field]!.oid;
      const value = values.get(instance(template, n)) ?? { kind: 'missing', reason: 'no value' };
      const label = `${fieldWords[field]} (outlet.${field})`;
      if (field === 'name') {
        if (value.kind === 'missing') missingNote(notes, label, template, value, n);
        else outlet.name = cleanName(value.text);
      } else if (field === 'state') {
        const state = profile.outlet.state!;
        const text = numberText(value);
        if (text === null) missingNote(notes, label, template, value, n);
        else outlet.state = stateOf(Number(text), state.on, state.off);
      } else {
        const raw = numberText(value);
        if (raw === null) missingNote(notes, label, template, value, n);
        else if (field === 'powerW') outlet.powerW = scaleToWhole(raw, profile.outlet.powerW!.scale);
        else outlet.energy = energyOf(raw, profile.outlet.energyWh!, label, notes, n);
      }
      if (value.kind !== 'missing') found++;
    }
    outlets.push(outlet);
  }
  const total = readTotals(profile, totals, notes);
  found += total.found;
  if (found === 0 && (fields.length > 0 || total.asked > 0) && (count > 0 || total.asked > 0))
    throw new PowerReadFailure('error', `The PDU answered but has none of the values the profile asks for: ${notes.list()[0] ?? 'no values'}.`);
  const powerW = total.powerW ?? sumOfOutlets(outlets, profile);
  return { powerW, energy: total.energy, outlets, extra: {}, notes: notes.list() };
}

function stateOf(value: number, on: number[], off: number[]): OutletState {
  if (on.includes(value)) return 'on';
  if (off.includes(value)) return 'off';
  return 'unknown';
}

function energyOf(raw: string, definition: { scale: string; bits: 32 | 64 | null }, label: string, notes: Notes, outlet?: number): CounterReading | null {
  const reading = counterReading(raw, definition.scale, definition.bits);
  if (!reading) notes.add(`${label}:huge`, `The ${label} counter ${raw} is too large to keep exactly`, outlet);
  return reading;
}

function readTotals(profile: PduProfile, values: Map<string, SnmpValue>, notes: Notes) {
  let found = 0;
  let asked = 0;
  let powerW: number | null = null;
  let energy: CounterReading | null = null;
  if (profile.total.powerW) {
    asked++;
    const value = values.get(instance(profile.total.powerW.oid, 0)) ?? { kind: 'missing', reason: 'no value' };
    const raw = numberText(value);
    if (raw === null) missingNote(notes, 'total power (total.powerW)', profile.total.powerW.oid, value);
    else powerW = scaleToWhole(raw, profile.total.powerW.scale);
    if (value.kind !== 'missing') found++;
  }
  if (profile.total.energyWh) {
    asked++;
    const value = values.get(instance(profile.total.energyWh.oid, 0)) ?? { kind: 'missing', reason: 'no value' };
    const raw = numberText(value);
    if (raw === null) missingNote(notes, 'total energy (total.energyWh)', profile.total.energyWh.oid, value);
    else energy = energyOf(raw, profile.total.energyWh, 'total energy (total.energyWh)', notes);
    if (value.kind !== 'missing') found++;
  }
  return { found, asked, powerW, energy };
}

/** Without a total power OID the PDU's power is the sum of its outlets, but only when every outlet gave one. */
function sumOfOutlets(outlets: OutletReading[], profile: PduProfile): number | null {
  if (profile.total.powerW || !profile.outlet.powerW || outlets.length === 0) return null;
  if (outlets.some((outlet) => outlet.powerW === null)) return null;
  return outlets.reduce((sum, outlet) => sum + (outlet.powerW ?? 0), 0);
}
