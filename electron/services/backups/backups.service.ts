import { dirname } from 'node:path';
import type { Db } from '../../../db/open-db';
import type { Contract } from '../../contract';
import type { BackupFile, BackupKind, BackupStatus, DatabaseHealth, PendingRestore, RestoreOutcome, RestorePreview } from '../../contract/backups';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import { repeatAfterEach } from '../repeat-timer';
import { defaultBackupFolder, readBackupConfig, recordBackupRun, writeBackupConfig } from './backups.config';
import { listBackups, pruneDailyBackups, usableFolder, writeOnlineBackup } from './backups.files';
import { checkBackup } from './backups.integrity';
import { localDay } from './backups.names';
import { cancelRestore, readPendingRestore, requestRestore, safetyCopyPath } from './backups.restore';

export type BackupsDeps = {
  version: string;
  log: { error(details: object, message: string): void };
  /** Default: the folder of the database file. */
  dataDir?: string;
  /** Runs the daily schedule on a timer (the app); tests call runDaily themselves. */
  schedule?: boolean;
  /** What the start found (see openDataDb); default: a healthy database, nothing restored. */
  health?: DatabaseHealth;
  /** The start's integrity check, still running: its answer replaces `health`. */
  healthCheck?: Promise<DatabaseHealth> | null;
  restoredAtStart?: RestoreOutcome | null;
  /** The app runs on an empty stand-in for a database it could not open: nothing may be backed up from it. */
  standIn?: boolean;
  /** The desktop app's folder dialog. */
  chooseFolder?: () => Promise<string | null>;
  /** The desktop app's relaunch. */
  restart?: () => void;
  migrationsFolder?: string;
  /** better-sqlite3 built for Electron, for the threads that check backups. */
  nativeBinding?: string;
  now?: () => Date;
};

/** The first check of the schedule a minute after start, then every quarter of an hour; a failed daily backup is retried after an hour. */
const firstCheckMs = 60_000;
const checkEveryMs = 15 * 60_000;
const retryAfterMs = 60 * 60_000;

export type BackupsService = ReturnType<typeof createBackups>;

