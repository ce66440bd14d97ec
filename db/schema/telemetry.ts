import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { powerSources } from '../../electron/contract/miners';
import { miners } from './miners';

/**
 * How the poller runs: one row with id 1, written on the first save (until then the defaults apply:
 * every 60 s, 64 miners at once, 10 s per miner).
 */
export const telemetrySettings = sqliteTable('telemetry_settings', {
  id: integer('id').primaryKey(),
  pollIntervalS: integer('poll_interval_s').notNull(),
  concurrency: integer('concurrency').notNull(),
  timeoutMs: integer('timeout_ms').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Five-minute samples per miner (kept 14 days). Averages over the polls that answered in the bucket;
 * `polls`/`answered` say how complete it is. Energy is whole Wh for the bucket: power × time answered,
 * 0 W while offline (a miner that does not answer draws nothing we can bill).
 */
export const minerSamples = sqliteTable(
  'miner_samples',
  {
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id, { onDelete: 'cascade' }),
    at: text('at').notNull(), // bucket start, ISO 8601 UTC, minutes a multiple of 5
    polls: integer('polls').notNull(),
    answered: integer('answered').notNull(),
    hashrateGhs: integer('hashrate_ghs'), // average of the answers
    powerW: integer('power_w'), // average of the answers
    powerSource: text('power_source', { enum: powerSources }),
    tempMaxC: integer('temp_max_c'), // the hottest reading of the bucket
    onlineS: integer('online_s').notNull(),
    energyWh: integer('energy_wh').notNull(),
  },
  (t) => [primaryKey({ columns: [t.minerId, t.at] }), index('miner_samples_at_idx').on(t.at)],
);

/** Hourly rollups of the samples (kept forever): the base of usage reports and charts beyond 14 days. */
export const minerHourly = sqliteTable(
  'miner_hourly',
  {
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id, { onDelete: 'cascade' }),
    hour: text('hour').notNull(), // ISO 8601 UTC, minutes 00
    hashrateGhs: integer('hashrate_ghs'),
    powerW: integer('power_w'),
    tempMaxC: integer('temp_max_c'),
    onlineS: integer('online_s').notNull(),
    energyWh: integer('energy_wh').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.minerId, t.hour] }),
    index('miner_hourly_hour_idx').on(t.hour),
    // Hashrate billing's average per miner over the period (billing.gather-miners.ts) read from the index alone, not row by row from the table.
    index('miner_hourly_hashrate_idx').on(t.minerId, t.hour, t.hashrateGhs, t.onlineS),
    // Billing reads only the hours a miner was partly or wholly offline: a small index of those.
    index('miner_hourly_offline_idx')
      .on(t.minerId, t.hour, t.onlineS)
      .where(sql`${t.onlineS} < 3600`),
  ],
);

/** Daily rollups (kept forever), by the calendar day of the miner's site time zone: what billing reads. */
export const minerDaily = sqliteTable(
  'miner_daily',
  {
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id, { onDelete: 'cascade' }),
    day: text('day').notNull(), // YYYY-MM-DD in the site's time zone
    hashrateGhs: integer('hashrate_ghs'),
    powerW: integer('power_w'),
    tempMaxC: integer('temp_max_c'),
    onlineS: integer('online_s').notNull(),
    energyWh: integer('energy_wh').notNull(),
  },
  (t) => [primaryKey({ columns: [t.minerId, t.day] }), index('miner_daily_day_idx').on(t.day)],
);

/** The sums a fleet rollup keeps per hour and site (or client): the miners' hourly rows added up. */
const rollupSums = () => ({
  hashrateGhs: integer('hashrate_ghs'), // sum of the miners' hourly averages; null when none reported one
  powerW: integer('power_w'),
  energyWh: integer('energy_wh').notNull(),
  miners: integer('miners').notNull(), // miners with an hourly row
  minersAnswering: integer('miners_answering').notNull(), // of those, the ones online for some of the hour
});

/**
 * The fleet's hours by site (kept forever): sums of the miners' hourly rollups, rewritten with them, so the
 * dashboard's 24-hour chart reads a few rows per hour instead of one per miner. `site_id` 0 holds the
 * miners placed at no site; no foreign key, so a removed site's history stays in the fleet's totals.
 */
export const fleetHourly = sqliteTable(
  'fleet_hourly',
  {
    hour: text('hour').notNull(), // ISO 8601 UTC, minutes 00
    siteId: integer('site_id').notNull(),
    ...rollupSums(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.siteId] })],
);

/**
 * The fleet's hours by client (kept forever), rewritten with fleet_hourly from the miners' hourly rollups: the
 * 24-hour chart of a person who sees only the clients they manage reads a few rows per client instead of one per
 * miner. A miner counts for the client it belonged to when its hour was last rolled up; `client_id` 0 holds the
 * miners of no client (the facility's own). No foreign key: a merged or removed client's history stays.
 */
export const clientHourly = sqliteTable(
  'client_hourly',
  {
    hour: text('hour').notNull(), // ISO 8601 UTC, minutes 00
    clientId: integer('client_id').notNull(),
    ...rollupSums(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.clientId] }), index('client_hourly_client_idx').on(t.clientId, t.hour)],
);
