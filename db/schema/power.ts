import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { energyCounterEventKinds, outletStates, polledDeviceKinds, powerDeviceKinds, powerDeviceStates } from '../../electron/contract/power.vocab';
import { miners } from './miners';
import { racks, sites } from './sites';

/**
 * A profile written by staff for a PDU or meter model we do not ship (the built-in ones live in code, see
 * services/power/profiles). `definitionJson` is the profile itself, validated by the contract's schema:
 * OID templates and scales for a PDU, a register map for a meter.
 */
export const powerProfiles = sqliteTable('power_profiles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: polledDeviceKinds }).notNull(),
  name: text('name').notNull().unique(),
  definitionJson: text('definition_json').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * A PDU (SNMP), a power meter (Modbus TCP) or a manual device at a site. A PDU or meter has a host and port
 * and exactly one of `builtinProfile` (a key of the built-in profiles, e.g. "apc-rpdu2") or
 * `customProfileId` naming how to read it; a manual device (a meter read by hand) has none of them, is never
 * polled and takes its readings from imports.
 * `settingsJson` holds what is not secret (SNMP version and v3 user and protocols; Modbus unit id);
 * `secretEnc` holds the sealed secrets (community, v3 passphrases), never returned by the API.
 * A meter with `meteredDeviceId` measures that PDU's feed; without it, it measures the site.
 */
export const powerDevices = sqliteTable(
  'power_devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    rackId: integer('rack_id').references(() => racks.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: powerDeviceKinds }).notNull(),
    name: text('name').notNull(),
    host: text('host'), // null for a manual device
    port: integer('port'), // 161 for SNMP, 502 for Modbus TCP unless the device says otherwise; null for a manual device
    builtinProfile: text('builtin_profile'),
    customProfileId: integer('custom_profile_id').references(() => powerProfiles.id),
    settingsJson: text('settings_json').notNull().default('{}'),
    secretEnc: text('secret_enc'),
    meteredDeviceId: integer('metered_device_id'), // a PDU this meter measures (checked by the service)
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    state: text('state', { enum: powerDeviceStates }).notNull().default('unknown'),
    stateMessage: text('state_message'), // the last failure in plain words, null when fine
    lastPolledAt: text('last_polled_at'),
    lastOkAt: text('last_ok_at'), // the last poll that answered: alerts measure unreachability from here
    powerW: integer('power_w'), // the device's total at the last poll
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check(
      'power_devices_how_read',
      sql`CASE WHEN ${t.kind} = 'manual' THEN ${t.host} IS NULL AND ${t.port} IS NULL AND ${t.builtinProfile} IS NULL AND ${t.customProfileId} IS NULL
        ELSE ${t.host} IS NOT NULL AND ${t.port} IS NOT NULL AND (${t.builtinProfile} IS NULL) <> (${t.customProfileId} IS NULL) END`,
    ),
    uniqueIndex('power_devices_site_host_port_idx').on(t.siteId, t.host, t.port),
    index('power_devices_custom_profile_idx').on(t.customProfileId),
  ],
);

/** One outlet of a PDU as last read: name, switch state and active power. */
export const powerOutlets = sqliteTable(
  'power_outlets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deviceId: integer('device_id')
      .notNull()
      .references(() => powerDevices.id, { onDelete: 'cascade' }),
    outletIndex: integer('outlet_index').notNull(), // 1-based, as printed on the PDU
    name: text('name'),
    state: text('state', { enum: outletStates }).notNull().default('unknown'),
    powerW: integer('power_w'),
    readAt: text('read_at'), // when powerW was read; telemetry uses it only while fresh
  },
  (t) => [uniqueIndex('power_outlets_device_index_idx').on(t.deviceId, t.outletIndex)],
);

/**
 * Which miner is plugged into which outlet, over time. A move closes the open row and opens another, so
 * history stays. At most one open row per outlet and per miner.
 */
export const outletAssignments = sqliteTable(
  'outlet_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outletId: integer('outlet_id')
      .notNull()
      .references(() => powerOutlets.id, { onDelete: 'cascade' }),
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id, { onDelete: 'cascade' }),
    fromAt: text('from_at').notNull(),
    toAt: text('to_at'),
    actor: text('actor').notNull(),
  },
  (t) => [
    uniqueIndex('outlet_assignments_open_outlet_idx')
      .on(t.outletId)
      .where(sql`${t.toAt} IS NULL`),
    uniqueIndex('outlet_assignments_open_miner_idx')
      .on(t.minerId)
      .where(sql`${t.toAt} IS NULL`),
    index('outlet_assignments_miner_idx').on(t.minerId, t.fromAt),
  ],
);

