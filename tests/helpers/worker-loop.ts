import type { ChildProcess } from 'node:child_process';
import { openDb, type Db } from '../../db/open-db';

export type WorkerOutcome = { id: number; number: string | null; error: string | null };

/**
 * The body of a process that acts on the ids in its arguments on its own connection to the file, as a
 * second app would: once loaded it says so and waits for its parent's go, which every process gets at the
 * same moment (so they interleave instead of running one after another); then it numbers each id with `act`
 * and sends the outcomes to its parent.
 */
export function runWorker(act: (db: Db, id: number) => string | null): void {
  const [file, idList] = process.argv.slice(2);
  const db = openDb(file);
  process.once('message', () => {
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
  });
  process.send?.('ready');
}

type Launched = { child: ChildProcess; ready: Promise<void>; results: Promise<WorkerOutcome[]> };

function launch(child: ChildProcess): Launched {
  let ready!: Promise<void>;
  const results = new Promise<WorkerOutcome[]>((resolve, reject) => {
    ready = new Promise<void>((resolveReady, rejectReady) => {
      const fail = (error: Error) => {
        rejectReady(error);
        reject(error);
      };
      child.on('message', (message) => (message === 'ready' ? resolveReady() : resolve(message as WorkerOutcome[])));
      child.once('error', fail);
      child.once('exit', (code) => (code === 0 ? undefined : fail(new Error(`worker process exited with ${code}`))));
    });
  });
  return { child, ready, results };
}

/**
 * Runs `script` (a runWorker process) once per batch of ids, all on the database `file`: when every process
 * has loaded, all are told to start at once. Resolves with every outcome.
 */
export async function forkWorkersTogether(script: string, file: string, batches: number[][]): Promise<WorkerOutcome[]> {
  const { fork } = await import('node:child_process');
  const workers = batches.map((ids) => launch(fork(script, [file, ids.join(',')], { execArgv: ['--import', 'tsx'], stdio: 'inherit' })));
  const everyResult = Promise.all(workers.map((w) => w.results));
  everyResult.catch(() => undefined); // a failure before every process is ready is reported by the wait below
  await Promise.all(workers.map((w) => w.ready));
  for (const { child } of workers) child.send('go');
  return (await everyResult).flat();
}
