/**
 * One reading of a meter over Modbus TCP: every register of the profile, adjacent registers of one
 * function read together, decoded by type and word order and scaled exactly. A register the meter
 * refuses (a Modbus exception) becomes a note naming the register and the profile field.
 */
import type { MeterProfile, ModbusSettings, RegisterDefinition } from '../../../contract/power.profiles';
import type { CounterReading, PowerReading } from '../reader';
import { PowerReadFailure, type PowerLimits } from '../read-device.limits';
import { counterReading, scaleToText, scaleToWhole } from '../scale';
import { decodeRegisters, registerWords } from './decode';
import { ModbusClient, ModbusException } from './modbus-client';

export type MeterTarget = { host: string; port: number; profile: MeterProfile; modbus: ModbusSettings };

/** The most registers one read may ask for (Modbus application protocol, functions 3 and 4). */
const maxRegistersPerRead = 125;

/** `field` names the value in messages; `extraLabel` is set for the profile's extra values. */
type Entry = { field: string; extraLabel?: string; definition: RegisterDefinition; wireAddress: number; words: number };

function registerLabel(entry: Entry): string {
  const table = entry.definition.function === 3 ? 'holding' : 'input';
  return `${table} register ${entry.definition.address} (${entry.field}, function ${entry.definition.function})`;
}

function entriesOf(profile: MeterProfile, notes: string[]): Entry[] {
  const fields: [string, RegisterDefinition | null, string?][] = [
    ['powerW', profile.powerW],
    ['energyWh', profile.energyWh],
    ...Object.entries(profile.extra).map(([label, definition]) => [`extra "${label}"`, definition, label] as [string, RegisterDefinition, string]),
  ];
  const entries: Entry[] = [];
  for (const [field, definition, extraLabel] of fields) {
    if (!definition) continue;
    const wireAddress = definition.address - profile.addressing;
    const words = registerWords[definition.type];
    if (wireAddress < 0 || wireAddress + words > 65536)
      notes.push(`Register ${definition.address} (${field}) is outside the Modbus address range with ${profile.addressing}-based addressing.`);
    else entries.push({ field, extraLabel, definition, wireAddress, words });
  }
  return entries;
}

/** Entries of one function whose registers touch or overlap, read with one request (no gaps: meters refuse unmapped words). */
function groupsOf(entries: Entry[]): Entry[][] {
  const sorted = [...entries].sort((a, b) => a.definition.function - b.definition.function || a.wireAddress - b.wireAddress);
  const groups: Entry[][] = [];
  for (const entry of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    const end = group ? Math.max(...group.map((e) => e.wireAddress + e.words)) : 0;
    if (
      group &&
      first &&
      first.definition.function === entry.definition.function &&
      entry.wireAddress <= end &&
      Math.max(end, entry.wireAddress + entry.words) - first.wireAddress <= maxRegistersPerRead
    )
      group.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

async function readGroup(client: ModbusClient, group: Entry[], into: Map<Entry, number[]>, notes: string[]): Promise<void> {
  const start = group[0].wireAddress;
  const count = Math.max(...group.map((e) => e.wireAddress + e.words)) - start;
  try {
    const words = await client.read(group[0].definition.function, start, count);
    for (const entry of group) into.set(entry, words.slice(entry.wireAddress - start, entry.wireAddress - start + entry.words));
  } catch (error) {
    if (!(error instanceof ModbusException)) throw error;
    if (group.length > 1) {
      for (const entry of group) await readGroup(client, [entry], into, notes);
      return;
    }
    notes.push(`The meter answered ${registerLabel(group[0])} with ${error.message}.`);
  }
}

export async function readMeter(target: MeterTarget, limits: PowerLimits): Promise<PowerReading> {
  const notes: string[] = [];
  const entries = entriesOf(target.profile, notes);
  const words = new Map<Entry, number[]>();
  const client = new ModbusClient(target.host, target.port, target.modbus.unitId, limits);
  try {
    await client.connect();
    for (const group of groupsOf(entries)) await readGroup(client, group, words, notes);
  } finally {
    client.close();
  }
  const reading: PowerReading = { powerW: null, energy: null, outlets: [], extra: {}, notes };
  let found = 0;
  for (const entry of entries) {
    const registers = words.get(entry);
    if (!registers) continue;
    const raw = decodeRegisters(registers, entry.definition.type, entry.definition.wordOrder);
    if (raw === null) {
      notes.push(`${registerLabel(entry)} holds no number (NaN or infinity).`);
      continue;
    }
    found++;
    if (entry.field === 'powerW') reading.powerW = scaleToWhole(raw, entry.definition.scale);
    else if (entry.field === 'energyWh') reading.energy = meterEnergy(raw, target.profile, entry, notes);
    else if (entry.extraLabel !== undefined) reading.extra[entry.extraLabel] = scaleToText(raw, entry.definition.scale) ?? raw;
  }
  if (found === 0 && entries.length > 0) {
    const more = notes.length > 1 ? ` It refused ${notes.length - 1} more of the profile's registers the same way.` : '';
    throw new PowerReadFailure('error', `${notes[0] ?? 'The meter gave none of the values the profile asks for.'}${more}`);
  }
  return reading;
}

function meterEnergy(raw: string, profile: MeterProfile, entry: Entry, notes: string[]): CounterReading | null {
  if (raw.startsWith('-')) {
    notes.push(`${registerLabel(entry)} holds a negative energy counter (${raw}); check the register type.`);
    return null;
  }
  const reading = counterReading(raw, entry.definition.scale, profile.energyWh?.bits ?? null);
  if (!reading) notes.push(`${registerLabel(entry)} holds a counter too large to keep exactly (${raw}).`);
  return reading;
}
