import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';
import { olderBuild } from './testing/older-build';
import { findMigrationsFolder, openDb } from './open-db';
import { fillEveryTable, type FilledRow } from './testing/fill-every-table';

/**
 * The upgrade proof (issue 15): a database made by every earlier build, with a row in every table of its
 * schema, opens in this build with each of those rows intact, and its schema then equals a new database's.
 * Rows are made from each table's own definition (see fill-every-table), so a table added by a later
 * migration is covered without editing this test.
 */

const folder = findMigrationsFolder();
const entries = (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] }).entries;
const dir = mkdtempSync(join(tmpdir(), 'hashdesk-every-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An issued invoice takes no new lines or taxes (triggers refuse them): the filled invoice is a draft, so its lines and taxes go in. */
const fillerOverrides = { invoices: { number: null, issued_at: null } };

type SchemaRow = { type: string; name: string; sql: string | null };
const schemaOf = (sqlite: Database.Database): SchemaRow[] =>
  sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as SchemaRow[];

const fresh = (() => {
  const db = openDb(join(dir, 'fresh.db'));
  const schema = schemaOf(db.$client);
  db.$client.close();
  return schema;
})();

describe('upgrading from every earlier schema version', () => {
  it.each(entries.slice(0, -1).map((entry) => [entry.tag, entry.idx + 1] as const))('keeps every row of a database made at %s', (_tag, count) => {
    const file = join(dir, `build-${count}.db`);
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    applyMigrations(old, olderBuild(dir, count));
    const { rows, unfilled } = fillEveryTable(old, fillerOverrides);
    old.close();
    expect(unfilled, 'tables the filler could not put a row in').toEqual([]);
    expect(rows.length).toBeGreaterThan(0);

    const db = openDb(file);
    const sqlite = db.$client;
    for (const row of rows) {
      const { written, found } = writtenAndFound(sqlite, row);
      expect(found, `${row.table} row ${row.rowid}`).toEqual(written);
    }
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(schemaOf(sqlite)).toEqual(fresh);
    sqlite.close();
  });
});

/**
 * The row's values as written and as they are now, in the columns its table still has (a column or table a
 * later migration dropped is left out). Any other difference is data an upgrade lost or altered.
 */
function writtenAndFound(sqlite: Database.Database, row: FilledRow): { written: Record<string, unknown>; found: unknown } {
  const present = new Set((sqlite.pragma(`table_info("${row.table}")`) as { name: string }[]).map((c) => c.name));
  const written = Object.fromEntries(Object.entries(row.values).filter(([column]) => present.has(column)));
  const columns = Object.keys(written);
  if (columns.length === 0) return { written, found: {} };
  const found = sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${row.table}" WHERE rowid = ?`).get(row.rowid);
  return { written, found };
}
