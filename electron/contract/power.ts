import { z } from 'zod';
import { call } from './define';
import type { MinerLiveStatus } from './miners';
import { idSchema, nameText, obeying } from './fields';
import { deviceHostProblem } from './hosts';
import {
  meterProfileSchema,
  modbusSettingsSchema,
  pduProfileSchema,
  snmpSettingsSchema,
  type MeterProfile,
  type ModbusSettings,
  type PduProfile,
  type SnmpSettings,
} from './power.profiles';
import {
  powerDeviceKinds,
  type EnergyCounterEventKind,
  type OutletState,
  type PolledDeviceKind,
  type PowerDeviceKind,
  type PowerDeviceState,
} from './power.vocab';
import { powerReadingCalls } from './power.readings';

/** A profile as the editor and the device form see it: a built-in one (key like "apc-rpdu2") or one written by staff. */
export type PowerProfileView = {
  /** The built-in key, or null for a custom profile. */
  key: string | null;
  /** The custom profile's id, or null for a built-in one. */
  id: number | null;
  kind: PolledDeviceKind;
  label: string;
  builtIn: boolean;
  definition: PduProfile | MeterProfile;
  /** Devices read with it. */
  deviceCount: number;
};

export type PowerDevice = {
  id: number;
  siteId: number;
  siteName: string;
  rackId: number | null;
  rackName: string | null;
  kind: PowerDeviceKind;
  name: string;
  /** Null for a manual device (read by hand, never polled). */
  host: string | null;
  port: number | null;
  builtinProfile: string | null;
  customProfileId: number | null;
  profileLabel: string;
  /** SNMP settings for a PDU, Modbus settings for a meter; never a secret. */
  snmp: SnmpSettings | null;
  modbus: ModbusSettings | null;
  /** Whether a community or v3 passphrases are stored (they are never sent back). */
  hasSecret: boolean;
  meteredDeviceId: number | null;
  enabled: boolean;
  state: PowerDeviceState;
  stateMessage: string | null;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  powerW: number | null;
  outletCount: number;
  createdAt: string;
  updatedAt: string;
};

/** The outcome of "Test connection": what the device answered now (nothing is stored), or why it did not. */
export type PowerTestResult =
  | {
      ok: true;
      powerW: number | null;
      energyWh: number | null;
      outlets: { index: number; name: string | null; state: OutletState; powerW: number | null }[];
      extra: Record<string, string>;
      notes: string[];
    }
  | { ok: false; state: 'unreachable' | 'error'; message: string };

export type MinerRef = { id: number; assetId: string; siteId: number | null; rackId: number | null; rackPosition: number | null };

export type PowerOutlet = {
  id: number;
  deviceId: number;
  deviceName: string;
  outletIndex: number;
  name: string | null;
  state: OutletState;
  powerW: number | null;
  readAt: string | null;
  /** The miner plugged in now, and since when. */
  miner: MinerRef | null;
  assignedFrom: string | null;
};

export type OutletAssignmentRow = {
  id: number;
  outletId: number;
  deviceId: number;
  deviceName: string;
  outletIndex: number;
  minerId: number;
  assetId: string;
  fromAt: string;
  toAt: string | null;
  actor: string;
};

export type OutletAssignResult = {
  outlet: PowerOutlet;
  /** The miner that was on this outlet before and was unplugged, if any. */
  unplugged: MinerRef | null;
  /** Where the miner was plugged before (it moved here), if anywhere. */
  movedFrom: { outletId: number; deviceName: string; outletIndex: number } | null;
};

/** One rack position with its miner and that miner's outlet now. */
export type RackPowerPosition = {
  position: number;
  miner: (MinerRef & { liveStatus: MinerLiveStatus }) | null;
  outlet: Omit<PowerOutlet, 'miner' | 'assignedFrom'> | null;
};
export type RackPowerView = { rackId: number; rackName: string; siteId: number; positions: RackPowerPosition[]; unplacedOutlets: PowerOutlet[] };

export type CounterEvent = {
  id: number;
  counterId: number;
  deviceId: number;
  /** The outlet's number, null for the device's total. */
  outletIndex: number | null;
  kind: EnergyCounterEventKind;
  fromAt: string;
  toAt: string;
  beforeRaw: string;
  afterRaw: string;
  countedWh: number;
};

