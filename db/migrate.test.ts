import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationMismatchError } from './migrate';
import { findMigrationsFolder, openDb } from './open-db';

const folder = findMigrationsFolder();
const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-migrate-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('applyMigrations', () => {
  it('builds every table on an empty database and records each migration once', () => {
    const sqlite = new Database(':memory:');
    const applied = applyMigrations(sqlite, folder);
    expect(applied.map((m) => m.tag)).toEqual(journal.entries.map((e) => e.tag));
    expect(sqlite.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: journal.entries.length });
    expect(sqlite.pragma('user_version', { simple: true })).toBe(journal.entries.length);
    expect(applyMigrations(sqlite, folder)).toEqual([]);
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['settings', 'audit_log', 'schema_migrations']));
  });

  it('refuses a database that has a migration this build does not know', () => {
    const sqlite = new Database(':memory:');
    applyMigrations(sqlite, folder);
    sqlite.prepare("INSERT INTO schema_migrations VALUES (999, '0999_from_the_future', 'x', '2030-01-01')").run();
    expect(() => applyMigrations(sqlite, folder)).toThrow(MigrationMismatchError);
    expect(() => applyMigrations(sqlite, folder)).toThrow(/newer or different version of Hashdesk/);
  });

  it('refuses a database built with a migration that was edited afterwards', () => {
    const copy = join(tempDir(), 'migrations');
    cpSync(folder, copy, { recursive: true });
    const sqlite = new Database(':memory:');
    applyMigrations(sqlite, copy);
    const first = join(copy, `${journal.entries[0].tag}.sql`);
    writeFileSync(first, `${readFileSync(first, 'utf8')}\n-- edited`);
    expect(() => applyMigrations(sqlite, copy)).toThrow(/must never be edited/);
  });

  it('rolls back every pending migration when one fails', () => {
    const copy = join(tempDir(), 'migrations');
    cpSync(folder, copy, { recursive: true });
    const broken = JSON.parse(readFileSync(join(copy, 'meta', '_journal.json'), 'utf8'));
    broken.entries.push({ idx: broken.entries.length, version: '6', when: Date.now(), tag: '9999_broken', breakpoints: true });
    writeFileSync(join(copy, 'meta', '_journal.json'), JSON.stringify(broken));
    writeFileSync(join(copy, '9999_broken.sql'), 'CREATE TABLE ok_table (id integer);\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    const sqlite = new Database(':memory:');
    expect(() => applyMigrations(sqlite, copy)).toThrow();
    expect(sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('settings','ok_table')").get()).toEqual({ n: 0 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
  });
});

describe('openDb', () => {
  it('opens with WAL, foreign keys, busy timeout and NORMAL sync, and keeps data across reopen', () => {
    const file = join(tempDir(), 'hashdesk.db');
    const db = openDb(file);
    const client = db.$client;
    expect(client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(client.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(client.pragma('synchronous', { simple: true })).toBe(1);
    client.prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id) VALUES ('2026-01-01T00:00:00Z', 't', 'a', 'e', '1')").run();
    client.close();
    const again = openDb(file);
    expect(again.$client.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    again.$client.close();
  });
});
