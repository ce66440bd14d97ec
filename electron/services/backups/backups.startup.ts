import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDb, type Db } from '../../../db/open-db';
import type { DatabaseHealth, RestoreOutcome } from '../../contract/backups';
import { recordAudit } from '../audit/record-audit';
import { defaultBackupFolder, readBackupConfig } from './backups.config';
import { writeCopyNow } from './backups.files';
import { checkIntegrity } from './backups.integrity';
import { finishPendingRestore } from './backups.restore';

export type OpenedDataDb = {
  db: Db;
  /** 'checking' until healthCheck settles; 'damaged' at once for a file SQLite could not open. */
  health: DatabaseHealth;
  healthCheck: Promise<DatabaseHealth> | null;
  restoredAtStart: RestoreOutcome | null;
  /** True when the database file could not be opened at all: the app runs on an empty stand-in that only offers a restore. */
  standIn: boolean;
};

export type OpenDataDbOptions = { version: string; nativeBinding?: string; migrationsFolder?: string };

export const databaseFile = (dataDir: string): string => join(dataDir, 'hashdesk.db');

/** SQLite's words for a file that is not (or no longer) a database it can read. */
const isDamage = (error: unknown): boolean => ['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes(String((error as { code?: unknown } | null)?.code));

/**
 * The copy made before migrations change a database: into the backup folder, or the data folder's `backups`
 * when that one is out of reach. Without a copy the upgrade does not run (the app does not start).
 */
function copyBeforeUpgrade(dataDir: string, version: string): (sqlite: Database.Database) => void {
  return (sqlite) => {
    try {
      writeCopyNow(sqlite, readBackupConfig(dataDir).settings.folder, 'before-upgrade', version);
    } catch {
      writeCopyNow(sqlite, defaultBackupFolder(dataDir), 'before-upgrade', version);
    }
  };
}

/**
 * Opens the data folder's database for the app: finishes a restore requested before the restart, copies the
 * database before migrations upgrade it, and checks its integrity. A file SQLite cannot read at all is left
 * untouched and the app runs on an empty in-memory stand-in, so the start screen can offer a backup.
 */
export function openDataDb(dataDir: string, options: OpenDataDbOptions): OpenedDataDb {
  const file = databaseFile(dataDir);
  const restoredAtStart = finishPendingRestore(dataDir, file, options.migrationsFolder);
  const dbOptions = { nativeBinding: options.nativeBinding, migrationsFolder: options.migrationsFolder };
  let db: Db;
  try {
    db = openDb(file, { ...dbOptions, beforeMigrating: copyBeforeUpgrade(dataDir, options.version) });
  } catch (error) {
    if (!isDamage(error)) throw error;
    const problems = [error instanceof Error ? error.message : String(error)];
    return { db: openDb(':memory:', dbOptions), health: { state: 'damaged', check: 'open', problems }, healthCheck: null, restoredAtStart, standIn: true };
  }
  if (restoredAtStart?.ok) {
    const { at: _at, requestedBy, ...facts } = restoredAtStart;
    recordAudit(db, { actor: requestedBy, action: 'backup.restored', entity: 'backup', entityId: facts.from, after: facts });
  }
  const healthCheck = checkIntegrity(file, options.nativeBinding);
  return { db, health: { state: 'checking', check: 'integrity_check', problems: [] }, healthCheck, restoredAtStart, standIn: false };
}
