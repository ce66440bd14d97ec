import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { alertKinds } from '../../electron/contract/alerts.vocab';
import { clients } from './clients';
import { contracts } from './contracts';
import { miners } from './miners';
import { powerDevices } from './power';
import { sites } from './sites';

/** One rule per kind (rows written by the migration with the defaults); staff change the threshold or turn it off. */
export const alertRules = sqliteTable('alert_rules', {
  kind: text('kind', { enum: alertKinds }).primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  threshold: integer('threshold').notNull(), // unit per kind: minutes, % of nominal, °C (contract/alerts.vocab)
  desktop: integer('desktop', { mode: 'boolean' }).notNull().default(true), // also show a desktop notification
  updatedAt: text('updated_at').notNull(),
});

/**
 * An alert: a rule firing for one miner, one power device or one contract, from when it was first seen to when it cleared.
 * At most one unresolved alert per rule and subject; a condition that clears and comes back opens a new one.
 */
export const alerts = sqliteTable(
  'alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: alertKinds }).notNull(),
    minerId: integer('miner_id').references(() => miners.id, { onDelete: 'cascade' }),
    powerDeviceId: integer('power_device_id').references(() => powerDevices.id, { onDelete: 'cascade' }),
    contractId: integer('contract_id').references(() => contracts.id, { onDelete: 'cascade' }), // power_cap: the contract over its cap
    siteId: integer('site_id').references(() => sites.id, { onDelete: 'set null' }), // where, when opened
    clientId: integer('client_id').references(() => clients.id, { onDelete: 'set null' }), // whose miner, when opened
    message: text('message').notNull(), // plain words, e.g. "Offline for 14 minutes (rule: 10)"
    value: integer('value'), // the measured value when last evaluated
    threshold: integer('threshold').notNull(), // the rule's threshold when opened
    openedAt: text('opened_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    resolvedAt: text('resolved_at'),
    acknowledgedAt: text('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    note: text('note'), // said when acknowledging
    notifiedAt: text('notified_at'), // when a desktop notification went out
  },
  (t) => [
    uniqueIndex('alerts_open_subject_idx')
      .on(t.kind, sql`coalesce(${t.minerId}, 0)`, sql`coalesce(${t.powerDeviceId}, 0)`, sql`coalesce(${t.contractId}, 0)`)
      .where(sql`${t.resolvedAt} IS NULL`),
    index('alerts_opened_idx').on(t.openedAt),
    index('alerts_miner_idx').on(t.minerId),
  ],
);
