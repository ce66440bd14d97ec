import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { clientStatuses } from '../../electron/contract/clients';
import { contactRoles, documentMimeTypes } from '../../electron/contract/clients.records';
import { staff } from './staff';

export const clientGroups = sqliteTable('client_groups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
});

/** A hosted customer. Never deleted: archived (and, after a merge, pointing at the survivor). */
export const clients = sqliteTable(
  'clients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    company: text('company').notNull().default(''), // printed on invoices when set
    contactEmail: text('contact_email').notNull(), // lower-case
    billingEmail: text('billing_email'), // null = the contact e-mail
    phone: text('phone').notNull().default(''),
    messenger: text('messenger').notNull().default(''),
    address: text('address').notNull().default(''),
    city: text('city').notNull().default(''),
    zip: text('zip').notNull().default(''),
    country: text('country'), // ISO 3166-1 alpha-2
    currency: text('currency'), // ISO 4217; null = the organisation's default
    groupId: integer('group_id').references(() => clientGroups.id),
    taxExempt: integer('tax_exempt', { mode: 'boolean' }).notNull().default(false),
    taxId: text('tax_id').notNull().default(''),
    managerId: integer('manager_id')
      .notNull()
      .references(() => staff.id),
    notes: text('notes').notNull().default(''), // internal, never printed
    status: text('status', { enum: clientStatuses }).notNull().default('active'),
    archivedAt: text('archived_at'),
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => clients.id),
    createdAt: text('created_at').notNull(), // ISO 8601, UTC
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // The service explains a clash in words first; this index keeps the rule true whatever writes.
    uniqueIndex('clients_contact_email_open_idx')
      .on(t.contactEmail)
      .where(sql`${t.archivedAt} IS NULL`),
    index('clients_created_idx').on(t.createdAt),
    index('clients_group_idx').on(t.groupId),
    index('clients_manager_idx').on(t.managerId),
    // No index on status or archived_at: they select most rows, and an index on them would lure SQLite
    // away from the sort indexes into sorting every client. The list's sorts: the same expressions as its ORDER BY, so a first page reads 50 index entries instead of sorting.
    index('clients_name_sort_idx').on(sql`${t.name} COLLATE NOCASE`, t.id),
    index('clients_company_sort_idx').on(sql`(${t.company} = '')`, sql`${t.company} COLLATE NOCASE`, t.id),
    index('clients_country_sort_idx').on(sql`(${t.country} IS NULL)`, t.country, t.id),
  ],
);

export const clientStatusHistory = sqliteTable(
  'client_status_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    fromStatus: text('from_status', { enum: clientStatuses }), // null on creation
    toStatus: text('to_status', { enum: clientStatuses }).notNull(),
    reason: text('reason'),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('client_status_history_client_idx').on(t.clientId, t.id)],
);

export const clientContacts = sqliteTable(
  'client_contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone').notNull().default(''),
    role: text('role', { enum: contactRoles }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('client_contacts_client_idx').on(t.clientId)],
);

/** Files of the Legal tab, kept in the database so one file holds the whole facility. */
export const clientDocuments = sqliteTable(
  'client_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    fileName: text('file_name').notNull(),
    mime: text('mime', { enum: documentMimeTypes }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(), // hex
    content: blob('content', { mode: 'buffer' }).notNull(),
    uploadedAt: text('uploaded_at').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
  },
  (t) => [index('client_documents_client_idx').on(t.clientId)],
);

/** Per-client price history overriding the global rates; rows are only ever added. */
export const clientPricing = sqliteTable(
  'client_pricing',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    validFrom: text('valid_from').notNull(), // YYYY-MM-DD, site calendar
    energyRateMicroPerKwh: integer('energy_rate_micro_per_kwh'), // null = global rate
    hostingFeeMinorPerMinerMonth: integer('hosting_fee_minor_per_miner_month'), // null = none; client's currency
    createdAt: text('created_at').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [uniqueIndex('client_pricing_client_date_idx').on(t.clientId, t.validFrom)],
);
