import { Worker } from 'node:worker_threads';
import type { IpRange } from '../../../contract/ip-ranges';
import { workerScript } from '../../worker-script';
import { sweep, type SweepOptions, type SweepResult } from './sweep';

export type SweepThreadData = {
  ranges: readonly IpRange[];
  options: Pick<SweepOptions, 'ports' | 'concurrency' | 'connectTimeoutMs' | 'minConnectTimeoutMs' | 'maxProbesPerSecond'>;
};

export type SweepThreadMessage =
  { kind: 'open'; ip: string; openPorts: number[] } | { kind: 'progress'; probedHosts: number } | { kind: 'end'; result: SweepResult };

/**
 * Runs the sweep in a thread of its own. Its connects cost mostly system calls, a few hundred thousand of
 * them for a /16: on the main thread they would take turns with identification and with every API call;
 * here they run beside both, on another core where there is one. Open hosts arrive as they are found.
 * With a connector of its own (tests), or where the thread cannot start, the sweep runs here instead.
 */
export function sweepOffThread(ranges: readonly IpRange[], options: SweepOptions): Promise<SweepResult> {
  if (options.connector) return sweep(ranges, options);
  const { ports, concurrency, connectTimeoutMs, minConnectTimeoutMs, maxProbesPerSecond, signal } = options;
  const data: SweepThreadData = { ranges, options: { ports, concurrency, connectTimeoutMs, minConnectTimeoutMs, maxProbesPerSecond } };
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      const script = workerScript(import.meta.url, 'sweep.worker.ts', 'sweep-worker.js');
      worker = new Worker(script.code, { eval: script.eval, workerData: data });
    } catch {
      return resolve(sweep(ranges, options));
    }
    let heard = false;
    let ended = false;
    const cancel = () => worker.postMessage('cancel');
    signal?.addEventListener('abort', cancel, { once: true });
    const done = (settle: () => void) => {
      ended = true;
      signal?.removeEventListener('abort', cancel);
      void worker.terminate();
      settle();
    };
    worker.on('message', (message: SweepThreadMessage) => {
      heard = true;
      if (message.kind === 'open') options.onOpenHost(message.ip, message.openPorts);
      else if (message.kind === 'progress') options.onProgress?.(message.probedHosts);
      else {
        options.onProgress?.(message.result.probedHosts);
        done(() => resolve(message.result));
      }
    });
    worker.on('online', () => {
      if (signal?.aborted) cancel();
    });
    worker.on('error', (error) => {
      if (ended) return;
      // A thread that never got going (its script could not load) leaves the sweep to this thread.
      done(() => (heard ? reject(error) : resolve(sweep(ranges, options))));
    });
    worker.on('exit', () => {
      if (!ended) done(() => reject(new Error('The sweep thread stopped before it finished.')));
    });
  });
}
