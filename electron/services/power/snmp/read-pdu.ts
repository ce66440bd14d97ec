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
    return raw === null ? null : this.counter(field, raw, definition, outlet);
  }

  /** A counter from raw text already read (or added up): scaled to Wh, with a note when it is too large to keep exactly. */
  counter(field: string, raw: string, definition: { scale: string; bits: 32 | 64 | null }, outlet?: number): CounterReading | null {
    const reading = counterReading(raw, definition.scale, definition.bits);
    if (!reading) this.notes.add(`${field}:huge`, `The ${field} counter ${raw} is too large to keep exactly in Wh`, outlet);
    return reading;
  }
}

/** More inlets than any PDU has: a bigger count is a wrong OID. */
const maxInlets = 16;

/** Reads a count at `oid` (profile field `field`); a missing, non-numeric or out-of-range count fails the reading. */
function countAt(values: Map<string, SnmpValue>, oid: string, field: string, what: string, max: number): number {
  const value = values.get(instance(oid, 0)) ?? { kind: 'missing', reason: 'no value' };
  const text = numberText(value);
  if (text === null)
    throw new PowerReadFailure(
      'error',
      value.kind === 'missing'
        ? `The PDU has no ${what} count at ${oid} (profile field ${field}: ${value.reason}); the profile may not fit this PDU model.`
        : `The ${what} count at ${oid} (profile field ${field}) is not a number.`,
    );
  const number = Number(text);
  if (!Number.isInteger(number) || number < 0 || number > max)
    throw new PowerReadFailure(
      'error',
      `The PDU reports ${text} ${what}s at ${oid} (${field}); expected 0 to ${max}, so the profile may not fit this PDU model.`,
    );
  return number;
}

/** The total OIDs to ask: each one once, or once per inlet when the profile adds up its inlets. */
function totalOids(profile: PduProfile, inlets: number): string[] {
  const templates = [profile.total.powerW?.oid, profile.total.energyWh?.oid].filter((oid): oid is string => !!oid);
  return templates.flatMap((template) =>
    template.includes('{inlet}') ? Array.from({ length: inlets }, (_, i) => inletInstance(template, i + 1)) : [instance(template, 0)],
  );
}

const inletInstance = (template: string, inlet: number) => template.replace(/^\./, '').replace('{inlet}', String(inlet));

async function readCounts(client: SnmpClient, profile: PduProfile): Promise<{ outlets: number; inlets: number }> {
  const { inletCountOid } = profile.total;
  const oids = [instance(profile.outletCountOid, 0), ...(inletCountOid ? [instance(inletCountOid, 0)] : [])];
  const values = await client.get(oids);
  const outlets = countAt(values, profile.outletCountOid, 'outletCountOid', 'outlet', maxOutlets);
  const inlets = inletCountOid ? countAt(values, inletCountOid, 'total.inletCountOid', 'inlet', maxInlets) : 1;
  return { outlets, inlets };
}

export async function readPdu(target: PduTarget, limits: PowerLimits): Promise<PowerReading> {
  const { profile } = target;
  const client = new SnmpClient(target.host, target.port, target.snmp, target.secrets, limits);
  try {
    const counts = await readCounts(client, profile);
    const templates = [profile.outlet.name, profile.outlet.powerW, profile.outlet.energyWh, profile.outlet.state].flatMap((field) =>
      field ? [field.oid] : [],
    );
    const oids = Array.from({ length: counts.outlets }, (_, i) => templates.map((template) => instance(template, i + 1))).flat();
    const values = await client.get([...oids, ...totalOids(profile, counts.inlets)]);
    return buildReading(profile, counts, values);
  } finally {
    client.close();
  }
}

function buildReading(profile: PduProfile, counts: { outlets: number; inlets: number }, values: Map<string, SnmpValue>): PowerReading {
  const notes = new Notes();
  const read = new Values(values, notes);
  const { name, powerW, energyWh, state } = profile.outlet;
  const outlets: OutletReading[] = [];
  for (let n = 1; n <= counts.outlets; n++) {
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
  const totals = readTotals(profile, counts.inlets, new Values(values, notes));
  if (read.asked > 0 && read.found === 0 && totals.found === 0)
    throw new PowerReadFailure('error', `The PDU answered but has none of the values the profile asks for: ${notes.list()[0]}.`);
  return {
    powerW: totals.powerW ?? sumOfOutlets(outlets, profile),
    energy: totals.energy,
    outlets,
    extra: {},
    notes: notes.list(),
  };
}

/**
 * The device totals: one value each, or the sum over every inlet when the OID has `{inlet}`. A sum needs every
 * inlet's value (a part would look like a drop in the counter). The energy sum keeps each inlet's wrap point:
 * when one inlet's counter wraps the sum falls by exactly that much, which the delta counts as a rollover.
 */
function readTotals(profile: PduProfile, inlets: number, read: Values): { powerW: number | null; energy: CounterReading | null; found: number } {
  const parts = (template: string) => (template.includes('{inlet}') ? Array.from({ length: inlets }, (_, i) => inletInstance(template, i + 1)) : [template]);
  const { powerW, energyWh } = profile.total;
  let power: number | null = null;
  if (powerW) {
    const raws = parts(powerW.oid).map((oid) => read.number('total power (total.powerW)', oid));
    const watts = raws.map((raw) => (raw === null ? null : scaleToWhole(raw, powerW.scale)));
    power = watts.length > 0 && watts.every((w) => w !== null) ? watts.reduce<number>((sum, w) => sum + (w ?? 0), 0) : null;
  }
  let energy: CounterReading | null = null;
  if (energyWh) {
    const raws = parts(energyWh.oid).map((oid) => read.number('total energy (total.energyWh)', oid));
    if (raws.length > 0 && raws.every((raw) => raw !== null)) {
      const sum = sumOfIntegers(raws as string[]);
      if (sum === null) read.notes.add('total:fraction', 'The inlet energy counters are not whole numbers, so they were not added up (total.energyWh)');
      else energy = read.counter('total energy (total.energyWh)', sum, energyWh);
    }
  }
  return { powerW: power, energy, found: read.found };
}

/** Adds whole-number counter texts exactly; null when one is not a whole number. */
function sumOfIntegers(raws: string[]): string | null {
  if (!raws.every((raw) => /^\d+$/.test(raw))) return null;
  return raws.reduce((sum, raw) => sum + BigInt(raw), 0n).toString();
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
