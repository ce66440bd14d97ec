import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** The start's integrity check on a read-only connection of its own, so the app answers while SQLite reads every page. */
export type IntegrityJob = { file: string; check: 'integrity_check' | 'quick_check'; nativeBinding?: string };
export type IntegrityReply = { lines: string[] } | { failure: string };

const job = workerData as IntegrityJob;
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
