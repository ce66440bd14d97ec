import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff';

/**
 * Personal API tokens: each acts as its staff member with that person's current role. Only the SHA-256 of the
 * token is kept (the token is 32 random bytes, so a plain hash is enough), with a short prefix to recognise it by.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(), // hex SHA-256 of the whole token text
    prefix: text('prefix').notNull(), // the token's first characters ("hdk_AbC12xYz"), shown in lists
    createdAt: text('created_at').notNull(), // ISO 8601, UTC
    lastUsedAt: text('last_used_at'), // refreshed at most once a minute, not on every call
    expiresAt: text('expires_at'), // null: never expires
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_tokens_staff_idx').on(t.staffId)],
);
