/**
 * The built-in SNMP PDU profiles checked against the vendors' own MIB text (tests/fixtures/mibs, sources
 * in each file's header): every OID a profile reads is the named MIB column (or scalar) with the index the
 * profile means, and the scale turns the unit the MIB states into W or Wh. Sources and gaps: PROFILES.md.
 */
import { describe, expect, it } from 'vitest';
import type { PduProfile } from '../../electron/contract/power.profiles';
import { builtInPowerProfiles } from '../../electron/services/power/profiles';
import { enumValues, loadMibExcerpt, statedScale, type MibExcerpt } from '../helpers/mib-excerpt';

type Field = 'outletCount' | 'total.inletCount' | 'outlet.name' | 'outlet.powerW' | 'outlet.energyWh' | 'outlet.state' | 'total.powerW' | 'total.energyWh';
type Check = {
  field: Field;
  object: string;
  /** What follows the column's OID: the table row the profile reads. */
  index: string;
  /** For power and energy: 'stated' when the MIB names the unit, or the reason the profile's scale is assumed. */
  unit?: 'stated' | { assumedScale: string; why: string };
  /** For the outlet state: the MIB's enumeration names read as on and as off. */
  states?: { on: string[]; off: string[] };
  /** For a row whose last index is an enumerated sensor type: the enumeration name that index stands for. */
  sensor?: string;
};

function fieldOf(profile: PduProfile, field: Field): { oid: string; scale?: string; on?: number[]; off?: number[] } {
  switch (field) {
    case 'outletCount':
      return { oid: profile.outletCountOid };
    case 'total.inletCount':
      if (!profile.total.inletCountOid) throw new Error('the profile has no total.inletCountOid');
      return { oid: profile.total.inletCountOid };
    case 'outlet.name':
    case 'outlet.powerW':
    case 'outlet.energyWh':
    case 'outlet.state': {
      const value = profile.outlet[field.slice('outlet.'.length) as 'name' | 'powerW' | 'energyWh' | 'state'];
      if (!value) throw new Error(`the profile has no ${field}`);
      return value;
    }
    case 'total.powerW':
    case 'total.energyWh': {
      const value = profile.total[field.slice('total.'.length) as 'powerW' | 'energyWh'];
      if (!value) throw new Error(`the profile has no ${field}`);
      return value;
    }
  }
}

