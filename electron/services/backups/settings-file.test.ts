import { afterEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { listAlertRules } from '../alerts/alerts.rules';
import { listAudit } from '../audit/audit.service';
import { writeIdleLock } from '../auth/auth.users';
import { getSettings, readSettingsRow, setScanning, updateSettings } from '../settings/settings.service';
import { getTelemetrySettings, updateTelemetrySettings } from '../telemetry/telemetry.settings';
import { exportSettings, importSettings } from './settings-file';

const open: TempDb[] = [];
afterEach(() => open.splice(0).forEach((t) => t.close()));
const db = () => {
  const t = openTempDb();
  open.push(t);
  return t.db;
};
const onePixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function configured() {
  const source = db();
  updateSettings(
    source,
    {
      organisationName: 'Fjord Hosting AS',
      address: 'Kaiveien 4\n9008 Tromsø',
      taxId: 'NO 999 888 777',
      logo: { mime: 'image/png', base64: onePixelPng },
      currency: 'EUR',
      timeZone: 'Europe/Oslo',
      energyRatePerKwh: '0.0685',
      invoicePrefix: 'FH-',
      contractPrefix: 'FJ',
      taxRates: [{ name: 'MVA', percent: '25' }],
      paymentInstructions: 'IBAN NO93 8601 1117 947',
      sendPaymentReceipts: false,
      defaultAfterDaysOverdue: 45,
    },
    'ana',
  );
  writeIdleLock(source, 45, 'ana', new Date('2026-12-04T09:00:00Z'));
  setScanning(source, { allowPublicScanRanges: true }, 'ana');
  updateTelemetrySettings(source, { pollIntervalS: 120, concurrency: 64, timeoutMs: 5000, enabled: false }, 'ana');
  return source;
}

describe('settings export and import', () => {
  it('import a file of an earlier build, which has no security section, and keep the idle lock as it was', () => {
    const file = JSON.parse(exportSettings(configured(), '0.1.0', 'ana').json) as Record<string, unknown>;
    delete file.security;
    const target = db();
    writeIdleLock(target, 20, 'bo', new Date('2026-12-04T09:00:00Z'));
    expect(importSettings(target, JSON.stringify(file), 'bo').imported).not.toContain('security');
    expect(readSettingsRow(target).idleLockMinutes).toBe(20);
  });

  it('carry the organisation, scan switch, telemetry and alert rules to another database, audited on both sides', () => {
    const source = configured();
    const exported = exportSettings(source, '0.1.0', 'ana', new Date('2026-12-04T09:30:00Z'));
    expect(exported.fileName).toBe('hashdesk-settings-2026-12-04.json');
    const target = db();
    expect(importSettings(target, exported.json, 'bo')).toEqual({ imported: ['organisation', 'scanning', 'telemetry', 'alert rules', 'security'] });
    expect(readSettingsRow(target)).toMatchObject({ sendPaymentReceipts: false, idleLockMinutes: 45 });
    const { updatedAt: _a, ...imported } = getSettings(target);
    const { updatedAt: _b, ...original } = getSettings(source);
    expect(imported).toEqual(original);
    expect(getTelemetrySettings(target)).toMatchObject({ pollIntervalS: 120, concurrency: 64, timeoutMs: 5000, enabled: false });
    expect(listAlertRules(target).map(({ updatedAt: _u, ...rule }) => rule)).toEqual(listAlertRules(source).map(({ updatedAt: _u, ...rule }) => rule));
    expect(listAudit(source, { entity: 'settings', limit: 1, offset: 0 }).rows[0]).toMatchObject({ action: 'settings.exported' });
    expect(listAudit(target, { entity: 'settings', limit: 1, offset: 0 }).rows[0]).toMatchObject({
      action: 'settings.imported',
      summary: 'The settings were imported from a file of Hashdesk 0.1.0',
    });
  });

  it('carry every stored setting, so a column added later cannot be left out of the file unnoticed', () => {
    // Not settings: the row's key and the time of its last save.
    const notCarried = ['id', 'updatedAt'] as const;
    const without = (row: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(row).filter(([key]) => !(notCarried as readonly string[]).includes(key)));
    const source = without(readSettingsRow(configured()));
    const fresh = without(readSettingsRow(db()));
    // The fixture moves every column off its default, or the round trip below would prove nothing for it.
    expect(Object.keys(source).filter((key) => JSON.stringify(source[key]) === JSON.stringify(fresh[key]))).toEqual([]);
    const target = db();
    importSettings(target, exportSettings(configured(), '0.1.0', 'ana').json, 'bo');
    expect(without(readSettingsRow(target))).toEqual(source);
  });

  it('hold no secret: nothing sealed, no password field', () => {
    const { json } = exportSettings(configured(), '0.1.0', 'ana');
    expect(json).not.toMatch(/password|community|secret|v1\.[A-Za-z0-9_-]{16}\./i);
  });

  it('refuse a file that is not JSON, not ours, or has a bad value, in words, changing nothing', () => {
    const target = db();
    const before = getSettings(target);
    expect(() => importSettings(target, 'not json at all', 'bo')).toThrow(/it is not JSON/);
    expect(() => importSettings(target, '{"format":"something-else"}', 'bo')).toThrow(/not a Hashdesk settings file/);
    const file = JSON.parse(exportSettings(configured(), '0.1.0', 'ana').json);
    file.organisation.currency = 'EURO';
    expect(() => importSettings(target, JSON.stringify(file), 'bo')).toThrow(/nothing changed.*three-letter ISO 4217/);
    file.organisation.currency = 'EUR';
    file.telemetry.pollIntervalS = 1;
    expect(() => importSettings(target, JSON.stringify(file), 'bo')).toThrow(/at least 10 seconds/);
    expect(getSettings(target)).toEqual(before);
    expect(listAudit(target, { limit: 5, offset: 0 }).rows).toEqual([]);
  });
});
