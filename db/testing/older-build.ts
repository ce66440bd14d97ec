import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from '../migrate';
import { findMigrationsFolder } from '../open-db';

/** A copy, inside `dir`, of this build's migrations folder whose journal stops after the first `count` entries: an older build's. */
export function olderBuild(dir: string, count: number): string {
  const copy = join(dir, `migrations-${count}`);
  cpSync(findMigrationsFolder(), copy, { recursive: true });
  const journalFile = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return copy;
}

/** How many migrations come before the one tagged `tag`: the older build of `olderBuild(dir, migrationsBefore(tag))` stops just before it. */
export function migrationsBefore(tag: string): number {
  const journal = JSON.parse(readFileSync(join(findMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  if (index < 0) throw new Error(`There is no migration tagged ${tag}.`);
  return index;
}

/**
 * A database file in `dir` written by the build just before the migration tagged `tag`, holding what `fill` puts
 * in it (with that build's schema): the starting point of a test of that migration's upgrade.
 */
export function databaseBefore(dir: string, tag: string, fill: (old: Database.Database) => void): string {
  const file = join(dir, 'hashdesk.db');
  const old = new Database(file);
  try {
    applyMigrations(old, olderBuild(dir, migrationsBefore(tag)));
    fill(old);
  } finally {
    old.close();
  }
  return file;
}
