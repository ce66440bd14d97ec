import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** The start's integrity check on a read-only connection of its own, so the app answers while SQLite reads every page. */
export type IntegrityJob = { file: string; check: 'integrity_check' | 'quick_check'; nativeBinding?: string };
export type IntegrityReply = { lines: string[] } | { failure: string };

const job = workerData as IntegrityJob;
// Work in the background: the window, and the requests of the first screen, go first. On Linux each thread has a
// nice value of its own, so this lowers only this thread; elsewhere it would lower the whole app and is not done.
if (process.platform === 'linux') setPriority(19);
let reply: IntegrityReply;
try {
  const sqlite = new Database(job.file, { readonly: true, fileMustExist: true, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) });
  try {
    reply = { lines: (sqlite.pragma(`${job.check}(20)`) as Record<string, string>[]).map((row) => String(Object.values(row)[0])) };
  } finally {
    sqlite.close();
  }
} catch (error) {
  reply = { failure: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
