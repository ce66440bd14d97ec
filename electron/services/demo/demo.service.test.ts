import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { hasNoChanges } from '../audit/audit.service';
import { getSettings } from '../settings/settings.service';
import { makeClient, makeManager } from '../../../tests/helpers/client-fixtures';
import { seedDemoFacility } from '../../../tests/helpers/demo-fixtures';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

// A demo seed takes seconds on a quiet machine and several times that on a busy one: the timeout only stops a hang.
describe('demo facility', { timeout: 120_000 }, () => {
  it('fills an empty database through the services, with audit rows', () => {
    const summary = seedDemoFacility(t.db);
    expect(Object.values(summary.created).every((n) => n > 0)).toBe(true);
    expect(getSettings(t.db).organisationName).toBe('Northwind Hosting LLC');
    expect(hasNoChanges(t.db)).toBe(false);
  });

  it('refuses a database that already holds data, and adds nothing to it', () => {
    // Any change at all (here one client and its manager) makes the database one that holds data.
    makeClient(t.db, { name: 'Acme Hashing', managerId: makeManager(t.db).id });
    const rows = () => t.db.$client.prepare('SELECT (SELECT count(*) FROM clients) AS clients, (SELECT count(*) FROM audit_log) AS audit').get();
    const before = rows();
    expect(() => seedDemoFacility(t.db)).toThrow(/already holds data/);
    expect(rows()).toEqual(before);
  });
});
