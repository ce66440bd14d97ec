import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { hasNoChanges } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import { seedDemoFacility } from '../../../tests/helpers/demo-fixtures';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

describe('demo facility', () => {
  it('fills an empty database through the services, with audit rows', () => {
    const summary = seedDemoFacility(t.db);
    expect(Object.values(summary.created).every((n) => n > 0)).toBe(true);
    expect(getSettings(t.db).organisationName).toBe('Northwind Hosting LLC');
    expect(hasNoChanges(t.db)).toBe(false);
  });

  it('refuses a database that already holds data', () => {
    seedDemoFacility(t.db);
    expect(() => seedDemoFacility(t.db)).toThrow(/already holds data/);
  });
});
