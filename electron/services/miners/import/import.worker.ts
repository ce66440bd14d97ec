import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../contract/errors';
import { readImportFile, type ImportFileInput } from './import.file';

/** The reply to one request: the file, the refusal a user reads, or an unexpected failure for the log. */
export type ImportWorkerReply =
  | { id: number; ok: true; file: Awaited<ReturnType<typeof readImportFile>> }
  | { id: number; ok: false; refusal: Pick<AppError, 'code' | 'message' | 'fields'> }
  | { id: number; ok: false; failure: string };

/** Worker entry: reads import files off the main thread, one request at a time, so parsing never stalls the API. */
parentPort?.on('message', async ({ id, input }: { id: number; input: ImportFileInput }) => {
  let reply: ImportWorkerReply;
  try {
    reply = { id, ok: true, file: await readImportFile(input) };
  } catch (error) {
    reply =
      error instanceof AppError
        ? { id, ok: false, refusal: { code: error.code, message: error.message, fields: error.fields } }
        : { id, ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
