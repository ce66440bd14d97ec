import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import Database from 'better-sqlite3';
import { findMigrationsFolder } from '../../../db/open-db';
import { MigrationMismatchError, readSchemaState } from '../../../db/migrate';
import type { BackupCounts, BackupPreview } from '../../contract/backups';
import { AppError } from '../../contract/errors';
import { parseBackupFileName } from './backups.names';

const sqliteHeader = 'SQLite format 3\0';

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(16);
    const read = readSync(fd, bytes, 0, 16, 0);
    return bytes.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

const tableNames = (sqlite: Database.Database): Set<string> =>
  new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));

function countRows(sqlite: Database.Database, tables: Set<string>): BackupCounts {
  // Each table name below is a fixed literal; a table an older schema lacks counts as none.
  const count = (table: string) => (tables.has(table) ? (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0);
  return {
    clients: count('clients'),
    miners: count('miners'),
    contracts: count('contracts'),
    invoices: count('invoices'),
    documents: count('client_documents'),
  };
}

const refusal = (name: string, reason: string) => new AppError('INVALID_INPUT', `${name} cannot be restored: ${reason}`, { file: reason });

/** The refusal of a backup whose pages SQLite finds damaged, in its own words. */
export const damaged = (name: string, problems: string[]): AppError =>
  refusal(name, `the file is damaged (SQLite reports: ${problems.slice(0, 5).join('; ')}). Choose another backup.`);

/**
 * Reads what a backup holds without changing it, and refuses a file Hashdesk cannot restore: not a SQLite
 * database, damaged, not a Hashdesk database, or written by a newer Hashdesk (a schema this version does not
 * know). Any database file may be previewed, ours or one brought from another computer. `pageCheck: false` leaves
 * out SQLite's read of every page (seconds on a large file), for callers that run it in a thread (see checkBackup).
 */
export function inspectBackup(file: string, migrationsFolder = findMigrationsFolder(), options: { pageCheck: boolean } = { pageCheck: true }): BackupPreview {
  const name = basename(file);
  const refuse = (reason: string) => refusal(name, reason);
  if (!isAbsolute(file)) throw refuse('give the full path of the file, starting at the root.');
  if (!existsSync(file) || !statSync(file).isFile())
    throw new AppError('NOT_FOUND', `There is no file at ${file}. Check the path, or that the drive is connected.`);
  const sizeBytes = statSync(file).size;
  if (readHeader(file) !== sqliteHeader)
    throw refuse('it is not a Hashdesk database (not even a SQLite file). Choose a .sqlite file made by Backup now or the daily backup.');
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw refuse(`it could not be opened (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    if (options.pageCheck) {
      const problems = (sqlite.pragma('quick_check(5)') as Record<string, string>[]).map((row) => String(Object.values(row)[0]));
      if (problems.join() !== 'ok') throw damaged(name, problems);
    }
    const tables = tableNames(sqlite);
    if (!['schema_migrations', 'clients', 'miners', 'settings'].every((table) => tables.has(table)))
      throw refuse('it is a SQLite database, but not one of Hashdesk.');
    const { applied, pending } = readSchemaOf(sqlite, migrationsFolder, refuse);
    const last = applied.at(-1);
    if (!last) throw refuse('it is an empty Hashdesk database that was never set up.');
    const lastChange = tables.has('audit_log') ? (sqlite.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: string | null }).at : null;
    return {
      file,
      name,
      sizeBytes,
      madeAt: (parseBackupFileName(name)?.madeAt ?? statSync(file).mtime).toISOString(),
      lastChangeAt: lastChange,
      schemaVersion: applied.length,
      schemaTag: last.tag,
      upgradeSteps: pending.length,
      counts: countRows(sqlite, tables),
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(`it could not be read (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    sqlite.close();
  }
}

function readSchemaOf(sqlite: Database.Database, folder: string, refuse: (reason: string) => AppError) {
  try {
    return readSchemaState(sqlite, folder);
  } catch (error) {
    if (error instanceof MigrationMismatchError)
      throw refuse(
        'it was written by a newer or different version of Hashdesk, whose database this version does not know. Install that version (or a newer one) first.',
      );
    throw error;
  }
}
