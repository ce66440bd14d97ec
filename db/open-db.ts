import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyMigrations, type MigrateOptions } from './migrate';
import * as schema from './schema';

export type Db = ReturnType<typeof drizzle<typeof schema>> & { $client: Database.Database };
/** A transaction handle: services accept it wherever they accept a Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type OpenDbOptions = {
  /** better-sqlite3 built for another runtime (the Electron copy); defaults to the Node build. */
  nativeBinding?: string;
  migrationsFolder?: string;
  /** The pre-migration copy: called with the still unchanged connection when migrations are pending on a database that holds some. */
  beforeMigrating?: (sqlite: Database.Database, pending: Parameters<NonNullable<MigrateOptions['beforeMigrating']>>[0]) => void;
};

/** Finds db/migrations by walking up from this file: works from source, from out/main and inside app.asar. */
export function findMigrationsFolder(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'migrations'), join(dir, 'db', 'migrations')]) {
      if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    }
    if (dirname(dir) === dir) throw new Error(`The database migrations were not found above ${start}.`);
  }
}

/**
 * The database and its WAL and shared-memory files readable by their owner only, whatever the umask: the
 * file is created 0600 before SQLite opens it (SQLite gives -wal and -shm the database file's mode), and an
 * older one made 0644 is narrowed.
 */
function keepOwnerOnly(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

/** Opens (creating if needed) the database file, owner-only, sets the safety pragmas and applies migrations. */
export function openDb(file: string, options: OpenDbOptions = {}): Db {
  keepOwnerOnly(file);
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB of page cache (the default is 2 MB): a fleet of 100,000 miners and its audit indexes stay in memory.
    sqlite.pragma('cache_size = -65536');
    // Checkpoint when the WAL passes 10,000 pages (40 MB) rather than SQLite's 1,000, so a change of
    // thousands of rows does not also copy the log back at its commit; the runtime checkpoints when idle.
    sqlite.pragma('wal_autocheckpoint = 10000');
    const { beforeMigrating } = options;
    applyMigrations(sqlite, options.migrationsFolder ?? findMigrationsFolder(), {
      beforeMigrating: beforeMigrating && ((pending) => beforeMigrating(sqlite, pending)),
    });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return drizzle(sqlite, { schema }) as Db;
}
