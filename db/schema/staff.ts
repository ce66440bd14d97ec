import { index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { type BuiltInRoleKey } from '../../electron/contract/roles';
import { type SessionEndReason } from '../../electron/contract/auth.vocab';
import { clients } from './clients';

/** Roles a facility defines beyond the built-in ones: a name and the permissions it grants. */
export const roles = sqliteTable('roles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  permissionsJson: text('permissions_json').notNull().default('[]'), // ["billing.view", …]: grantable permission names
  // On: its holders see and change only the clients they manage (clients.manager_id = their staff id).
  onlyManagedClients: integer('only_managed_clients', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The facility's people: managers of clients, and users when they have a login. A row with `clientId` is a person of
 * that client (the client's own viewer): not facility staff, never listed as such, and with a login it sees only its
 * client's miners, contracts and invoices, read only.
 */
export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  email: text('email').unique(), // lower-case; null when unknown
  phone: text('phone').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(), // ISO 8601, UTC
  updatedAt: text('updated_at').notNull(),
  login: text('login').unique(), // lower-case; null: this person cannot sign in
  // "$scrypt$n=…,r=…,p=…$<salt>$<hash>" (base64): the parameters travel with the hash so they can grow later.
  passwordHash: text('password_hash'),
  roleKey: text('role_key').$type<BuiltInRoleKey>(), // a built-in role, or null when role_id names a custom one
  roleId: integer('role_id').references(() => roles.id),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  loginDisabledAt: text('login_disabled_at'), // set: the login is kept but refused
  failedSignIns: integer('failed_sign_ins').notNull().default(0), // in a row; a success resets it
  lockedUntil: text('locked_until'),
  lastSignInAt: text('last_sign_in_at'),
  passwordChangedAt: text('password_changed_at'),
  clientId: integer('client_id').references((): AnySQLiteColumn => clients.id),
});

/** Sign-in sessions. Only the SHA-256 of the token is kept, so the table cannot be used to sign in. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    tokenHash: text('token_hash').notNull().unique(), // hex SHA-256 of the 32-byte token
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(), // refreshed at most every few seconds, not on every call
    endedAt: text('ended_at'),
    endedReason: text('ended_reason').$type<SessionEndReason>(),
    userAgent: text('user_agent'),
    address: text('address'),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);
