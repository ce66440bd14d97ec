import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The facility's people; managers of clients now, logins once the roles issue lands. */
export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  email: text('email').unique(), // lower-case; null when unknown
  phone: text('phone').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(), // ISO 8601, UTC
  updatedAt: text('updated_at').notNull(),
});
