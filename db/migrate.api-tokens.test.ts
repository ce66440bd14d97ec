import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';
import { openDb } from './open-db';
import { fillEveryTable } from './testing/fill-every-table';
import { migrationsBefore, olderBuild } from './testing/older-build';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file written by the build just before personal API tokens: an administrator with a login and a live session. */
function databaseBeforeApiTokens(): string {
  dir = mkdtempSync(join(tmpdir(), 'hashdesk-api-tokens-upgrade-'));
  const file = join(dir, 'hashdesk.db');
  const old = new Database(file);
  applyMigrations(old, olderBuild(dir, migrationsBefore('0027_api_tokens')));
  old
    .prepare(
      "INSERT INTO staff (id, name, login, password_hash, role_key, created_at, updated_at) VALUES (1, 'Ada Admin', 'ada', '$scrypt$x', 'administrator', '2026-01-01', '2026-01-01')",
    )
    .run();
  old.prepare("INSERT INTO sessions (staff_id, token_hash, created_at, last_seen_at) VALUES (1, 'abc', '2026-01-01', '2026-01-01')").run();
  old.close();
  return file;
}

describe('migration 0027 (personal API tokens)', () => {
  it('keeps accounts and sessions, starts with no token, and holds a token per staff member with a unique hash', () => {
    expect(migrationsBefore('0027_api_tokens')).toBeGreaterThan(0);
    const sqlite = openDb(databaseBeforeApiTokens()).$client;
    expect(sqlite.prepare('SELECT id, login, role_key FROM staff').all()).toEqual([{ id: 1, login: 'ada', role_key: 'administrator' }]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM api_tokens').get()).toEqual({ n: 0 });
    const insert = sqlite.prepare("INSERT INTO api_tokens (staff_id, name, token_hash, prefix, created_at) VALUES (?, 'cron', ?, 'hdk_abc', '2026-02-01')");
    insert.run(1, 'hash-1');
    expect(() => insert.run(1, 'hash-1')).toThrow(/UNIQUE/);
    expect(() => insert.run(99, 'hash-2')).toThrow(/FOREIGN KEY/);
    expect(sqlite.prepare('SELECT last_used_at, expires_at, revoked_at FROM api_tokens').get()).toEqual({
      last_used_at: null,
      expires_at: null,
      revoked_at: null,
    });
    sqlite.close();
  });

  it('is a table the upgrade proof fills like any other, so later migrations are checked against its rows', () => {
    const sqlite = openDb(join((dir = mkdtempSync(join(tmpdir(), 'hashdesk-api-tokens-fill-'))), 'hashdesk.db')).$client;
    const { rows, unfilled } = fillEveryTable(sqlite, { invoices: { number: null, issued_at: null } });
    expect(unfilled).toEqual([]);
    expect(rows.find((row) => row.table === 'api_tokens')?.values).toMatchObject({
      staff_id: 1,
      token_hash: 'api_tokens.token_hash',
      revoked_at: expect.any(String),
    });
    sqlite.close();
  });
});