/**
 * An energy counter of a device: its total (outletId null) or one outlet's. The last raw reading is kept
 * here so each poll can compute its delta; `maxWh` is where the counter wraps (from the register type and
 * scale), null when it does not wrap within any useful time.
 */
export const energyCounters = sqliteTable(
  'energy_counters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deviceId: integer('device_id')
      .notNull()
      .references(() => powerDevices.id, { onDelete: 'cascade' }),
    outletId: integer('outlet_id').references(() => powerOutlets.id, { onDelete: 'cascade' }),
    maxWh: integer('max_wh'),
    lastRaw: text('last_raw'), // exactly as read (decimal text), before scaling
    lastWh: integer('last_wh'), // lastRaw scaled to whole Wh
    lastAt: text('last_at'),
  },
  (t) => [uniqueIndex('energy_counters_device_outlet_idx').on(t.deviceId, sql`coalesce(${t.outletId}, 0)`)],
);

/**
 * Raw readings of a counter: polled ones one per five-minute bucket (the last of the bucket), kept 14 days;
 * imported ones (a manual device's, or readings filling a polled device's gap) as imported, a manual
 * device's kept for good. `reset` marks a reading taken after the counter was reset (energy counts from 0).
 */
export const energyReadings = sqliteTable(
  'energy_readings',
  {
    counterId: integer('counter_id')
      .notNull()
      .references(() => energyCounters.id, { onDelete: 'cascade' }),
    at: text('at').notNull(), // when read, ISO 8601 UTC
    raw: text('raw').notNull(),
    counterWh: integer('counter_wh').notNull(),
    powerW: integer('power_w'),
    reset: integer('reset', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.at] }), index('energy_readings_at_idx').on(t.at)],
);

/**
 * Energy per counter per hour (kept forever), from deltas that survive resets and rollovers.
 * `coveredS` is how much of the hour readings span; a gap leaves it short instead of inventing energy.
 */
export const energyHourly = sqliteTable(
  'energy_hourly',
  {
    counterId: integer('counter_id')
      .notNull()
      .references(() => energyCounters.id, { onDelete: 'cascade' }),
    hour: text('hour').notNull(), // ISO 8601 UTC, minutes 00
    energyWh: integer('energy_wh').notNull(),
    coveredS: integer('covered_s').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.counterId, t.hour] }),
    // Covers billing's sums over a month of hours (energy and coverage read from the index, no row lookups).
    index('energy_hourly_billing_idx').on(t.counterId, t.hour, t.energyWh, t.coveredS),
  ],
);

/**
 * Each counter's hourly energy summed per UTC day (kept forever): `hours` is how many hours of the day are stored.
 * Kept by triggers on energy_hourly (migration 0028), so every writer keeps it without knowing of it; billing sums
 * whole days here and only the hours a day boundary or a hole cuts in energy_hourly.
 */
export const energyDaily = sqliteTable(
  'energy_daily',
  {
    counterId: integer('counter_id')
      .notNull()
      .references(() => energyCounters.id, { onDelete: 'cascade' }),
    day: text('day').notNull(), // YYYY-MM-DD, the UTC day of the hours (the first ten characters of their `hour`)
    hours: integer('hours').notNull(),
    energyWh: integer('energy_wh').notNull(),
    coveredS: integer('covered_s').notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.day] })],
);

/** Resets, rollovers and gaps of a counter, with the readings either side: shown, never smoothed over. */
export const energyCounterEvents = sqliteTable(
  'energy_counter_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    counterId: integer('counter_id')
      .notNull()
      .references(() => energyCounters.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: energyCounterEventKinds }).notNull(),
    fromAt: text('from_at').notNull(), // the reading before
    toAt: text('to_at').notNull(), // the reading after
    beforeRaw: text('before_raw').notNull(),
    afterRaw: text('after_raw').notNull(),
    countedWh: integer('counted_wh').notNull(), // the energy credited across the event; for a gap, the measured delta, put in the hour the gap ends
  },
  (t) => [index('energy_counter_events_counter_idx').on(t.counterId, t.toAt)],
);
