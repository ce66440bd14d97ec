import type { Input } from '../../../electron/contract';
import type { MeterProfile, PduProfile, RegisterDefinition } from '../../../electron/contract/power.profiles';
import type { PowerDeviceKind } from '../../../electron/contract/power.vocab';

/**
 * The profile editor's values: every field as typed text, so an empty box means "not read" and the
 * contract's schema explains anything wrong per field when the form is saved.
 */
export type OidText = { oid: string; scale: string };
export type CounterOidText = OidText & { bits: 'none' | '32' | '64' };
export type RegisterText = { function: '3' | '4'; address: number | string; type: RegisterDefinition['type']; wordOrder: 'big' | 'little'; scale: string };
export type PduText = {
  outletCountOid: string;
  outlet: { nameOid: string; powerW: OidText; energyWh: CounterOidText; state: { oid: string; on: string; off: string } };
  total: { inletCountOid: string; powerW: OidText; energyWh: CounterOidText };
};
export type MeterText = {
  addressing: '0' | '1';
  powerW: RegisterText;
  energyWh: RegisterText & { bits: 'none' | '32' | '64' };
  extra: (RegisterText & { label: string })[];
};

const oidText = (part: { oid: string; scale: string } | null): OidText => ({ oid: part?.oid ?? '', scale: part?.scale ?? '1' });
const bitsText = (bits: 32 | 64 | null | undefined) => (bits ? (String(bits) as '32' | '64') : 'none');
const registerText = (reg: RegisterDefinition | null): RegisterText => ({
  function: reg ? (String(reg.function) as '3' | '4') : '4',
  address: reg?.address ?? '',
  type: reg?.type ?? 'float32',
  wordOrder: reg?.wordOrder ?? 'big',
  scale: reg?.scale ?? '1',
});

export function pduText(p: PduProfile | null): PduText {
  return {
    outletCountOid: p?.outletCountOid ?? '',
    outlet: {
      nameOid: p?.outlet.name?.oid ?? '',
      powerW: oidText(p?.outlet.powerW ?? null),
      energyWh: { ...oidText(p?.outlet.energyWh ?? null), bits: bitsText(p?.outlet.energyWh?.bits) },
      state: { oid: p?.outlet.state?.oid ?? '', on: p?.outlet.state?.on.join(', ') ?? '', off: p?.outlet.state?.off.join(', ') ?? '' },
    },
    total: {
      inletCountOid: p?.total.inletCountOid ?? '',
      powerW: oidText(p?.total.powerW ?? null),
      energyWh: { ...oidText(p?.total.energyWh ?? null), bits: bitsText(p?.total.energyWh?.bits) },
    },
  };
}

/**
 * The outlet power and energy OIDs the built-in CyberPower ePDU profile had before it was checked against the
 * CPS-MIB: column 6 is the outlet's bank number and column 7 its current (0.1 A), not power and energy (8, 13).
 * A custom profile copied from it then still has them.
 */
const oldCyberPowerOids = ['1.3.6.1.4.1.3808.1.1.3.5.1.1.6.{outlet}', '1.3.6.1.4.1.3808.1.1.3.5.1.1.7.{outlet}'];

export const hasOldCyberPowerOids = (t: PduText) =>
  [t.outlet.powerW.oid, t.outlet.energyWh.oid].some((oid) => oldCyberPowerOids.includes(oid.trim().replace(/^\./, '')));

export function meterText(m: MeterProfile | null): MeterText {
  return {
    addressing: m ? (String(m.addressing) as '0' | '1') : '0',
    powerW: registerText(m?.powerW ?? null),
    energyWh: { ...registerText(m?.energyWh ?? null), bits: bitsText(m?.energyWh?.bits) },
    extra: Object.entries(m?.extra ?? {}).map(([label, reg]) => ({ label, ...registerText(reg) })),
  };
}

const bitsOf = (bits: 'none' | '32' | '64') => (bits === 'none' ? null : Number(bits));
const scaled = (part: OidText) => (part.oid.trim() ? { oid: part.oid, scale: part.scale } : null);
const counter = (part: CounterOidText) => (part.oid.trim() ? { oid: part.oid, scale: part.scale, bits: bitsOf(part.bits) } : null);
/** "1, 2" → [1, 2]; what is not a whole number is sent as it is, for the schema to explain. */
const integers = (text: string) =>
  text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((word) => (/^-?\d+$/.test(word) ? Number(word) : word));
const register = ({ function: fn, address, type, wordOrder, scale }: RegisterText) => ({
  function: Number(fn),
  address: address === '' ? undefined : Number(address),
  type,
  wordOrder,
  scale,
});

/** The editor's text back into the profile the API validates. */
export function pduDefinition(t: PduText) {
  return {
    outletCountOid: t.outletCountOid,
    outlet: {
      name: t.outlet.nameOid.trim() ? { oid: t.outlet.nameOid } : null,
      powerW: scaled(t.outlet.powerW),
      energyWh: counter(t.outlet.energyWh),
      state: t.outlet.state.oid.trim() ? { oid: t.outlet.state.oid, on: integers(t.outlet.state.on), off: integers(t.outlet.state.off) } : null,
    },
    total: { inletCountOid: t.total.inletCountOid.trim() || null, powerW: scaled(t.total.powerW), energyWh: counter(t.total.energyWh) },
  };
}

export function meterDefinition(t: MeterText) {
  return {
    addressing: Number(t.addressing),
    powerW: t.powerW.address === '' ? null : register(t.powerW),
    energyWh: t.energyWh.address === '' ? null : { ...register(t.energyWh), bits: bitsOf(t.energyWh.bits) },
    extra: Object.fromEntries(t.extra.map(({ label, ...reg }) => [label, register(reg)])),
  };
}

export const profileInput = (kind: PowerDeviceKind, name: string, pdu: PduText, meter: MeterText) =>
  (kind === 'pdu' ? { kind, name, definition: pduDefinition(pdu) } : { kind, name, definition: meterDefinition(meter) }) as Input<'power.profiles.create'>;

/**
 * API field paths to the editor's: the definition's `outlet.name.oid` is the form's `pdu.outlet.nameOid`,
 * an extra register's label is its row number.
 */
export function profileErrors(fields: Record<string, string>, kind: PowerDeviceKind, meter: MeterText): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [path, reason] of Object.entries(fields)) {
    if (!path.startsWith('definition.')) {
      mapped[path] = reason;
      continue;
    }
    let rest = path.slice('definition.'.length).replace('outlet.name.oid', 'outlet.nameOid');
    if (kind === 'meter' && rest.startsWith('extra.')) {
      const [, label, ...tail] = rest.split('.');
      rest = `extra.${meter.extra.findIndex((row) => row.label === label)}.${tail.join('.') || 'label'}`;
    }
    rest = rest.replace(/\.(on|off)\.\d+$/, '.$1');
    mapped[`${kind}.${rest}`] = reason;
  }
  return mapped;
}
