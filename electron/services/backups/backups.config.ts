import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../../json-file';
import { backupKinds, type BackupRun, type BackupSettings } from '../../contract/backups';

/**
 * The backup settings and the last runs live in `backups.json` in the data folder, not in the database:
 * they belong to this computer (a folder path, a schedule), and restoring an older database must not move
 * where backups go or switch the schedule off.
 */
export type BackupConfig = { settings: BackupSettings; lastRun: BackupRun | null; lastDailyFailure: BackupRun | null };

export const defaultBackupFolder = (dataDir: string): string => join(dataDir, 'backups');

const runSchema = z.object({ at: z.string(), kind: z.enum(backupKinds), ok: z.boolean(), file: z.string().nullable(), error: z.string().nullable() });
const configSchema = z.object({
  settings: z.object({
    folder: z.string().min(1),
    daily: z.boolean(),
    dailyHour: z.number().int().min(0).max(23),
    keepDaily: z.number().int().min(1).max(365),
  }),
  lastRun: runSchema.nullable(),
  lastDailyFailure: runSchema.nullable(),
});

const configFile = (dataDir: string) => join(dataDir, 'backups.json');

/** Daily backups at noon, fourteen kept, in the data folder's `backups` until another folder is chosen. */
export const defaultConfig = (dataDir: string): BackupConfig => ({
  settings: { folder: defaultBackupFolder(dataDir), daily: true, dailyHour: 12, keepDaily: 14 },
  lastRun: null,
  lastDailyFailure: null,
});

/** The stored config; a missing or damaged file reads as the defaults (and is rewritten on the next save). */
export const readBackupConfig = (dataDir: string): BackupConfig => readJsonFile(configFile(dataDir), configSchema, defaultConfig(dataDir));

/** Written to a temporary name and renamed, so a crash never leaves half a file. */
export const writeBackupConfig = (dataDir: string, config: BackupConfig): void => writeJsonFile(configFile(dataDir), config);

/** Records a backup attempt: the last run, and the last daily failure until a daily backup succeeds again. */
export function recordBackupRun(dataDir: string, run: BackupRun): void {
  const config = readBackupConfig(dataDir);
  const lastDailyFailure = run.kind === 'daily' ? (run.ok ? null : run) : config.lastDailyFailure;
  writeBackupConfig(dataDir, { ...config, lastRun: run, lastDailyFailure });
}