/** Hourly energy (Wh) of one device's total or a site's, with how much of each hour readings covered. */
export type EnergySeries = {
  /** The counters summed: a site sums its site meters, or its PDUs' totals when it has no site meter. */
  counters: number;
  points: { hour: string; energyWh: number; coveredS: number }[];
  totalWh: number;
};

const portSchema = z.number({ error: 'must be a port number' }).int('must be a whole number').min(1, 'must be 1 to 65535').max(65535, 'must be 1 to 65535');

/** An IPv4 or IPv6 address or a host name, as people type it on the LAN. */
export const powerHostSchema = nameText(253).superRefine(obeying(deviceHostProblem));

/** Secrets of a PDU, write-only: an omitted field keeps what is stored, "" clears it. */
const snmpSecretsInput = z
  .object({
    community: z.string({ error: 'must be text' }).max(128, 'must be at most 128 characters').optional(),
    authKey: z.string({ error: 'must be text' }).max(128, 'must be at most 128 characters').optional(),
    privKey: z.string({ error: 'must be text' }).max(128, 'must be at most 128 characters').optional(),
  })
  .strict()
  .default({});

const deviceBase = {
  siteId: idSchema,
  rackId: idSchema.nullable().default(null),
  name: nameText(80),
  host: powerHostSchema,
  /** Omitted: 161 for a PDU, 502 for a meter. */
  port: portSchema.optional(),
  builtinProfile: z.string().trim().min(1).max(80).nullable().default(null),
  customProfileId: idSchema.nullable().default(null),
  enabled: z.boolean({ error: 'must be on or off' }).default(true),
};

const pduDevice = z.object({ kind: z.literal('pdu'), ...deviceBase, snmp: snmpSettingsSchema, secrets: snmpSecretsInput }).strict();
const meterDevice = z
  .object({ kind: z.literal('meter'), ...deviceBase, modbus: modbusSettingsSchema.default({ unitId: 1 }), meteredDeviceId: idSchema.nullable().default(null) })
  .strict();

/** Outlets a manual device may number (a meter read by hand for each circuit of a panel). */
export const maxManualOutlets = 200;

/** A meter read by hand: no host, no profile, never polled; its outlets are numbered 1… and more appear as readings name them. */
const manualDevice = z
  .object({
    kind: z.literal('manual'),
    siteId: idSchema,
    rackId: idSchema.nullable().default(null),
    name: nameText(80),
    /** Outlets to number now; never fewer than those it has. */
    outletCount: z
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(maxManualOutlets, `must be at most ${maxManualOutlets}`)
      .default(0),
    enabled: z.boolean({ error: 'must be on or off' }).default(true),
  })
  .strict();

const oneProfile = (value: { kind: string; builtinProfile?: string | null; customProfileId?: number | null }) =>
  value.kind === 'manual' || (value.builtinProfile === null) !== (value.customProfileId === null);
const oneProfileIssue = { message: 'Choose one profile: a built-in one or a custom one.', path: ['profile'] };

const kindIssue = { error: 'Kind: must be pdu, meter or manual' };
export const powerDeviceInput = z.discriminatedUnion('kind', [pduDevice, meterDevice, manualDevice], kindIssue).refine(oneProfile, oneProfileIssue);
export const powerDeviceUpdateInput = z
  .discriminatedUnion('kind', [pduDevice.extend({ id: idSchema }), meterDevice.extend({ id: idSchema }), manualDevice.extend({ id: idSchema })], kindIssue)
  .refine(oneProfile, oneProfileIssue);

const profileName = nameText(80);
export const powerProfileInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('pdu'), name: profileName, definition: pduProfileSchema }).strict(),
    z.object({ kind: z.literal('meter'), name: profileName, definition: meterProfileSchema }).strict(),
  ],
  { error: 'Kind: must be pdu or meter' },
);
const powerProfileUpdate = z.discriminatedUnion('kind', [
  z.object({ id: idSchema, kind: z.literal('pdu'), name: profileName, definition: pduProfileSchema }).strict(),
  z.object({ id: idSchema, kind: z.literal('meter'), name: profileName, definition: meterProfileSchema }).strict(),
]);

const byId = z.object({ id: idSchema }).strict();
const isoInstant = z.iso.datetime({ offset: true, error: 'must be a date and time, like 2026-05-01T00:00:00Z' });
const exactlyOne = (keys: string[]) => (value: Record<string, unknown>) => keys.filter((key) => value[key] !== undefined).length === 1;

