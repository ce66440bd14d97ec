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
const maxOutlets = 256;
const maxNameLength = 64;

export type PduTarget = { host: string; port: number; profile: PduProfile; snmp: SnmpSettings; secrets: SnmpSecrets };

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

/** Looks values up by OID template, notes what is missing or not a number, and counts what was asked and found. */
class Values {
  asked = 0;
  found = 0;

  constructor(
    private readonly values: Map<string, SnmpValue>,
    readonly notes: Notes,
  ) {}

  private at(template: string, outlet: number | undefined): SnmpValue {
    this.asked++;
    const value = this.values.get(instance(template, outlet ?? 0)) ?? { kind: 'missing', reason: 'no value' };
    if (value.kind !== 'missing') this.found++;
    return value;
  }

  private miss(field: string, template: string, value: SnmpValue, outlet: number | undefined): null {
    if (value.kind === 'missing') this.notes.add(`${field}:${value.reason}`, `No value at ${template} for ${field}: ${value.reason}`, outlet);
    else this.notes.add(`${field}:nan`, `The value at ${template} for ${field} is not a number`, outlet);
    return null;
  }

  text(field: string, template: string, outlet?: number): string | null {
    const value = this.at(template, outlet);
    return value.kind === 'missing' ? this.miss(field, template, value, outlet) : value.text;
  }

  number(field: string, template: string, outlet?: number): string | null {
    const value = this.at(template, outlet);
    return numberText(value) ?? this.miss(field, template, value, outlet);
  }

  energy(field: string, definition: { oid: string; scale: string; bits: 32 | 64 | null }, outlet?: number): CounterReading | null {
    const raw = this.number(field, definition.oid, outlet);
    if (raw === null) return null;
    const reading = counterReading(raw, definition.scale, definition.bits);
    if (!reading) this.notes.add(`${field}:huge`, `The ${field} counter ${raw} is too large to keep exactly in Wh`, outlet);
    return reading;
  }
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
    const templates = [profile.outlet.name, profile.outlet.powerW, profile.outlet.energyWh, profile.outlet.state].flatMap((field) =>
      field ? [field.oid] : [],
    );
    const oids = Array.from({ length: count }, (_, i) => templates.map((template) => instance(template, i + 1))).flat();
    const values = await client.get(oids);
    return buildReading(profile, count, values, totals);
  } finally {
    client.close();
  }
}

function buildReading(profile: PduProfile, count: number, values: Map<string, SnmpValue>, totals: Map<string, SnmpValue>): PowerReading {
  const notes = new Notes();
  const read = new Values(values, notes);
  const { name, powerW, energyWh, state } = profile.outlet;
  const outlets: OutletReading[] = [];
  for (let n = 1; n <= count; n++) {
    const nameText = name && read.text('outlet name (outlet.name)', name.oid, n);
    const power = powerW && read.number('outlet power (outlet.powerW)', powerW.oid, n);
    const stateText = state && read.number('outlet state (outlet.state)', state.oid, n);
    outlets.push({
      index: n,
      name: nameText ? cleanName(nameText) : null,
      state: stateText && state ? stateOf(Number(stateText), state.on, state.off) : 'unknown',
      powerW: power && powerW ? scaleToWhole(power, powerW.scale) : null,
      energy: energyWh && read.energy('outlet energy (outlet.energyWh)', energyWh, n),
    });
  }
  const total = new Values(totals, notes);
  const totalPower = profile.total.powerW && total.number('total power (total.powerW)', profile.total.powerW.oid);
  const totalEnergy = profile.total.energyWh && total.energy('total energy (total.energyWh)', profile.total.energyWh);
  if (read.asked + total.asked > 0 && read.found + total.found === 0)
    throw new PowerReadFailure('error', `The PDU answered but has none of the values the profile asks for: ${notes.list()[0]}.`);
  return {
    powerW: totalPower && profile.total.powerW ? scaleToWhole(totalPower, profile.total.powerW.scale) : sumOfOutlets(outlets, profile),
    energy: totalEnergy ?? null,
    outlets,
    extra: {},
    notes: notes.list(),
  };
}

function stateOf(value: number, on: number[], off: number[]): OutletState {
  if (on.includes(value)) return 'on';
  if (off.includes(value)) return 'off';
  return 'unknown';
}

/** Without a total power OID the PDU's power is the sum of its outlets, but only when every outlet gave one. */
function sumOfOutlets(outlets: OutletReading[], profile: PduProfile): number | null {
  if (profile.total.powerW || !profile.outlet.powerW || outlets.length === 0) return null;
  if (outlets.some((outlet) => outlet.powerW === null)) return null;
  return outlets.reduce((sum, outlet) => sum + (outlet.powerW ?? 0), 0);
}
