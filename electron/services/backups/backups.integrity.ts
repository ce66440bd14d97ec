import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { BackupPreview, DatabaseHealth } from '../../contract/backups';
import { workerScript } from '../worker-script';
import { damaged, inspectBackup } from './backups.inspect';
import type { IntegrityJob, IntegrityReply } from './integrity.worker';

/**
 * Up to this size the start runs the full integrity_check (it also cross-checks every index against its table,
 * about 2 s for a 60 MB database here); above it quick_check, which reads every page but skips that cross-check
 * and takes half the time. Either runs in a thread of its own (see integrity.worker.ts): the app does not wait.
 */
export const fullCheckLimitBytes = 256 * 1024 * 1024;

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * SQLite's own check of the database file, read in a worker thread: 'ok', or its list of problems (at most 20
 * lines). The check is chosen by size unless one is given.
 */
export function checkIntegrity(file: string, nativeBinding?: string, chosen?: IntegrityJob['check']): Promise<DatabaseHealth> {
  const check = chosen ?? (sizeOf(file) <= fullCheckLimitBytes ? 'integrity_check' : 'quick_check');
  const job: IntegrityJob = { file, check, nativeBinding };
  return new Promise((resolve) => {
    const script = workerScript(import.meta.url, 'integrity.worker.ts', 'integrity-worker.js');
    const worker = new Worker(script.code, { eval: script.eval, workerData: job });
    const done = (health: DatabaseHealth) => {
      resolve(health);
      void worker.terminate();
    };
    worker.once('message', (reply: IntegrityReply) => {
      if ('failure' in reply) done({ state: 'damaged', check, problems: [reply.failure] });
      else if (reply.lines.length === 1 && reply.lines[0] === 'ok') done({ state: 'ok', check, problems: [] });
      else done({ state: 'damaged', check, problems: reply.lines });
    });
    worker.once('error', (error) => done({ state: 'damaged', check, problems: [`The check could not run: ${error.message}`] }));
    worker.unref();
  });
}

/**
 * What a backup holds (see inspectBackup), its pages read by quick_check in a worker thread so the app keeps
 * answering; refused like inspectBackup refuses, with SQLite's words for a damaged file.
 */
export async function checkBackup(file: string, options: { migrationsFolder?: string; nativeBinding?: string }): Promise<BackupPreview> {
  const preview = inspectBackup(file, options.migrationsFolder, { pageCheck: false });
  const health = await checkIntegrity(file, options.nativeBinding, 'quick_check');
  if (health.state !== 'ok') throw damaged(preview.name, health.problems);
  return preview;
}