export const powerCalls = {
  /** Built-in profiles first, then custom ones by name. */
  'power.profiles.list': call<PowerProfileView[]>()(z.object({ kind: z.enum(['pdu', 'meter']).optional() }).strict()),
  'power.profiles.create': call<PowerProfileView>()(powerProfileInput),
  /** The kind of a profile cannot change. */
  'power.profiles.update': call<PowerProfileView>()(powerProfileUpdate),
  /** Refused while devices use it (they are named). */
  'power.profiles.delete': call<{ id: number }>()(byId),

  'power.devices.list': call<PowerDevice[]>()(z.object({ siteId: idSchema.optional(), kind: z.enum(powerDeviceKinds).optional() }).strict()),
  'power.devices.get': call<PowerDevice>()(byId),
  'power.devices.create': call<PowerDevice>()(powerDeviceInput),
  /** Replaces every field; secrets left out are kept. */
  'power.devices.update': call<PowerDevice>()(powerDeviceUpdateInput),
  /** Removes the device with its outlets, counters and their history. */
  'power.devices.delete': call<{ id: number }>()(byId),
  /**
   * Reads a device once now and returns what it answered; nothing is stored. Either a saved device (`id`),
   * or the form as typed (`device`, with `id` when editing so stored secrets left out are used).
   */
  'power.devices.test': call<PowerTestResult>()(
    z
      .object({ id: idSchema.optional(), device: powerDeviceInput.optional() })
      .strict()
      .refine((v) => v.id !== undefined || v.device !== undefined, { message: 'Choose a saved device or send the form to test.', path: ['device'] }),
  ),
  /** Polls one device now (or every enabled one) and stores the reading like the timer does. */
  'power.devices.poll': call<PowerDevice[]>()(z.object({ id: idSchema.optional() }).strict()),

  /** The outlets of one PDU, or of every PDU in a rack, with the miner plugged into each. */
  'power.outlets.list': call<PowerOutlet[]>()(
    z
      .object({ deviceId: idSchema.optional(), rackId: idSchema.optional() })
      .strict()
      .refine(exactlyOne(['deviceId', 'rackId']), { message: 'Choose a PDU or a rack.', path: ['scope'] }),
  ),
  /**
   * Plugs a miner into an outlet (null unplugs). A miner on another outlet moves here; history is kept.
   * `from` back-dates the change (default now): refused when it would overlap a later plug-in of the outlet or the miner.
   */
  'power.outlets.assign': call<OutletAssignResult>()(
    z
      .object({
        outletId: idSchema,
        minerId: idSchema.nullable(),
        /** An instant with an offset, or a local date and time read in the device's site zone (as readings are). */
        from: z.string({ error: 'must be a date and time' }).trim().min(1, 'is required').max(40, 'must be at most 40 characters').optional(),
      })
      .strict(),
  ),
  'power.outlets.history': call<OutletAssignmentRow[]>()(
    z
      .object({ minerId: idSchema.optional(), outletId: idSchema.optional() })
      .strict()
      .refine(exactlyOne(['minerId', 'outletId']), { message: 'Choose a miner or an outlet.', path: ['scope'] }),
  ),
  /** The outlet a miner is plugged into now, or null. */
  'power.outlets.ofMiner': call<PowerOutlet | null>()(z.object({ minerId: idSchema }).strict()),
  /** A rack's positions with their miners and each miner's outlet. */
  'power.racks.view': call<RackPowerView>()(z.object({ rackId: idSchema }).strict()),

  ...powerReadingCalls,

  /** Resets, rollovers and gaps of a device's counters, newest first. */
  'power.counters.events': call<CounterEvent[]>()(
    z.object({ deviceId: idSchema, limit: z.number().int().min(1).max(500, 'must be at most 500').default(100) }).strict(),
  ),
  'power.energy.series': call<EnergySeries>()(
    z
      .object({ deviceId: idSchema.optional(), siteId: idSchema.optional(), from: isoInstant, to: isoInstant })
      .strict()
      .refine(exactlyOne(['deviceId', 'siteId']), { message: 'Choose a device or a site.', path: ['scope'] })
      .refine((v) => Date.parse(v.from) < Date.parse(v.to), { message: 'must be after the start', path: ['to'] })
      .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, { message: 'must be at most a year after the start', path: ['to'] }),
  ),
};
