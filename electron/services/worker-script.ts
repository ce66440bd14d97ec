import type { Worker } from 'node:worker_threads';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * How to start a worker thread whose script sits beside the calling module (`moduleUrl`): from source
 * (vitest, tsx) a bootstrap that registers tsx's loader in the worker itself and imports `sourceName`;
 * from the build, `builtName`, the entry electron-vite writes next to the main bundle (the calling module
 * may sit in out/main or in out/main/chunks).
 */
export function workerScript(moduleUrl: string, sourceName: string, builtName: string): { code: string; eval: boolean } {
  const here = dirname(fileURLToPath(moduleUrl));
  const source = join(here, sourceName);
  if (existsSync(source)) {
    // tsx's ESM entry as its exports map names it (require.resolve would give the CommonJS one).
    const tsxPackage = createRequire(moduleUrl).resolve('tsx/package.json');
    const tsxExports = JSON.parse(readFileSync(tsxPackage, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
    const tsx = pathToFileURL(join(dirname(tsxPackage), tsxExports.exports['./esm/api'].import.default)).href;
    const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(source).href)}); });`;
    return { code, eval: true };
  }
  for (const dir of [here, dirname(here)]) {
    const built = join(dir, builtName);
    if (existsSync(built)) return { code: built, eval: false };
  }
  throw new Error(`The worker script ${builtName} was not found beside ${here}.`);
}

/**
 * A worker thread started when there is work, kept between jobs (starting one costs more than a small job),
 * and stopped after `idleMs` without work. `started` tells whether a thread is still the one in use, for
 * its event handlers.
 */
export function keptWorker(start: () => Worker, idleMs: number) {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | undefined;
  const drop = () => {
    clearTimeout(idle);
    const old = worker;
    worker = null;
    void old?.terminate();
  };
  return {
    /** The thread, started if need be, holding the process open while it works. */
    take(): Worker {
      clearTimeout(idle);
      worker ??= start();
      worker.ref();
      return worker;
    },
    /** No work for now: the thread lets the process exit, and stops after a while. */
    rest(): void {
      worker?.unref();
      clearTimeout(idle);
      idle = setTimeout(drop, idleMs).unref();
    },
    /** Stops the thread at once; the next `take` starts another. */
    drop,
    started: (candidate: Worker) => worker === candidate,
    get current(): Worker | null {
      return worker;
    },
  };
}
