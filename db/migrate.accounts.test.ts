import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';
import { openDb } from './open-db';
import { migrationsBefore, olderBuild } from './testing/older-build';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file written by the build just before accounts, holding two staff members (one managing a client) and saved settings. */
function databaseBeforeAccounts(): string {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-accounts-upgrade-'));
  const copy = olderBuild(dir, migrationsBefore('0025_accounts_and_sessions'));
  const file = join(dir, 'hashdesk.db');
  const old = new Database(file);
  applyMigrations(old, copy);
  old.prepare("INSERT INTO staff (id, name, email, created_at, updated_at) VALUES (1, 'Maria', 'maria@site.test', '2026-01-01', '2026-01-01')").run();
  old.prepare("INSERT INTO staff (id, name, active, created_at, updated_at) VALUES (2, 'Jon', 0, '2026-01-01', '2026-01-01')").run();
  old
    .prepare(
      "INSERT INTO clients (id, name, contact_email, manager_id, created_at, updated_at) VALUES (7, 'Arctic Hash', 'ops@arctic.test', 1, '2026-01-01', '2026-01-01')",
    )
    .run();
  old
    .prepare(
      "INSERT INTO settings (id, organisation_name, address, tax_id, currency, time_zone, energy_rate_micro_per_kwh, invoice_prefix, updated_at) VALUES (1, 'North Site', '', '', 'USD', 'UTC', 68500, 'INV-', '2026-01-01')",
    )
    .run();
  old.close();
  return file;
}

describe('migration 0025 (accounts and sessions)', () => {
  it('keeps every staff member without a login, with no role and no failures, and gives saved settings the default idle lock', () => {
    expect(migrationsBefore('0025_accounts_and_sessions')).toBeGreaterThan(0);
    const db = openDb(databaseBeforeAccounts());
    const sqlite = db.$client;
    expect(
      sqlite
        .prepare('SELECT id, name, active, login, password_hash, role_key, role_id, must_change_password, failed_sign_ins, locked_until FROM staff ORDER BY id')
        .all(),
    ).toEqual([
      {
        id: 1,
        name: 'Maria',
        active: 1,
        login: null,
        password_hash: null,
        role_key: null,
        role_id: null,
        must_change_password: 0,
        failed_sign_ins: 0,
        locked_until: null,
      },
      {
        id: 2,
        name: 'Jon',
        active: 0,
        login: null,
        password_hash: null,
        role_key: null,
        role_id: null,
        must_change_password: 0,
        failed_sign_ins: 0,
        locked_until: null,
      },
    ]);
    expect(sqlite.prepare('SELECT manager_id FROM clients WHERE id = 7').get()).toEqual({ manager_id: 1 });
    expect(sqlite.prepare('SELECT idle_lock_minutes FROM settings WHERE id = 1').get()).toEqual({ idle_lock_minutes: 15 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    sqlite.prepare("UPDATE staff SET login = 'maria' WHERE id = 1").run();
    expect(() => sqlite.prepare("UPDATE staff SET login = 'maria' WHERE id = 2").run()).toThrow(/UNIQUE/);
    expect(() => sqlite.prepare('UPDATE staff SET role_id = 99 WHERE id = 2').run()).toThrow(/FOREIGN KEY/);
    sqlite.close();
  });
});
