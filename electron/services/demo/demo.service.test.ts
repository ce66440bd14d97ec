import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { hasNoChanges } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import { seedDemo } from './demo.service';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

describe('demo facility', () => {
  it('fills an empty database through the services, with audit rows', () => {
    const summary = seedDemo(t.db, 'demo');
    expect(Object.values(summary.created).every((n) => n > 0)).toBe(true);
    expect(getSettings(t.db).organisationName).toBe('Northwind Hosting LLC');
    expect(hasNoChanges(t.db)).toBe(false);
  });

  it('refuses a database that already holds data', () => {
    seedDemo(t.db, 'demo');
    expect(() => seedDemo(t.db, 'demo')).toThrow(/already holds data/);
  });
});
