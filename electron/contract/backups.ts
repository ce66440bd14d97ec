import { z } from 'zod';
import { call } from './define';
import { obeying } from './fields';
import { lineTextProblem } from './text-rules';

/** Made by hand (Backup now), by the daily schedule, just before a restore replaced the database, or just before an upgrade migrated it. */
export const backupKinds = ['manual', 'daily', 'before-restore', 'before-upgrade'] as const;
export type BackupKind = (typeof backupKinds)[number];

/** One of our backup files in the backup folder. */
export type BackupFile = {
  /** The absolute path: what preview and restore take. */
  file: string;
  name: string;
  kind: BackupKind;
  /** ISO 8601, from the time in the file's name (local time of the machine that made it). */
  madeAt: string;
  /** The Hashdesk version that made it, from the name. */
  version: string;
  sizeBytes: number;
};

export type BackupCounts = { clients: number; miners: number; contracts: number; invoices: number; documents: number };

/** What a backup holds, read from the file itself; only a file Hashdesk can restore gets one. */
export type BackupPreview = {
  file: string;
  name: string;
  sizeBytes: number;
  /** From our file name; for a file we did not name, when it was last modified. */
  madeAt: string;
  /** The last change recorded in its change log, or null when it has none. */
  lastChangeAt: string | null;
  /** The schema it was written with: the number of migrations applied and the last one's name. */
  schemaVersion: number;
  schemaTag: string;
  /** Migrations this version will apply when the restored database is opened (0: the same schema as the app). */
  upgradeSteps: number;
  counts: BackupCounts;
};

/** A preview for the restore dialog: also where the safety copy of the current database would go if restored now. */
export type RestorePreview = BackupPreview & { safetyCopy: string };

export type BackupSettings = {
  /** An absolute folder path; created when missing. */
  folder: string;
  daily: boolean;
  /** Local hour (0–23) from which the day's backup is made: the first check after it, if the computer is on. */
  dailyHour: number;
  /** Daily backups kept; older daily ones are deleted. Backups made by hand and safety copies are never deleted. */
  keepDaily: number;
};

export type BackupRun = { at: string; kind: BackupKind; ok: boolean; file: string | null; error: string | null };

export type PendingRestore = { file: string; name: string; safetyCopy: string; requestedAt: string; requestedBy: string };

/** The check run on the database at start, in the background: the app is usable while it runs. */
export type DatabaseHealth = {
  state: 'checking' | 'ok' | 'damaged';
  /** integrity_check on a database up to 256 MB, quick_check (no index cross-check) above; 'open' when SQLite could not open the file at all. */
  check: 'integrity_check' | 'quick_check' | 'open';
  /** SQLite's own words about what is wrong, at most 20 lines. */
  problems: string[];
};

/** The outcome of a restore done at this start, shown once in Settings → Backups. */
export type RestoreOutcome = { at: string; from: string; requestedBy: string; safetyCopy: string | null; ok: boolean; error: string | null };

export type BackupStatus = {
  settings: BackupSettings;
  /** The folder used until another is chosen: `backups` in the data folder. */
  defaultFolder: string;
  dataFolder: string;
  /** The last backup attempt (by hand or scheduled); a failure keeps its reason. */
  lastRun: BackupRun | null;
  /** The last daily backup that failed, until a later daily one succeeds. */
  lastDailyFailure: BackupRun | null;
  pendingRestore: PendingRestore | null;
  restoredAtStart: RestoreOutcome | null;
  health: DatabaseHealth;
  /** The desktop app opens a folder dialog; in a browser the folder is typed. */
  canChooseFolder: boolean;
  /** The desktop app restarts itself; `npm run serve` is restarted by whoever started it. */
  canRestart: boolean;
};

/** An absolute path typed or chosen by a person; whether it is usable is checked by the service. */
const pathText = z
  .string({ error: 'must be a folder path' })
  .trim()
  .min(1, 'is required')
  .max(1000, 'must be at most 1000 characters')
  .superRefine(obeying(lineTextProblem));

const backupFile = z.object({ file: pathText }).strict();

/** The settings export: a JSON file of at most 2 MB (a logo of up to 1 MB rides in it as base64). */
export const maxSettingsFileChars = 2 * 1024 * 1024;

export type SettingsExport = { fileName: string; json: string };

export const backupCalls = {
  'backups.status': call<BackupStatus>()(z.object({}).strict()),
  'backups.settings.update': call<BackupStatus>()(
    z
      .object({
        folder: pathText,
        daily: z.boolean({ error: 'must be on or off' }),
        dailyHour: z
          .number({ error: 'must be an hour from 0 to 23' })
          .int('must be a whole hour')
          .min(0, 'must be from 0 to 23')
          .max(23, 'must be from 0 to 23'),
        keepDaily: z
          .number({ error: 'must be a number of backups' })
          .int('must be a whole number')
          .min(1, 'must keep at least 1')
          .max(365, 'may keep at most 365'),
      })
      .strict(),
  ),
  /** Desktop only: the OS folder dialog; null when cancelled. */
  'backups.chooseFolder': call<{ folder: string | null }>()(z.object({}).strict()),
  'backups.create': call<BackupFile>()(z.object({}).strict()),
  'backups.list': call<BackupFile[]>()(z.object({}).strict()),
  'backups.preview': call<RestorePreview>()(backupFile),
  /** Checks the file, then restores it at the next start (a safety copy of the database is made first). */
  'backups.restore': call<PendingRestore>()(backupFile),
  'backups.restore.cancel': call<{ cancelled: boolean }>()(z.object({}).strict()),
  /** Desktop only: restarts the app (to finish a restore). */
  'backups.restart': call<{ restarting: true }>()(z.object({}).strict()),
  'settings.export': call<SettingsExport>()(z.object({}).strict()),
  'settings.import': call<{ imported: string[] }>()(
    z.object({ json: z.string({ error: 'must be the text of a settings file' }).max(maxSettingsFileChars, 'must be at most 2 MB') }).strict(),
  ),
};
