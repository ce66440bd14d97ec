import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idleLockMinutesDefault } from '../../electron/contract/auth.vocab';
import { defaultAfterDaysOverdueDefault } from '../../electron/contract/payments.vocab';

/** The organisation's own settings: a single row with id 1, written on the first save. */
export const settings = sqliteTable('settings', {
  id: integer('id').primaryKey(),
  organisationName: text('organisation_name').notNull(),
  address: text('address').notNull(),
  taxId: text('tax_id').notNull(),
  logoMime: text('logo_mime'),
  logo: blob('logo', { mode: 'buffer' }),
  currency: text('currency').notNull(), // ISO 4217
  timeZone: text('time_zone').notNull(), // IANA, the site's billing calendar
  energyRateMicroPerKwh: integer('energy_rate_micro_per_kwh').notNull(), // 10⁻⁶ currency units per kWh
  invoicePrefix: text('invoice_prefix').notNull(),
  contractPrefix: text('contract_prefix').notNull().default('HD'), // contract numbers: HD-2026-0042
  // Discovery scans private, CGNAT, link-local and loopback space only, unless this is on (audited, in Settings).
  allowPublicScanRanges: integer('allow_public_scan_ranges', { mode: 'boolean' }).notNull().default(false),
  // [{ "name": "VAT", "percent": "20" }]: applied to every client that is not tax-exempt (percent as decimal text).
  taxRatesJson: text('tax_rates_json').notNull().default('[]'),
  // Printed at the foot of every invoice: bank details, crypto addresses.
  paymentInstructions: text('payment_instructions').notNull().default(''),
  // A client whose oldest unpaid invoice is this many days past due is proposed for In Default.
  defaultAfterDaysOverdue: integer('default_after_days_overdue').notNull().default(defaultAfterDaysOverdueDefault),
  // A receipt is e-mailed for each payment recorded (the Payment receipt template), unless the person recording it opts out.
  sendPaymentReceipts: integer('send_payment_receipts', { mode: 'boolean' }).notNull().default(true),
  // Once accounts exist, a session with no activity for this many minutes is locked (signed out).
  idleLockMinutes: integer('idle_lock_minutes').notNull().default(idleLockMinutesDefault),
  updatedAt: text('updated_at').notNull(),
});
