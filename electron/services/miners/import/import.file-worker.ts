import { Worker } from 'node:worker_threads';
import { AppError } from '../../../contract/errors';
import { keptWorker, workerScript } from '../../worker-script';
import type { ImportFile, ImportFileInput } from './import.file';
import type { ImportWorkerReply } from './import.worker';

/** The longest one file may take to read; a file within the limits takes a few seconds at most. */
const maxReadMs = 60_000;
/** Heap the worker may use: a file within the limits needs a few hundred MB; past this the worker dies, not the app. */
const workerHeapMb = 1024;
/** An idle worker is stopped after this long, giving its memory back. */
const idleMs = 30_000;

type Job = { id: number; input: ImportFileInput; resolve: (file: ImportFile) => void; reject: (error: Error) => void };

const refusal = (message: string) => new AppError('INVALID_INPUT', message, { base64: message });

/**
 * One worker thread reads import files, one at a time in the order asked: XLSX unzipping and CSV parsing
 * never hold the main thread, so every other call is answered meanwhile. A file that takes too long or
 * too much memory ends the worker (a new one starts for the next file) and is refused in a sentence.
 */
function createFileReader() {
  let current: Job | null = null;
  const queue: Job[] = [];
  let nextId = 1;
  let deadline: NodeJS.Timeout | undefined;

  const finish = (settle: (job: Job) => void) => {
    clearTimeout(deadline);
    const job = current;
    current = null;
    if (job) settle(job);
    runNext();
  };

  const stop = (why: Error) => {
    thread.drop();
    finish((job) => job.reject(why));
  };

  const thread = keptWorker(() => {
    const script = workerScript(import.meta.url, 'import.worker.ts', 'import-worker.js');
    const started = new Worker(script.code, { eval: script.eval, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } });
    started.on('message', (reply: ImportWorkerReply) => {
      if (!current || reply.id !== current.id) return;
      if (reply.ok) finish((job) => job.resolve(reply.file));
      else if ('refusal' in reply) finish((job) => job.reject(new AppError(reply.refusal.code, reply.refusal.message, reply.refusal.fields)));
      else finish((job) => job.reject(new Error(`Reading the import file failed in the worker: ${reply.failure}`)));
    });
    started.on('error', (error: Error & { code?: string }) => {
      if (!thread.started(started)) return;
      stop(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refusal(
              `Reading the file needs more than the ${workerHeapMb} MB an import may use. Save only the miners sheet as CSV UTF-8, or split the file, and import again.`,
            )
          : error,
      );
    });
    started.on('exit', () => {
      if (thread.started(started)) stop(new Error('The import worker stopped before it answered.'));
    });
    return started;
  }, idleMs);

  function runNext(): void {
    if (current) return;
    const job = queue.shift();
    if (!job) return thread.rest();
    current = job;
    const worker = thread.take();
    deadline = setTimeout(
      () =>
        stop(refusal(`Reading the file took longer than ${maxReadMs / 1000} seconds. Split it into smaller files, or save it as CSV UTF-8, and import again.`)),
      maxReadMs,
    );
    worker.postMessage({ id: job.id, input: job.input });
  }

  return (input: ImportFileInput) =>
    new Promise<ImportFile>((resolve, reject) => {
      queue.push({ id: nextId++, input: { base64: input.base64, mapping: input.mapping }, resolve, reject });
      runNext();
    });
}

/** Reads and maps an import file in the import worker thread. */
export const readImportFileOffThread = createFileReader();
