import { Worker } from 'node:worker_threads';
import type { IpRange } from '../../../contract/ip-ranges';
import { type OutboundRecorder, sharedOutboundLog } from '../../net/outbound-log';
import { keptWorker, workerScript } from '../../worker-script';
import { sweep, type SweepOptions, type SweepResult } from './sweep';

type ThreadOptions = Pick<SweepOptions, 'ports' | 'concurrency' | 'connectTimeoutMs' | 'minConnectTimeoutMs' | 'maxProbesPerSecond'>;

export type SweepThreadRequest = { kind: 'sweep'; id: number; ranges: readonly IpRange[]; options: ThreadOptions } | { kind: 'cancel'; id: number };

/** Each report carries the connections the thread opened since the last one, for the main thread's outbound log. */
export type SweepThreadReport = { outbound?: ReturnType<OutboundRecorder['drain']> } & (
  | { id: number; kind: 'open'; ip: string; openPorts: number[] }
  | { id: number; kind: 'progress'; probedHosts: number }
  | { id: number; kind: 'end'; result: SweepResult }
  | { id: number; kind: 'failed'; message: string }
);

/** A thread left idle this long is stopped; the next sweep starts another. */
const idleMs = 60_000;

type Pending = { ranges: readonly IpRange[]; options: SweepOptions; resolve: (result: SweepResult) => void; reject: (error: Error) => void };

/**
 * Runs sweeps in a thread of their own. A sweep's connects cost mostly system calls, a few hundred thousand
 * for a /16: on the main thread they would take turns with identification and with every API call; there
 * they run beside both, on another core where there is one. The thread is kept between scans (starting one
 * costs more than a small sweep) and stopped when idle. Open hosts arrive as they are found. Where no thread
 * can start (its script did not load), sweeps run on this thread as before.
 */
function createSweepThread() {
  let nextId = 1;
  let threadless = false;
  let heard = false;
  const pending = new Map<number, Pending>();

  const stop = (why: Error) => {
    thread.drop();
    const jobs = [...pending.values()];
    pending.clear();
    // A thread that never answered could not start: those sweeps, and the next ones, run here.
    if (!heard) threadless = true;
    for (const job of jobs) {
      if (threadless) sweep(job.ranges, job.options).then(job.resolve, job.reject);
      else job.reject(why);
    }
  };

  const thread = keptWorker(() => {
    const script = workerScript(import.meta.url, 'sweep.worker.ts', 'sweep-worker.js');
    const started = new Worker(script.code, { eval: script.eval });
    started.on('message', (report: SweepThreadReport) => {
      heard = true;
      if (report.outbound) sharedOutboundLog().merge(report.outbound);
      const job = pending.get(report.id);
      if (!job) return;
      if (report.kind === 'open') job.options.onOpenHost(report.ip, report.openPorts);
      else if (report.kind === 'progress') job.options.onProgress?.(report.probedHosts);
      else {
        pending.delete(report.id);
        if (report.kind === 'failed') job.reject(new Error(`The sweep failed in its thread: ${report.message}`));
        else {
          job.options.onProgress?.(report.result.probedHosts);
          job.resolve(report.result);
        }
        if (pending.size === 0) thread.rest();
      }
    });
    started.on('error', (error) => {
      if (thread.started(started)) stop(error);
    });
    started.on('exit', () => {
      if (thread.started(started)) stop(new Error('The sweep thread stopped before the sweep ended.'));
    });
    return started;
  }, idleMs);

  return (ranges: readonly IpRange[], options: SweepOptions): Promise<SweepResult> =>
    new Promise<SweepResult>((resolve, reject) => {
      if (threadless) return resolve(sweep(ranges, options));
      let worker: Worker;
      try {
        worker = thread.take();
      } catch {
        threadless = true; // the thread's script is not there
        return resolve(sweep(ranges, options));
      }
      const id = nextId++;
      const { ports, concurrency, connectTimeoutMs, minConnectTimeoutMs, maxProbesPerSecond, signal } = options;
      const cancel = () => thread.current?.postMessage({ kind: 'cancel', id } satisfies SweepThreadRequest);
      const settle =
        <T>(then: (value: T) => void) =>
        (value: T) => {
          signal?.removeEventListener('abort', cancel);
          then(value);
        };
      pending.set(id, { ranges, options, resolve: settle(resolve), reject: settle(reject) });
      signal?.addEventListener('abort', cancel, { once: true });
      worker.postMessage({
        kind: 'sweep',
        id,
        ranges,
        options: { ports, concurrency, connectTimeoutMs, minConnectTimeoutMs, maxProbesPerSecond },
      } satisfies SweepThreadRequest);
      if (signal?.aborted) cancel();
    });
}

const inThread = createSweepThread();

/**
 * The sweep, in its own thread. With a connector of its own (tests), it runs here instead: a function
 * cannot cross to another thread.
 */
export function sweepOffThread(ranges: readonly IpRange[], options: SweepOptions): Promise<SweepResult> {
  return options.connector ? sweep(ranges, options) : inThread(ranges, options);
}
