import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { billingMethods, contractEventKinds, contractStatuses, contractTerms, contractTypes } from '../../electron/contract/contracts.vocab';
import { clientDocuments, clients } from './clients';
import { miners } from './miners';
import { powerDevices } from './power';
import { sites } from './sites';

/**
 * A Hosted, Lease, Infinity or O&M contract. Every instant is ISO 8601 UTC with milliseconds
 * (`toISOString()`), so text order is time order; the site's zone is only for reading and showing them.
 * Money in minor units of `currency`, rates in micro-units (10⁻⁶ of the currency), power in W, TH/s as GH/s.
 */
export const contracts = sqliteTable(
  'contracts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    draftReference: text('draft_reference').notNull().unique(), // DRAFT-7f3a, kept after activation
    number: text('number').unique(), // HD-2026-0042, given at activation; null while a draft
    type: text('type', { enum: contractTypes }).notNull(),
    status: text('status', { enum: contractStatuses }).notNull().default('draft'),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    term: text('term', { enum: contractTerms }).notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(), // exclusive: [startsAt, endsAt); an early termination moves it to the termination instant
    // Renewals count whole terms from the first start, so a term begun on the 31st comes back to the 31st.
    termAnchorAt: text('term_anchor_at').notNull(),
    termsFromAnchor: integer('terms_from_anchor').notNull().default(0),
    // The last moment to give notice: the end less the notice days on the site's calendar (kept with every change of either).
    noticeBy: text('notice_by').notNull().default(''),
    billingMethod: text('billing_method', { enum: billingMethods }),
    energyRateMicroPerKwh: integer('energy_rate_micro_per_kwh'),
    energyRateSource: text('energy_rate_source', { enum: ['contract', 'client', 'organisation'] }),
    fixedMonthlyFeeMinor: integer('fixed_monthly_fee_minor'),
    hostingFeeMinorPerMinerMonth: integer('hosting_fee_minor_per_miner_month'),
    priceMicroPerThsDay: integer('price_micro_per_ths_day'),
    contractedGhs: integer('contracted_ghs'),
    powerCapW: integer('power_cap_w'),
    currency: text('currency').notNull(), // ISO 4217, the client's when created
    depositMinor: integer('deposit_minor'),
    netDays: integer('net_days').notNull(),
    notes: text('notes').notNull().default(''),
    autoRenew: integer('auto_renew', { mode: 'boolean' }).notNull(),
    noticeDays: integer('notice_days').notNull(),
    signedDocumentId: integer('signed_document_id').references(() => clientDocuments.id, { onDelete: 'set null' }),
    extensionCount: integer('extension_count').notNull().default(0),
    activatedAt: text('activated_at'),
    terminatedAt: text('terminated_at'), // the termination instant (past, or scheduled while still in force)
    terminationReason: text('termination_reason'),
    closedAt: text('closed_at'), // when it became renewed, ended or terminated
    renewedFromId: integer('renewed_from_id').references((): AnySQLiteColumn => contracts.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check('contracts_dates', sql`${t.endsAt} > ${t.startsAt}`),
    index('contracts_client_idx').on(t.clientId, t.status),
    index('contracts_site_idx').on(t.siteId),
    // The lifecycle timer and the "expiring within N days" filter read contracts in force by their end.
    index('contracts_status_ends_idx').on(t.status, t.endsAt),
    index('contracts_ends_idx').on(t.endsAt),
    // The renewal queue: contracts in force by the last day to give notice.
    index('contracts_status_notice_idx').on(t.status, t.noticeBy),
    index('contracts_renewed_from_idx').on(t.renewedFromId),
  ],
);

/**
 * A miner or a site under a contract for the half-open period [fromAt, toAt); toAt null = until the
 * contract ends. Billing counts hours under contract from these rows and the contract's own instants.
 */
export const contractEquipment = sqliteTable(
  'contract_equipment',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    minerId: integer('miner_id').references(() => miners.id),
    siteId: integer('site_id').references(() => sites.id),
    fromAt: text('from_at').notNull(),
    toAt: text('to_at'),
  },
  (t) => [
    check('contract_equipment_one_subject', sql`(${t.minerId} IS NULL) <> (${t.siteId} IS NULL)`),
    check('contract_equipment_period', sql`${t.toAt} IS NULL OR ${t.toAt} > ${t.fromAt}`),
    index('contract_equipment_contract_idx').on(t.contractId, t.toAt),
    index('contract_equipment_miner_idx').on(t.minerId, t.fromAt),
    index('contract_equipment_site_idx').on(t.siteId, t.fromAt),
  ],
);

/** PDUs or meters that measure a contract's equipment as a whole (e.g. a client's container). */
export const contractMeteringDevices = sqliteTable(
  'contract_metering_devices',
  {
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    deviceId: integer('device_id')
      .notNull()
      .references(() => powerDevices.id),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.deviceId] }), index('contract_metering_devices_device_idx').on(t.deviceId)],
);

/** The contract's timeline: every transition and change, with the instant it took effect. */
export const contractEvents = sqliteTable(
  'contract_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: contractEventKinds }).notNull(),
    at: text('at').notNull(), // when it took effect
    recordedAt: text('recorded_at').notNull(),
    actor: text('actor').notNull(),
    message: text('message').notNull(),
    detailsJson: text('details_json').notNull().default('{}'),
  },
  (t) => [index('contract_events_contract_idx').on(t.contractId, t.id)],
);

/** The last contract number given per year: numbers are gapless because each comes from here in the activation's transaction. */
export const contractNumberSequences = sqliteTable('contract_number_sequences', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/** Since when a capped contract's measured power has been over its cap (the alert waits for the rule's grace). */
export const contractPowerWatch = sqliteTable('contract_power_watch', {
  contractId: integer('contract_id')
    .primaryKey()
    .references(() => contracts.id, { onDelete: 'cascade' }),
  overSince: text('over_since').notNull(),
});
