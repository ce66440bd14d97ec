import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { deviceActionKinds, deviceActionResultStates, deviceActionRunStatuses } from '../../electron/contract/devices.vocab';
import { clients } from './clients';
import { miners } from './miners';
import { sites } from './sites';

/**
 * The login a miner's firmware wants for actions (reboot, pools), per site and/or family. The most specific
 * row wins: site + family, then family, then site, then the row with neither. The password is sealed
 * (services/secrets) and never returned by the API or logged.
 */
export const minerCredentials = sqliteTable(
  'miner_credentials',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id').references(() => sites.id, { onDelete: 'cascade' }),
    family: text('family'), // a driver family (antminer, whatsminer, …); null = every family
    username: text('username').notNull(),
    passwordEnc: text('password_enc').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('miner_credentials_scope_idx').on(sql`coalesce(${t.siteId}, 0)`, sql`coalesce(${t.family}, '')`)],
);

/** The facility's holding pool, where an unpaid client's miners are pointed (one row, id 1). */
export const holdingPool = sqliteTable('holding_pool', {
  id: integer('id').primaryKey(),
  url: text('url').notNull(),
  worker: text('worker').notNull(),
  passwordEnc: text('password_enc').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * A miner pointed at the holding pool, with the pools it had before (sealed: pool passwords are secrets),
 * until restored. At most one unrestored row per miner.
 */
export const poolRedirects = sqliteTable(
  'pool_redirects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id, { onDelete: 'cascade' }),
    clientId: integer('client_id').references(() => clients.id, { onDelete: 'set null' }),
    originalPoolsEnc: text('original_pools_enc').notNull(), // sealed JSON [{ url, user, password }]
    redirectedAt: text('redirected_at').notNull(),
    redirectedBy: text('redirected_by').notNull(),
    restoredAt: text('restored_at'),
    restoredBy: text('restored_by'),
  },
  (t) => [
    uniqueIndex('pool_redirects_open_miner_idx')
      .on(t.minerId)
      .where(sql`${t.restoredAt} IS NULL`),
    index('pool_redirects_client_idx').on(t.clientId),
  ],
);

/** One device action over a set of miners (reboot, set pools, redirect, restore). Secrets never go in `paramsJson`. */
export const deviceActionRuns = sqliteTable('device_action_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: deviceActionKinds }).notNull(),
  status: text('status', { enum: deviceActionRunStatuses }).notNull(),
  paramsJson: text('params_json').notNull().default('{}'),
  clientId: integer('client_id').references(() => clients.id, { onDelete: 'set null' }),
  total: integer('total').notNull(),
  actor: text('actor').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
});

/** What one action did to one miner, in plain words. */
export const deviceActionResults = sqliteTable(
  'device_action_results',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => deviceActionRuns.id, { onDelete: 'cascade' }),
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id, { onDelete: 'cascade' }),
    state: text('state', { enum: deviceActionResultStates }).notNull(),
    message: text('message').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.minerId] }), index('device_action_results_miner_idx').on(t.minerId)],
);
