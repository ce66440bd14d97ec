import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupFile, BackupKind } from '../../contract/backups';
import { AppError } from '../../contract/errors';
import { backupFileName, parseBackupFileName } from './backups.names';

const reasonOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file of that name is in the way';
  return error instanceof Error ? error.message : String(error);
};

/**
 * The folder as an absolute path that exists (created when missing) and that we can write to: checked by
 * writing and deleting a small file, since permission bits do not tell the whole story (network shares, ACLs).
 */
export function usableFolder(folder: string): string {
  const refuse = (reason: string) => new AppError('INVALID_INPUT', `The backup folder ${folder} ${reason}.`, { folder: reason });
  if (!isAbsolute(folder)) throw refuse('is not a full path: start it at the root, like /media/backup or D:\\Backups');
  const path = resolve(folder);
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw refuse(`could not be created (${reasonOf(error)})`);
  }
  if (!statSync(path).isDirectory()) throw refuse('is a file, not a folder');
  const probe = join(path, `.hashdesk-write-test-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(probe, 'hashdesk', { mode: 0o600 });
    unlinkSync(probe);
  } catch (error) {
    throw refuse(`cannot be written to (${reasonOf(error)})`);
  }
  return path;
}

/** A free name for a backup made now: the minute's name, or with the second when that is taken. */
function freePath(folder: string, kind: BackupKind, version: string, at: Date): string {
  for (const second of [undefined, at.getSeconds()]) {
    const path = join(folder, backupFileName(kind, at, version, second));
    if (!existsSync(path)) return path;
  }
  throw new AppError('CONFLICT', 'A backup was made this very second already. Wait a second and try again.');
}

/**
 * Our backups are plain rollback-journal databases (one file, no -wal beside it), owner-only: they can be
 * copied to a stick and opened read-only anywhere. Written under a hidden temporary name and renamed when
 * complete, so a backup that failed half-way never shows up as one.
 */
function finish(partial: string, path: string): void {
  const copy = new Database(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  chmodSync(partial, 0o600);
  renameSync(partial, path);
}

const partialOf = (path: string) => join(dirname(path), `.${randomBytes(4).toString('hex')}.partial`);

/** Copies the live database with SQLite's online backup API, page batches at a time, while other work goes on. */
export async function writeOnlineBackup(sqlite: Database.Database, folder: string, kind: BackupKind, version: string, at = new Date()): Promise<BackupFile> {
  const path = freePath(usableFolder(folder), kind, version, at);
  const partial = partialOf(path);
  try {
    await sqlite.backup(partial);
    finish(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('INTERNAL', `The backup could not be written to ${folder} (${reasonOf(error)}).`);
  }
  return describeBackup(path);
}

/**
 * The synchronous copy to `path`, for the moments nothing else runs (before migrations, at start): VACUUM INTO
 * writes a compact, consistent copy of what the connection sees, WAL included.
 */
export function copyDatabaseNow(sqlite: Database.Database, path: string): void {
  const partial = partialOf(path);
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    finish(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** copyDatabaseNow under a free backup name in the folder; returns the file written. */
export function writeCopyNow(sqlite: Database.Database, folder: string, kind: BackupKind, version: string, at = new Date()): string {
  const path = freePath(usableFolder(folder), kind, version, at);
  copyDatabaseNow(sqlite, path);
  return path;
}

function describeBackup(path: string): BackupFile {
  const name = basename(path);
  const parsed = parseBackupFileName(name);
  if (!parsed) throw new Error(`${name} is not a backup file name`);
  return { file: path, name, kind: parsed.kind, madeAt: parsed.madeAt.toISOString(), version: parsed.version, sizeBytes: statSync(path).size };
}

/** Our backups in the folder, newest first; other files are ignored, and a missing folder holds none. */
export function listBackups(folder: string): BackupFile[] {
  if (!isAbsolute(folder) || !existsSync(folder) || !statSync(folder).isDirectory()) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && parseBackupFileName(entry.name))
    .map((entry) => describeBackup(join(folder, entry.name)))
    .sort((a, b) => b.madeAt.localeCompare(a.madeAt) || b.name.localeCompare(a.name));
}

/** Deletes daily backups beyond the newest `keep`; nothing else (by hand, safety copies, other files). Returns the deleted names. */
export function pruneDailyBackups(folder: string, keep: number): string[] {
  const old = listBackups(folder)
    .filter((backup) => backup.kind === 'daily')
    .slice(keep);
  for (const backup of old) rmSync(backup.file, { force: true });
  return old.map((backup) => backup.name);
}
