import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { settings } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { idleLockMinutesDefault } from '../../contract/auth.vocab';
import { AppError } from '../../contract/errors';
import { formatDecimal, formatRateMicro, parseDecimal } from '../../contract/money';
import { defaultAfterDaysOverdueDefault } from '../../contract/payments.vocab';
import type { Settings, TaxRate } from '../../contract/settings';
import { recordAudit } from '../audit/record-audit';
import { followSiteZoneChange, sitesOnOrganisationZone } from '../contracts/contracts.site-zone';

type SettingsRow = typeof settings.$inferSelect;
const SETTINGS_ID = 1;

function defaultRow(): SettingsRow {
  return {
    id: SETTINGS_ID,
    organisationName: '',
    address: '',
    taxId: '',
    logoMime: null,
    logo: null,
    currency: 'USD',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    energyRateMicroPerKwh: 0,
    invoicePrefix: 'INV-',
    contractPrefix: 'HD',
    allowPublicScanRanges: false,
    taxRatesJson: '[]',
    paymentInstructions: '',
    defaultAfterDaysOverdue: defaultAfterDaysOverdueDefault,
    sendPaymentReceipts: true,
    idleLockMinutes: idleLockMinutesDefault,
    updatedAt: '',
  };
}

/** The taxes as stored (written only through settings.update, which checks them). */
export const taxRatesOf = (row: SettingsRow): TaxRate[] => JSON.parse(row.taxRatesJson) as TaxRate[];

/** The settings row as stored (defaults until the first save), for services that need currency, zone or rate. */
export function readSettingsRow(db: DbOrTx): SettingsRow {
  return db.select().from(settings).where(eq(settings.id, SETTINGS_ID)).get() ?? defaultRow();
}

function toSettings(row: SettingsRow): Settings {
  return {
    organisationName: row.organisationName,
    address: row.address,
    taxId: row.taxId,
    logoDataUrl: row.logo && row.logoMime ? `data:${row.logoMime};base64,${row.logo.toString('base64')}` : null,
    currency: row.currency,
    timeZone: row.timeZone,
    energyRatePerKwh: formatRateMicro(row.energyRateMicroPerKwh),
    invoicePrefix: row.invoicePrefix,
    contractPrefix: row.contractPrefix,
    allowPublicScanRanges: row.allowPublicScanRanges,
    taxRates: taxRatesOf(row),
    paymentInstructions: row.paymentInstructions,
    defaultAfterDaysOverdue: row.defaultAfterDaysOverdue,
    sendPaymentReceipts: row.sendPaymentReceipts,
    updatedAt: row.updatedAt || null,
  };
}

/** The audit trail keeps a fingerprint of the logo, not its bytes. */
function auditView(row: SettingsRow): Record<string, unknown> {
  const { logoDataUrl: _logo, updatedAt: _updatedAt, ...rest } = toSettings(row);
  return { ...rest, logo: row.logo ? { bytes: row.logo.length, sha256: createHash('sha256').update(row.logo).digest('hex') } : null };
}

const imageSignatures: Record<string, number[]> = { 'image/png': [0x89, 0x50, 0x4e, 0x47], 'image/jpeg': [0xff, 0xd8, 0xff] };

function decodeLogo(logo: { mime: string; base64: string }): Buffer {
  const bytes = Buffer.from(logo.base64, 'base64');
  const signature = imageSignatures[logo.mime];
  if (!signature.every((byte, i) => bytes[i] === byte)) {
    throw new AppError('INVALID_INPUT', `The logo file is not a ${logo.mime === 'image/png' ? 'PNG' : 'JPEG'} image. Choose a PNG or JPEG file.`, {
      logo: 'is not a PNG or JPEG image',
    });
  }
  return bytes;
}

export function getSettings(db: DbOrTx): Settings {
  return toSettings(readSettingsRow(db));
}

/** Stores the row and audits the change in the caller's transaction. */
function writeSettings(tx: DbOrTx, before: SettingsRow, next: SettingsRow, actor: string): Settings {
  tx.insert(settings).values(next).onConflictDoUpdate({ target: settings.id, set: next }).run();
  recordAudit(tx, { actor, action: 'settings.updated', entity: 'settings', entityId: SETTINGS_ID, before: auditView(before), after: auditView(next) });
  return toSettings(next);
}

/** Turns scanning of public address space on or off; audited like any settings change. */
export function setScanning(db: DbOrTx, input: ParsedInputOf<Contract['settings.scanning.update']>, actor: string): Settings {
  return db.transaction((tx) => {
    const before = readSettingsRow(tx);
    const next: SettingsRow = { ...before, allowPublicScanRanges: input.allowPublicScanRanges, updatedAt: new Date().toISOString() };
    return writeSettings(tx, before, next, actor);
  });
}

/** "08.50" → "8.5": stored and printed in one spelling. */
const normalisePercent = (percent: string): string => formatDecimal(parseDecimal(percent, 4) ?? 0, 4);

export function updateSettings(db: DbOrTx, input: ParsedInputOf<Contract['settings.update']>, actor: string): Settings {
  return db.transaction((tx) => {
    const before = readSettingsRow(tx);
    const next: SettingsRow = {
      ...before,
      organisationName: input.organisationName,
      address: input.address,
      taxId: input.taxId,
      currency: input.currency,
      timeZone: input.timeZone,
      energyRateMicroPerKwh: parseDecimal(input.energyRatePerKwh, 6) ?? 0,
      invoicePrefix: input.invoicePrefix,
      contractPrefix: input.contractPrefix ?? before.contractPrefix,
      taxRatesJson: input.taxRates
        ? JSON.stringify(input.taxRates.map(({ name, percent }) => ({ name, percent: normalisePercent(percent) })))
        : before.taxRatesJson,
      paymentInstructions: input.paymentInstructions ?? before.paymentInstructions,
      defaultAfterDaysOverdue: input.defaultAfterDaysOverdue ?? before.defaultAfterDaysOverdue,
      sendPaymentReceipts: input.sendPaymentReceipts ?? before.sendPaymentReceipts,
      updatedAt: new Date().toISOString(),
    };
    followSiteZoneChange(tx, sitesOnOrganisationZone(tx), before.timeZone, next.timeZone, actor);
    if (input.logo === null) Object.assign(next, { logo: null, logoMime: null });
    else if (input.logo) Object.assign(next, { logo: decodeLogo(input.logo), logoMime: input.logo.mime });

    return writeSettings(tx, before, next, actor);
  });
}
