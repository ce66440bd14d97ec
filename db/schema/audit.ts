import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per user-visible change, written in the same transaction as the change. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(), // ISO 8601, UTC
    actor: text('actor').notNull(),
    action: text('action').notNull(), // e.g. settings.updated
    entity: text('entity').notNull(), // e.g. settings, client, miner
    entityId: text('entity_id').notNull(),
    clientId: integer('client_id'), // the client a change concerns, for its Activity tab; no FK, so the log never blocks a change
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
  },
  // Pages read newest first by id, which follows time; no index on `at`, so mass changes write one index fewer.
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId, t.id), index('audit_client_idx').on(t.clientId, t.id)],
);
