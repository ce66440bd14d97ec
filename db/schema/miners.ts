import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { identityKinds, identityReviewStatuses, identitySources, minerLiveStatuses, minerStates, powerSources } from '../../electron/contract/miners';
import { clients } from './clients';
import { minerModels } from './models';
import { racks, sites } from './sites';

/** A mining machine as an asset; the fleet issue adds sites, racks, models, identity history. */
export const miners = sqliteTable(
  'miners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    assetId: text('asset_id').notNull().unique(), // stable: never changes with IP, MAC or hostname
    serial: text('serial'),
    mac: text('mac'),
    ip: text('ip'),
    hostname: text('hostname'),
    make: text('make').notNull(),
    model: text('model').notNull(),
    modelId: integer('model_id').references(() => minerModels.id), // null = not in the catalogue
    siteId: integer('site_id').references(() => sites.id),
    rackId: integer('rack_id').references(() => racks.id),
    rackPosition: integer('rack_position'), // 1..the rack's positions; null when not racked
    clientId: integer('client_id').references(() => clients.id),
    paid: integer('paid', { mode: 'boolean' }).notNull().default(true),
    state: text('state', { enum: minerStates }).notNull().default('unassigned'),
    liveStatus: text('live_status', { enum: minerLiveStatuses }).notNull().default('unknown'),
    firmware: text('firmware'),
    family: text('family'), // the driver that speaks to it (antminer, whatsminer, …), set by discovery; null = ask on the next poll
    workerName: text('worker_name'), // pool worker, e.g. "acme.s21x042"
    notes: text('notes').notNull().default(''),
    lastSeenAt: text('last_seen_at'), // ISO 8601, UTC; last answer to a scan or poll
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // Covers the clients list's miners bar: grouped counts per client without touching the table.
  (t) => [
    index('miners_client_status_idx').on(t.clientId, t.liveStatus, t.paid),
    // The per-status counts at the top of the Miners table: read in index order, no sorting.
    index('miners_status_idx').on(t.liveStatus),
    index('miners_serial_idx').on(t.serial),
    index('miners_mac_idx').on(t.mac),
    index('miners_ip_idx').on(t.ip),
    index('miners_site_idx').on(t.siteId),
    index('miners_model_idx').on(t.modelId),
    // One miner per rack position; also serves the per-rack miner counts.
    uniqueIndex('miners_rack_position_idx').on(t.rackId, t.rackPosition),
  ],
);

/** Who held a miner when, so billing can pro-rate a mid-month move. to_at null = still assigned. */
export const minerClientAssignments = sqliteTable(
  'miner_client_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    fromAt: text('from_at').notNull(), // ISO 8601, UTC
    toAt: text('to_at'),
  },
  (t) => [index('miner_assignments_miner_idx').on(t.minerId, t.toAt), index('miner_assignments_client_idx').on(t.clientId, t.fromAt)],
);

/** What a mass edit changed, so it can be undone for a short while: per miner, the values before it. */
export const minerEditBatches = sqliteTable('miner_edit_batches', {
  token: text('token').primaryKey(), // random UUID handed to the caller as the undo token
  createdAt: text('created_at').notNull(), // ISO 8601, UTC
  actor: text('actor').notNull(),
  beforeJson: text('before_json').notNull(), // [{ id, before: { column: value } }]
  undoneAt: text('undone_at'),
});

/** Free-form labels; one row per miner and tag, so "filter by tag" and "add/remove tags" stay set operations. */
export const minerTags = sqliteTable(
  'miner_tags',
  {
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(), // trimmed, compared as written (case kept for display, matched NOCASE)
  },
  (t) => [primaryKey({ columns: [t.minerId, t.tag] }), index('miner_tags_tag_idx').on(t.tag)],
);

/**
 * Every IP, MAC, serial and hostname a miner has had, with when it was first and last seen that way.
 * The miner keeps its asset ID through a DHCP change, a control-board swap or a rename. to_at null = current.
 */
export const minerIdentityHistory = sqliteTable(
  'miner_identity_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: identityKinds }).notNull(),
    value: text('value').notNull(),
    fromAt: text('from_at').notNull(),
    toAt: text('to_at'),
    source: text('source', { enum: identitySources }).notNull(),
  },
  (t) => [index('miner_identity_miner_idx').on(t.minerId, t.kind, t.toAt), index('miner_identity_value_idx').on(t.kind, t.value)],
);

/** An observed machine that matched more than one miner (or a conflicting one): someone decides which it is. */
export const minerIdentityReviews = sqliteTable(
  'miner_identity_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: text('created_at').notNull(),
    source: text('source', { enum: identitySources }).notNull(),
    observedJson: text('observed_json').notNull(), // { serial, mac, ip, hostname, siteId, make, model, firmware }
    candidateIdsJson: text('candidate_ids_json').notNull(), // [minerId, …]
    reason: text('reason').notNull(), // plain words: why it was not matched automatically
    status: text('status', { enum: identityReviewStatuses }).notNull().default('open'),
    resolvedMinerId: integer('resolved_miner_id').references(() => miners.id, { onDelete: 'set null' }),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [index('miner_identity_reviews_status_idx').on(t.status, t.createdAt)],
);

/**
 * The latest telemetry of a miner (written by the poller of the discovery issue): one row per miner,
 * read by the Miners table. Hashrate in GH/s integers, power in W, temperatures in whole °C.
 */
export const minerLatest = sqliteTable('miner_latest', {
  minerId: integer('miner_id')
    .primaryKey()
    .references(() => miners.id, { onDelete: 'cascade' }),
  at: text('at').notNull(),
  hashrateGhs: integer('hashrate_ghs'),
  tempMaxC: integer('temp_max_c'),
  fansRpm: text('fans_rpm'), // JSON array of integers
  poolUrl: text('pool_url'),
  poolUser: text('pool_user'),
  powerW: integer('power_w'),
  powerSource: text('power_source', { enum: powerSources }),
  uptimeS: integer('uptime_s'),
  nominalHashrateGhs: integer('nominal_hashrate_ghs'), // the firmware's own "sticker" figure, when it reports one
});
