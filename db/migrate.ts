import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

type JournalEntry = { idx: number; tag: string };
export type AppliedMigration = { version: number; tag: string };

/** Thrown when the database does not match the migrations this build ships. */
export class MigrationMismatchError extends Error {}

function readJournal(folder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return [...journal.entries].sort((a, b) => a.idx - b.idx);
}

function readStatements(folder: string, tag: string): { sql: string[]; sha256: string } {
  const text = readFileSync(join(folder, `${tag}.sql`), 'utf8');
  const sql = text
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { sql, sha256: createHash('sha256').update(text).digest('hex') };
}

/** Where a database stands against the migrations this build ships. */
export type SchemaState = { applied: AppliedMigration[]; pending: AppliedMigration[] };

/**
 * Reads `schema_migrations` (which must exist) against the files in `folder`. Throws MigrationMismatchError
 * for a database whose applied list disagrees with the files (a newer build wrote it, or a merged migration
 * was edited).
 */
export function readSchemaState(sqlite: Database.Database, folder: string): SchemaState {
  const entries = readJournal(folder);
  const applied = sqlite.prepare('SELECT version, tag, sha256 FROM schema_migrations ORDER BY version').all() as {
    version: number;
    tag: string;
    sha256: string;
  }[];
  for (const row of applied) {
    const entry = entries.find((e) => e.idx === row.version);
    if (!entry || entry.tag !== row.tag) {
      throw new MigrationMismatchError(
        `This database was written by a newer or different version of Hashdesk (it has migration ${row.tag}, which this version does not know). Open it with the version that created it.`,
      );
    }
    if (readStatements(folder, entry.tag).sha256 !== row.sha256) {
      throw new MigrationMismatchError(
        `Migration ${row.tag} differs from the one this database was built with. Migrations must never be edited after release.`,
      );
    }
  }
  return {
    applied: applied.map((row) => ({ version: row.version, tag: row.tag })),
    pending: entries.filter((e) => !applied.some((row) => row.version === e.idx)).map((e) => ({ version: e.idx, tag: e.tag })),
  };
}

export type MigrateOptions = {
  /** Called once before pending migrations change a database that already holds some (not a new one): the pre-migration copy. */
  beforeMigrating?: (pending: AppliedMigration[]) => void;
};

/**
 * Applies the drizzle-kit migrations in `folder` that the database has not seen, all in one
 * transaction, and records each in `schema_migrations`. Refuses a database whose applied list
 * disagrees with the files (see readSchemaState).
 * Foreign keys are switched off for the run, as SQLite's table-rebuild procedure requires, and
 * checked before commit.
 */
export function applyMigrations(sqlite: Database.Database, folder: string, options: MigrateOptions = {}): AppliedMigration[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, tag TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const { applied, pending } = readSchemaState(sqlite, folder);
  if (pending.length === 0) return [];
  if (applied.length > 0) options.beforeMigrating?.(pending);

  const foreignKeysWereOn = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      const record = sqlite.prepare('INSERT INTO schema_migrations (version, tag, sha256, applied_at) VALUES (?, ?, ?, ?)');
      for (const entry of pending) {
        const { sql, sha256 } = readStatements(folder, entry.tag);
        for (const statement of sql) sqlite.exec(statement);
        record.run(entry.version, entry.tag, sha256, new Date().toISOString());
      }
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new MigrationMismatchError(`The migration left ${broken.length} rows with broken references; nothing was changed.`);
      sqlite.pragma(`user_version = ${pending[pending.length - 1].version + 1}`);
    })();
  } finally {
    if (foreignKeysWereOn) sqlite.pragma('foreign_keys = ON');
  }
  return pending;
}