/** `lastUpdated`: the module's LAST-UPDATED (null for an SMIv1 module, which has none), pinning the revision checked. */
const verified: { profile: string; mib: string; lastUpdated: string | null; checks: Check[] }[] = [
  {
    profile: 'apc-rpdu2',
    mib: 'PowerNet-MIB',
    lastUpdated: null,
    checks: [
      { field: 'outletCount', object: 'rPDU2DevicePropertiesNumOutlets', index: '1' },
      { field: 'outlet.name', object: 'rPDU2OutletMeteredStatusName', index: '{outlet}' },
      {
        field: 'outlet.powerW',
        object: 'rPDU2OutletMeteredStatusPower',
        index: '{outlet}',
        unit: { assumedScale: '1', why: 'the description names no unit; the metered-outlet thresholds beside it are in Watts' },
      },
      { field: 'outlet.energyWh', object: 'rPDU2OutletMeteredStatusEnergy', index: '{outlet}', unit: 'stated' },
      { field: 'outlet.state', object: 'rPDU2OutletSwitchedStatusState', index: '{outlet}', states: { on: ['on'], off: ['off'] } },
      { field: 'total.powerW', object: 'rPDU2DeviceStatusPower', index: '1', unit: 'stated' },
      { field: 'total.energyWh', object: 'rPDU2DeviceStatusEnergy', index: '1', unit: 'stated' },
    ],
  },
  {
    profile: 'servertech-sentry4',
    mib: 'Sentry4-MIB',
    lastUpdated: '201706151830Z',
    checks: [
      // Rows are unit.cord[.outlet]: the profile reads unit 1 (A), input cord 1 (A).
      { field: 'outletCount', object: 'st4InputCordOutletCount', index: '1.1' },
      { field: 'outlet.name', object: 'st4OutletName', index: '1.1.{outlet}' },
      { field: 'outlet.powerW', object: 'st4OutletActivePower', index: '1.1.{outlet}', unit: 'stated' },
      { field: 'outlet.energyWh', object: 'st4OutletEnergy', index: '1.1.{outlet}', unit: 'stated' },
      { field: 'outlet.state', object: 'st4OutletState', index: '1.1.{outlet}', states: { on: ['on'], off: ['off'] } },
      { field: 'total.powerW', object: 'st4InputCordActivePower', index: '1.1', unit: 'stated' },
      { field: 'total.energyWh', object: 'st4InputCordEnergy', index: '1.1', unit: 'stated' },
    ],
  },
  {
    profile: 'eaton-epdu',
    mib: 'EATON-EPDU-MIB',
    lastUpdated: '202303311500Z',
    checks: [
      // Rows are strappingIndex[.outletIndex | .inputIndex]: strapping index 0 is a unit without strapping or
      // the master of a chain; the totals are input 1.
      { field: 'outletCount', object: 'outletCount', index: '0' },
      { field: 'outlet.name', object: 'outletName', index: '0.{outlet}' },
      { field: 'outlet.powerW', object: 'outletWatts', index: '0.{outlet}', unit: 'stated' },
      { field: 'outlet.energyWh', object: 'outletWh', index: '0.{outlet}', unit: 'stated' },
      // A pending state is a scheduled switch not yet made: pendingOff is still on, pendingOn still off.
      { field: 'outlet.state', object: 'outletControlStatus', index: '0.{outlet}', states: { on: ['on', 'pendingOff'], off: ['off', 'pendingOn'] } },
      { field: 'total.powerW', object: 'inputTotalWatts', index: '0.1', unit: 'stated' },
      { field: 'total.energyWh', object: 'inputTotalWh', index: '0.1', unit: 'stated' },
    ],
  },
  {
    profile: 'raritan-px',
    mib: 'PDU2-MIB',
    lastUpdated: '201711130000Z',
    checks: (() => {
      // Rows are pduId[.outletId | .inletId][.sensorType]: pduId is "always 1" on a PX2/PX3; the totals add up
      // inlets 1..inletCount ({inlet}).
      // A sensor value's unit is not in the value's description: it is the sensor's own outletSensorUnits /
      // inletSensorUnits (watt, wattHour, …), scaled down by its *SensorDecimalDigits, which the profile takes as 0.
      const perSensor = (unit: string) => ({
        assumedScale: '1',
        why: `the unit is given per sensor (SensorUnitsEnumeration ${unit}) and the value is scaled by the sensor's decimal digits, assumed 0`,
      });
      return [
        { field: 'outletCount', object: 'outletCount', index: '1' },
        { field: 'outlet.name', object: 'outletName', index: '1.{outlet}' },
        { field: 'outlet.powerW', object: 'measurementsOutletSensorValue', index: '1.{outlet}.5', sensor: 'activePower', unit: perSensor('watt') },
        { field: 'outlet.energyWh', object: 'measurementsOutletSensorValue', index: '1.{outlet}.8', sensor: 'activeEnergy', unit: perSensor('wattHour') },
        { field: 'outlet.state', object: 'outletSwitchingState', index: '1.{outlet}', states: { on: ['on'], off: ['off'] } },
        { field: 'total.inletCount', object: 'inletCount', index: '1' },
        { field: 'total.powerW', object: 'measurementsInletSensorValue', index: '1.{inlet}.5', sensor: 'activePower', unit: perSensor('watt') },
        { field: 'total.energyWh', object: 'measurementsInletSensorValue', index: '1.{inlet}.8', sensor: 'activeEnergy', unit: perSensor('wattHour') },
      ] satisfies Check[];
    })(),
  },
  {
    profile: 'cyberpower-epdu',
    mib: 'CPS-MIB',
    lastUpdated: null,
    checks: [
      // The ePDU branch's outlet tables have one index, the outlet number; the outlet count is a scalar.
      { field: 'outletCount', object: 'ePDUIdentDeviceNumOutlets', index: '0' },
      { field: 'outlet.name', object: 'ePDUOutletControlOutletName', index: '{outlet}' },
      { field: 'outlet.powerW', object: 'ePDUOutletStatusActivePower', index: '{outlet}', unit: 'stated' },
      { field: 'outlet.energyWh', object: 'ePDUOutletStatusEnergy', index: '{outlet}', unit: 'stated' },
      { field: 'outlet.state', object: 'ePDUOutletStatusOutletState', index: '{outlet}', states: { on: ['outletStatusOn'], off: ['outletStatusOff'] } },
    ],
  },
];

