// The sweep's own thread: runs `sweep` over the ranges it is given and reports to sweep-thread.ts.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { sweep } from './sweep';
import type { SweepThreadData, SweepThreadMessage } from './sweep-thread';

/**
 * Where cores are scarce the sweep gives way: identification waits on miners that answer in time only when
 * they (and the API) get the core first. Linux names this thread's own id under /proc; elsewhere the
 * priority stays (lowering the process would slow the whole app).
 */
function yieldToTheRest(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (threadId > 0) setPriority(threadId, 10);
  } catch {
    // not Linux, or not allowed: the sweep keeps the app's priority
  }
}

yieldToTheRest();
const port = parentPort!;
const { ranges, options } = workerData as SweepThreadData;
const controller = new AbortController();
port.on('message', (message) => {
  if (message === 'cancel') controller.abort();
});
const send = (message: SweepThreadMessage) => port.postMessage(message);

let probedHosts = 0;
const ticker = setInterval(() => send({ kind: 'progress', probedHosts }), 100);
const result = await sweep(ranges, {
  ...options,
  signal: controller.signal,
  // At once, so the main thread identifies each open host while the sweep goes on.
  onOpenHost: (ip, openPorts) => send({ kind: 'open', ip, openPorts }),
  onProgress: (probed) => (probedHosts = probed),
});
clearInterval(ticker);
send({ kind: 'end', result });
port.close();
