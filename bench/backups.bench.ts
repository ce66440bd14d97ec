import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../db/open-db';
import { writeOnlineBackup } from '../electron/services/backups/backups.files';
import { checkBackup, checkIntegrity } from '../electron/services/backups/backups.integrity';
import { inspectBackup } from '../electron/services/backups/backups.inspect';
import { clientCount, fillClientsAndMiners, minerCount } from './fixtures/fill-clients';

const msSince = (start: bigint) => Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, ms: msSince(start) };
}

/**
 * Backups of the bench database (5,000 clients, 100,000 miners): the online backup, the preview of it, and the
 * start's check as the app runs it (in a worker thread, not holding the app) beside both SQLite checks run here.
 */
export async function backupsOfFilledDb(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-backups-'));
  const file = join(dir, 'hashdesk.db');
  const db = openDb(file);
  try {
    fillClientsAndMiners(db);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const backupStart = process.hrtime.bigint();
    const made = await writeOnlineBackup(db.$client, join(dir, 'backups'), 'manual', '0.0.0');
    const backupMs = msSince(backupStart);
    // The part of a preview that holds the app's thread (schema and counts); the page check runs in a worker.
    const previewOnMainThread = timed(() => inspectBackup(made.file, undefined, { pageCheck: false }));
    const quick = timed(() => db.$client.pragma('quick_check', { simple: true }));
    const full = timed(() => db.$client.pragma('integrity_check', { simple: true }));
    // The checks' threads do not hold the process open (the app's server does); here a timer waits for them.
    const keepAlive = setInterval(() => undefined, 1000);
    const previewStart = process.hrtime.bigint();
    await checkBackup(made.file, {});
    const previewMs = msSince(previewStart);
    const startCheckStart = process.hrtime.bigint();
    const health = await checkIntegrity(file).finally(() => clearInterval(keepAlive));
    return {
      clients: clientCount,
      miners: minerCount,
      databaseMb: Math.round(statSync(file).size / 1024 / 102.4) / 10,
      onlineBackupMs: backupMs,
      previewMs,
      previewOnMainThreadMs: previewOnMainThread.ms,
      quickCheckMs: quick.ms,
      integrityCheckMs: full.ms,
      startCheck: `${health.check}: ${health.state}`,
      startCheckInWorkerMs: msSince(startCheckStart),
    };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
