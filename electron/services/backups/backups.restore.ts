import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { BackupPreview, PendingRestore, RestoreOutcome } from '../../contract/backups';
import { defaultBackupFolder, readBackupConfig } from './backups.config';
import { copyDatabaseNow, usableFolder } from './backups.files';
import { inspectBackup } from './backups.inspect';
import { backupFileName } from './backups.names';

/**
 * A restore is finished at the next start, before anything opens the database: every service (pollers, the
 * scanner, timers, both transports) holds the open connection, and swapping the file under them would leave
 * some on the old one. The chosen backup is copied into the data folder at once (the drive it came from may be
 * gone by then), with a note of what to do.
 */
const pendingFile = (dataDir: string) => join(dataDir, 'restore-pending.sqlite');
const pendingNote = (dataDir: string) => join(dataDir, 'restore-pending.json');

const noteSchema = z.object({ file: z.string(), name: z.string(), safetyCopy: z.string(), requestedAt: z.string(), requestedBy: z.string() });

export function readPendingRestore(dataDir: string): PendingRestore | null {
  if (!existsSync(pendingNote(dataDir)) || !existsSync(pendingFile(dataDir))) return null;
  try {
    return noteSchema.parse(JSON.parse(readFileSync(pendingNote(dataDir), 'utf8')));
  } catch {
    return null;
  }
}

/** Where the safety copy of the current database goes when a restore is asked for now: the backup folder. */
export const safetyCopyPath = (dataDir: string, version: string, at = new Date()): string =>
  join(readBackupConfig(dataDir).settings.folder, backupFileName('before-restore', at, version));

/** Copies a checked backup (see checkBackup) beside the database and names the safety copy the start will make. */
export function requestRestore(dataDir: string, preview: BackupPreview, version: string, actor: string): PendingRestore {
  const { file } = preview;
  const pending: PendingRestore = {
    file,
    name: preview.name,
    safetyCopy: safetyCopyPath(dataDir, version),
    requestedAt: new Date().toISOString(),
    requestedBy: actor,
  };
  const partial = `${pendingFile(dataDir)}.partial`;
  copyFileSync(file, partial);
  chmodSync(partial, 0o600);
  renameSync(partial, pendingFile(dataDir));
  writeFileSync(pendingNote(dataDir), `${JSON.stringify(pending, null, 2)}\n`, { mode: 0o600 });
  return pending;
}

export function cancelRestore(dataDir: string): PendingRestore | null {
  const pending = readPendingRestore(dataDir);
  rmSync(pendingNote(dataDir), { force: true });
  rmSync(pendingFile(dataDir), { force: true });
  return pending;
}

/**
 * The safety copy of the database about to be replaced, in the backup folder (or the data folder's `backups`
 * when that folder is not reachable). A database too damaged to copy through SQLite is copied byte for byte,
 * its WAL beside it. Kept when it exists already: a start that stopped half-way must not overwrite it.
 */
function makeSafetyCopy(dbFile: string, wanted: string, dataDir: string): string {
  if (existsSync(wanted)) return wanted;
  let target = wanted;
  try {
    usableFolder(dirname(wanted));
  } catch {
    target = join(usableFolder(defaultBackupFolder(dataDir)), basename(wanted));
    if (existsSync(target)) return target;
  }
  try {
    const sqlite = new Database(dbFile, { fileMustExist: true });
    try {
      copyDatabaseNow(sqlite, target);
    } finally {
      sqlite.close();
    }
  } catch {
    if (existsSync(`${dbFile}-wal`)) copyFileSync(`${dbFile}-wal`, `${target}-wal`);
    copyFileSync(dbFile, target);
    chmodSync(target, 0o600);
  }
  return target;
}

/**
 * Finishes a requested restore, at start, before the database is opened: checks the copy again, makes the
 * safety copy, removes the old WAL (it must never be replayed onto another file) and moves the backup in.
 * Returns null when no restore was waiting; a refused or failed one leaves the database as it was.
 */
export function finishPendingRestore(dataDir: string, dbFile: string, migrationsFolder?: string, at = new Date()): RestoreOutcome | null {
  const pending = readPendingRestore(dataDir);
  if (!pending) return null;
  const outcome = { at: at.toISOString(), from: pending.file, requestedBy: pending.requestedBy };
  try {
    inspectBackup(pendingFile(dataDir), migrationsFolder);
    const safetyCopy = existsSync(dbFile) ? makeSafetyCopy(dbFile, pending.safetyCopy, dataDir) : null;
    for (const sidecar of [`${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) rmSync(sidecar, { force: true });
    renameSync(pendingFile(dataDir), dbFile);
    rmSync(pendingNote(dataDir), { force: true });
    return { ...outcome, safetyCopy, ok: true, error: null };
  } catch (error) {
    cancelRestore(dataDir);
    return { ...outcome, safetyCopy: null, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