function columnOf(mib: MibExcerpt, name: string) {
  const object = mib.objects.get(name);
  if (!object) throw new Error(`${name} is not in the ${mib.module} excerpt`);
  return object;
}

describe.each(verified)('$profile against $mib', ({ profile: key, mib: moduleName, lastUpdated, checks }) => {
  const mib = loadMibExcerpt(moduleName);

  it('reads the revision of the MIB named in PROFILES.md', () => {
    expect(mib.lastUpdated).toBe(lastUpdated);
  });
  const builtIn = builtInPowerProfiles.get(key);
  if (builtIn?.kind !== 'pdu') throw new Error(`${key} is not a built-in PDU profile`);
  const profile = builtIn.definition;

  it('checks every OID the profile reads', () => {
    const read = [
      profile.outletCountOid,
      ...(profile.total.inletCountOid ? [profile.total.inletCountOid] : []),
      ...[profile.outlet.name, profile.outlet.powerW, profile.outlet.energyWh, profile.outlet.state, profile.total.powerW, profile.total.energyWh]
        .filter((field) => field !== null)
        .map((field) => field.oid),
    ];
    expect(checks.map((check) => fieldOf(profile, check.field).oid).sort()).toEqual(read.sort());
  });

  it.each(checks)('$field is $object, row $index', (check) => {
    const object = columnOf(mib, check.object);
    expect(fieldOf(profile, check.field).oid).toBe(`${object.oid}.${check.index}`);
    const parent = columnOf(mib, object.parent);
    if (parent.syntax === null) {
      // A scalar: it hangs from a plain OBJECT IDENTIFIER node and has the one instance 0.
      expect(check.index).toBe('0');
      return;
    }
    // A column of a conceptual row: entry ::= { table 1 }, with as many INDEX names as the row the profile reads has parts.
    expect(parent.index).toHaveLength(check.index.split('.').length);
    expect(parent.subId).toBe(1);
    expect(columnOf(mib, parent.parent).syntax).toMatch(/^SEQUENCE OF /);
  });

  it.each(checks.filter((check) => check.unit))('$field scale follows the unit of $object', (check) => {
    const object = columnOf(mib, check.object);
    const stated = statedScale(object);
    const field = fieldOf(profile, check.field);
    const wanted = check.field.endsWith('energyWh') ? 'Wh' : 'W';
    if (check.unit === 'stated') {
      expect(stated?.unit).toBe(wanted);
      expect(field.scale).toBe(stated?.scale);
    } else {
      // An assumption stays marked as one: this fails as soon as the MIB text states a unit.
      expect(stated).toBeNull();
      expect(field.scale).toBe(check.unit?.assumedScale);
    }
  });

  it.each(checks.filter((check) => check.states))('$field values come from the enumeration of $object', (check) => {
    const values = enumValues(mib, columnOf(mib, check.object));
    const field = fieldOf(profile, check.field);
    const valuesOf = (names: string[]) => names.map((name) => values[name]);
    expect(valuesOf(check.states!.on).every((value) => value !== undefined)).toBe(true);
    expect(field.on).toEqual(valuesOf(check.states!.on));
    expect(field.off).toEqual(valuesOf(check.states!.off));
  });

  it.each(checks.filter((check) => check.sensor))('$field reads the $sensor sensor of $object', (check) => {
    const entry = columnOf(mib, columnOf(mib, check.object).parent);
    const sensorIndex = columnOf(mib, entry.index?.at(-1) ?? '');
    expect(check.index.split('.').at(-1)).toBe(String(enumValues(mib, sensorIndex)[check.sensor!]));
  });

  it('reads names from a DisplayString (or plain OCTET STRING) and counts from an INTEGER', () => {
    for (const check of checks) {
      const syntax = columnOf(mib, check.object).syntax;
      if (check.field === 'outlet.name') expect(syntax).toMatch(/^(DisplayString|OCTET STRING)\b/);
      if (check.field === 'outletCount' || check.field === 'total.inletCount') expect(syntax).toMatch(/^(INTEGER|Integer32|Unsigned32|Gauge32)\b/);
    }
  });
});
