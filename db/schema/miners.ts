import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { minerLiveStatuses, minerStates } from '../../electron/contract/miners';
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
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // Covers the clients list's miners bar: grouped counts per client without touching the table.
  (t) => [
    index('miners_client_status_idx').on(t.clientId, t.liveStatus, t.paid),
    index('miners_serial_idx').on(t.serial),
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
