import { z } from 'zod';
import type { Db } from '../../../db/open-db';
import { alertCalls } from '../../contract/alerts';
import type { SettingsExport } from '../../contract/backups';
import { AppError, describeIssues } from '../../contract/errors';
import { idleLockMinutesSchema } from '../../contract/auth.vocab';
import { settingsCalls } from '../../contract/settings';
import { telemetryCalls } from '../../contract/telemetry';
import { listAlertRules, updateAlertRules } from '../alerts/alerts.rules';
import { recordAudit } from '../audit/record-audit';
import { writeIdleLock } from '../auth/auth.users';
import { readSettingsRow, setScanning, taxRatesOf, updateSettings } from '../settings/settings.service';
import { getTelemetrySettings, updateTelemetrySettings } from '../telemetry/telemetry.settings';
import { formatRateMicro } from '../../contract/money';

/**
 * The settings file: the organisation (as Settings saves it, logo included), the scan switch, the telemetry
 * poller, the alert rules and the sign-in idle lock (absent from files of earlier builds), each checked on import by the same schema as its own form. Nothing secret is
 * in it: miner logins, the holding pool's password and SNMP communities stay in the database, sealed.
 */
const settingsFileSchema = z
  .object({
    format: z.literal('hashdesk-settings', { error: 'is not a Hashdesk settings file' }),
    formatVersion: z.literal(1, { error: 'is a settings file of another Hashdesk version' }),
    exportedAt: z.string(),
    appVersion: z.string(),
    organisation: settingsCalls['settings.update'].input,
    scanning: settingsCalls['settings.scanning.update'].input,
    telemetry: telemetryCalls['telemetry.settings.update'].input,
    alertRules: alertCalls['alerts.rules.update'].input,
    security: z.object({ idleLockMinutes: idleLockMinutesSchema }).strict().optional(),
  })
  .strict();

type SettingsFile = z.input<typeof settingsFileSchema>;

export function exportSettings(db: Db, version: string, actor: string, at = new Date()): SettingsExport {
  const row = readSettingsRow(db);
  const file: SettingsFile = {
    format: 'hashdesk-settings',
    formatVersion: 1,
    exportedAt: at.toISOString(),
    appVersion: version,
    organisation: {
      organisationName: row.organisationName,
      address: row.address,
      taxId: row.taxId,
      logo: row.logo && row.logoMime ? { mime: row.logoMime as 'image/png' | 'image/jpeg', base64: row.logo.toString('base64') } : null,
      currency: row.currency,
      timeZone: row.timeZone,
      energyRatePerKwh: formatRateMicro(row.energyRateMicroPerKwh),
      invoicePrefix: row.invoicePrefix,
      contractPrefix: row.contractPrefix,
      taxRates: taxRatesOf(row),
      paymentInstructions: row.paymentInstructions,
      sendPaymentReceipts: row.sendPaymentReceipts,
      defaultAfterDaysOverdue: row.defaultAfterDaysOverdue,
    },
    scanning: { allowPublicScanRanges: row.allowPublicScanRanges },
    telemetry: (({ pollIntervalS, concurrency, timeoutMs, enabled }) => ({ pollIntervalS, concurrency, timeoutMs, enabled }))(getTelemetrySettings(db)),
    alertRules: { rules: listAlertRules(db).map(({ kind, enabled, threshold, desktop }) => ({ kind, enabled, threshold, desktop })) },
    security: { idleLockMinutes: row.idleLockMinutes },
  };
  const fileName = `hashdesk-settings-${file.exportedAt.slice(0, 10)}.json`;
  recordAudit(db, { actor, action: 'settings.exported', entity: 'settings', entityId: 1, after: { fileName } });
  return { fileName, json: `${JSON.stringify(file, null, 2)}\n` };
}

const sections = ['organisation', 'scanning', 'telemetry', 'alert rules'] as const;

/** Applies a settings file in one transaction (each part audited as its own form would, and the import itself); a bad file changes nothing. */
export function importSettings(db: Db, json: string, actor: string, at = new Date()): { imported: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('INVALID_INPUT', 'That file is not a Hashdesk settings file: it is not JSON. Choose a file made by Export settings.');
  }
  const parsed = settingsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const { message } = describeIssues(parsed.error);
    throw new AppError('INVALID_INPUT', `The settings file was not imported; nothing changed. ${message}`);
  }
  const file = parsed.data;
  return db.transaction((tx) => {
    updateSettings(tx, file.organisation, actor);
    setScanning(tx, file.scanning, actor);
    updateTelemetrySettings(tx, file.telemetry, actor);
    updateAlertRules(tx, file.alertRules, actor, at);
    if (file.security) writeIdleLock(tx, file.security.idleLockMinutes, actor, at);
    const imported: string[] = file.security ? [...sections, 'security'] : [...sections];
    recordAudit(tx, {
      actor,
      action: 'settings.imported',
      entity: 'settings',
      entityId: 1,
      after: { exportedAt: file.exportedAt, appVersion: file.appVersion, sections: imported },
    });
    return { imported };
  });
}
