import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `DIR/server.json` tells a browser or a test: where the server listens, its token and its process. */
export type ServerFileInfo = { url: string; token: string; pid: number };

const serverFileOf = (dataDir: string) => join(dataDir, 'server.json');

function readServerFile(file: string): Partial<ServerFileInfo> | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerFileInfo>;
  } catch {
    return null;
  }
}

/** Whether a process with this id runs; signal 0 asks without signalling (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Before a server starts on `dataDir`: a server.json left by a server that is gone (it crashed, or was
 * killed) is removed with its old token; one whose process still runs means another server serves this
 * folder, and starting is refused.
 */
export function clearStaleServerFile(dataDir: string): void {
  const file = serverFileOf(dataDir);
  const old = readServerFile(file);
  const pid = Number(old?.pid);
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid))
    throw new Error(
      `Another Hashdesk server (process ${pid}) is serving ${dataDir}${old?.url ? ` at ${old.url}` : ''}. Stop it first, or choose another folder with --data. If no server is running, delete ${file}.`,
    );
  rmSync(file, { force: true });
}

/** How to remove server.json: only while it still names the process `pid`, so a newer server's file is left alone (harmless before it is written). */
export function serverFileRelease(dataDir: string, pid: number): () => void {
  const file = serverFileOf(dataDir);
  return () => {
    if (readServerFile(file)?.pid === pid) rmSync(file, { force: true });
  };
}

/**
 * Writes server.json (owner-only) whole: a reader sees either no file or the complete one, never a part.
 * Install `releaseOnEveryExit` first, so a signal that follows the file's appearance at once still removes it.
 */
export function writeServerFile(dataDir: string, info: ServerFileInfo): () => void {
  const file = serverFileOf(dataDir);
  const partial = `${file}.${process.pid}.partial`;
  rmSync(partial, { force: true }); // the mode applies only to a new file
  writeFileSync(partial, JSON.stringify(info, null, 2), { mode: 0o600 });
  renameSync(partial, file);
  return serverFileRelease(dataDir, info.pid);
}

/**
 * Runs `release` on every way out of the process: a normal exit, SIGINT/SIGTERM/SIGHUP (after `stop`, which
 * closes the server), and an uncaught error or rejection (after `onFatal` has logged it; the exit code is 1).
 */
export function releaseOnEveryExit(release: () => void, stop: () => Promise<void>, onFatal: (error: unknown) => void): void {
  process.once('exit', release);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop()
        .catch(onFatal)
        .finally(() => process.exit(0));
    });
  }
  const fatal = (error: unknown) => {
    try {
      onFatal(error);
    } finally {
      release();
      process.exit(1);
    }
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

/**
 * Tells the world a server is up: installs the release on every way out (releaseOnEveryExit), then writes
 * server.json (writeServerFile); the order matters, since whoever sees the file may stop the process at once.
 */
export function announceServer(dataDir: string, info: ServerFileInfo, stop: () => Promise<void>, onFatal: (error: unknown) => void): void {
  releaseOnEveryExit(serverFileRelease(dataDir, info.pid), stop, onFatal);
  writeServerFile(dataDir, info);
}

/** What the console says when an uncaught error stops a running server (the details go to the log). */
export const stoppedSentence = (error: unknown): string => `hashdesk serve stopped: ${error instanceof Error ? error.message : String(error)}`;
