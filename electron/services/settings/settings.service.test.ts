import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { AppError } from '../../contract/errors';
import { listAudit } from '../audit/audit.service';
import { getSettings, updateSettings } from './settings.service';

const valid = {
  organisationName: 'Northwind Hosting LLC',
  address: '1 Main St',
  taxId: 'EIN 12-345',
  currency: 'EUR',
  timeZone: 'Europe/Oslo',
  energyRatePerKwh: '0.0685',
  invoicePrefix: 'NW-',
};
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

describe('settings', () => {
  it('starts from defaults until the first save', () => {
    const s = getSettings(t.db);
    expect(s).toMatchObject({ organisationName: '', currency: 'USD', energyRatePerKwh: '0.00', invoicePrefix: 'INV-', updatedAt: null, logoDataUrl: null });
  });

  it('saves, reads back the exact rate, and writes one audit row with before and after', () => {
    const saved = updateSettings(t.db, valid, 'tester');
    expect(saved).toMatchObject({ organisationName: 'Northwind Hosting LLC', currency: 'EUR', timeZone: 'Europe/Oslo', energyRatePerKwh: '0.0685' });
    expect(t.db.$client.prepare('SELECT energy_rate_micro_per_kwh AS r FROM settings').get()).toEqual({ r: 68_500 });
    const audit = listAudit(t.db, { entity: 'settings', limit: 10, offset: 0 });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({ actor: 'tester', action: 'settings.updated', entityId: '1' });
    expect(audit.rows[0].before).toMatchObject({ currency: 'USD' });
    expect(audit.rows[0].after).toMatchObject({ currency: 'EUR', energyRatePerKwh: '0.0685' });
  });

  it('stores a logo, keeps it when the logo is omitted, removes it with null, and audits a fingerprint not the bytes', () => {
    expect(updateSettings(t.db, { ...valid, logo: { mime: 'image/png', base64: png } }, 'a').logoDataUrl).toBe(`data:image/png;base64,${png}`);
    expect(updateSettings(t.db, valid, 'a').logoDataUrl).toBe(`data:image/png;base64,${png}`);
    expect(updateSettings(t.db, { ...valid, logo: null }, 'a').logoDataUrl).toBeNull();
    const first = listAudit(t.db, { limit: 10, offset: 0 }).rows.at(-1)!;
    expect(first.after).toMatchObject({ logo: { bytes: 11 } });
    expect(JSON.stringify(first.after)).not.toContain(png);
  });

  it('refuses a logo whose bytes are not the declared image type, and changes nothing', () => {
    const notPng = Buffer.from('<svg onload=alert(1)>').toString('base64');
    expect(() => updateSettings(t.db, { ...valid, logo: { mime: 'image/png', base64: notPng } }, 'a')).toThrow(AppError);
    expect(getSettings(t.db).updatedAt).toBeNull();
    expect(listAudit(t.db, { limit: 10, offset: 0 }).total).toBe(0);
  });
});