export function createBackups(db: Db, deps: BackupsDeps) {
  const dataDir = deps.dataDir ?? dirname(db.$client.name);
  const now = deps.now ?? (() => new Date());
  let health: DatabaseHealth = deps.health ?? { state: 'ok', check: 'integrity_check', problems: [] };
  const noteHealth = (found: DatabaseHealth) => {
    health = found;
    if (found.state === 'damaged') deps.log.error({ health: found }, 'the database failed its integrity check');
  };
  noteHealth(health);
  void deps.healthCheck?.then(noteHealth);
  let running: Promise<BackupFile> | null = null;

  /** One backup at a time: a second request while one is written is refused, not queued. */
  async function make(kind: BackupKind): Promise<BackupFile> {
    if (deps.standIn) throw new AppError('CONFLICT', 'The database could not be opened, so there is nothing to back up. Restore a backup instead.');
    if (running) throw new AppError('CONFLICT', 'A backup is being written right now. Wait for it to finish, then try again.');
    const { settings } = readBackupConfig(dataDir);
    const at = now();
    running = writeOnlineBackup(db.$client, settings.folder, kind, deps.version, at);
    try {
      const made = await running;
      recordBackupRun(dataDir, { at: at.toISOString(), kind, ok: true, file: made.file, error: null });
      if (kind === 'daily') pruneDailyBackups(settings.folder, settings.keepDaily);
      return made;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      recordBackupRun(dataDir, { at: at.toISOString(), kind, ok: false, file: null, error: reason });
      throw error;
    } finally {
      running = null;
    }
  }

  /** One look at the schedule: makes the day's backup when it is due and not made yet. Returns it, or null. */
  async function runDaily(): Promise<BackupFile | null> {
    if (deps.standIn || health.state !== 'ok') return null;
    const { settings, lastDailyFailure } = readBackupConfig(dataDir);
    const at = now();
    if (!settings.daily || at.getHours() < settings.dailyHour) return null;
    const today = localDay(at);
    if (listBackups(settings.folder).some((backup) => backup.kind === 'daily' && localDay(new Date(backup.madeAt)) === today)) return null;
    if (lastDailyFailure && at.getTime() - Date.parse(lastDailyFailure.at) < retryAfterMs) return null;
    return make('daily');
  }

  const timer = deps.schedule
    ? repeatAfterEach(firstCheckMs, checkEveryMs, runDaily, (error) => deps.log.error({ err: error }, 'the daily backup failed'))
    : null;

  function status(): BackupStatus {
    const config = readBackupConfig(dataDir);
    return {
      settings: config.settings,
      defaultFolder: defaultBackupFolder(dataDir),
      dataFolder: dataDir,
      lastRun: config.lastRun,
      lastDailyFailure: config.lastDailyFailure,
      pendingRestore: readPendingRestore(dataDir),
      restoredAtStart: deps.restoredAtStart ?? null,
      health,
      canChooseFolder: Boolean(deps.chooseFolder),
      canRestart: Boolean(deps.restart),
    };
  }

  return {
    status,
    runDaily,
    updateSettings(input: ParsedInputOf<Contract['backups.settings.update']>, actor: string): BackupStatus {
      const config = readBackupConfig(dataDir);
      const next = { ...input, folder: usableFolder(input.folder) };
      writeBackupConfig(dataDir, { ...config, settings: next });
      recordAudit(db, { actor, action: 'backup.settings_changed', entity: 'backup_settings', entityId: 1, before: config.settings, after: next });
      if (next.folder === config.settings.folder && next.keepDaily < config.settings.keepDaily) pruneDailyBackups(next.folder, next.keepDaily);
      return status();
    },
    async chooseFolder(): Promise<{ folder: string | null }> {
      if (!deps.chooseFolder) throw new AppError('CONFLICT', 'Type the folder path: a folder dialog is offered only in the desktop app.');
      return { folder: await deps.chooseFolder() };
    },
    async create(actor: string): Promise<BackupFile> {
      const made = await make('manual');
      recordAudit(db, { actor, action: 'backup.created', entity: 'backup', entityId: made.name, after: { file: made.file, sizeBytes: made.sizeBytes } });
      return made;
    },
    list: (): BackupFile[] => listBackups(readBackupConfig(dataDir).settings.folder),
    preview: async (file: string): Promise<RestorePreview> => ({ ...(await checkBackup(file, deps)), safetyCopy: safetyCopyPath(dataDir, deps.version) }),
    async restore(file: string, actor: string): Promise<PendingRestore> {
      const preview = await checkBackup(file, deps);
      if (running) throw new AppError('CONFLICT', 'A backup is being written right now. Wait for it to finish, then restore.');
      const pending = requestRestore(dataDir, preview, deps.version, actor);
      recordAudit(db, { actor, action: 'backup.restore_requested', entity: 'backup', entityId: pending.name, after: pending });
      return pending;
    },
    cancelRestore(actor: string): { cancelled: boolean } {
      const pending = cancelRestore(dataDir);
      if (pending) recordAudit(db, { actor, action: 'backup.restore_cancelled', entity: 'backup', entityId: pending.name, before: pending });
      return { cancelled: pending !== null };
    },
    restart(): { restarting: true } {
      if (!deps.restart) throw new AppError('CONFLICT', 'Restart the server yourself: stop npm run serve (Ctrl+C) and start it again.');
      setTimeout(deps.restart, 200).unref?.();
      return { restarting: true };
    },
    /** App shutdown: no new scheduled check starts (a backup under way finishes writing its file). */
    shutdown(): void {
      timer?.stop();
    },
    /** Waits for a backup being written (shutdown, tests). */
    settled: async (): Promise<void> => {
      await running?.catch(() => undefined);
    },
  };
}
