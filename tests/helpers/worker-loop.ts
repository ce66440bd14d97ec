import { openDb, type Db } from '../../db/open-db';

export type WorkerOutcome = { id: number; number: string | null; error: string | null };

/**
 * The body of a process that acts on the ids in its arguments on its own connection to the file, as a
 * second app would: it waits for the shared start moment (so the processes interleave instead of running
 * one after another), numbers each id with `act`, and sends the outcomes to its parent.
 */
export function runWorker(act: (db: Db, id: number) => string | null): void {
  const [file, idList, startAt] = process.argv.slice(2);
  const db = openDb(file);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, Number(startAt) - Date.now()));
  const results: WorkerOutcome[] = [];
  for (const id of idList.split(',').map(Number)) {
    try {
      results.push({ id, number: act(db, id), error: null });
    } catch (error) {
      results.push({ id, number: null, error: (error as Error).message });
    }
  }
  db.$client.close();
  process.send?.(results);
}

/** Runs `script` (a runWorker process) on the ids, starting at `startAt` (epoch ms); resolves with its outcomes. */
export async function forkWorker(script: string, file: string, ids: number[], startAt: number): Promise<WorkerOutcome[]> {
  const { fork } = await import('node:child_process');
  return new Promise<WorkerOutcome[]>((resolve, reject) => {
    const child = fork(script, [file, ids.join(','), String(startAt)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    child.once('message', (results) => resolve(results as WorkerOutcome[]));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker process exited with ${code}`))));
  });
}
