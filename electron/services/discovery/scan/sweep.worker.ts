// The sweep's own thread: runs each sweep sweep-thread.ts sends, reporting open hosts as they are found.
import { parentPort } from 'node:worker_threads';
import { sharedOutboundLog } from '../../net/outbound-log';
import { sweep } from './sweep';
import type { SweepThreadReport, SweepThreadRequest } from './sweep-thread';

const port = parentPort!;
const running = new Map<number, AbortController>();
// This thread's sockets are told of on its own channels: counted here, sent with each report other than an open host.
const outbound = sharedOutboundLog();
const report = (message: SweepThreadReport) => port.postMessage(message.kind === 'open' ? message : { ...message, outbound: outbound.drain() });

async function run(id: number, request: Extract<SweepThreadRequest, { kind: 'sweep' }>) {
  const controller = new AbortController();
  running.set(id, controller);
  let probedHosts = 0;
  const ticker = setInterval(() => report({ id, kind: 'progress', probedHosts }), 100);
  try {
    const result = await sweep(request.ranges, {
      ...request.options,
      signal: controller.signal,
      // At once, so the main thread identifies each open host while the sweep goes on.
      onOpenHost: (ip, openPorts) => report({ id, kind: 'open', ip, openPorts }),
      onProgress: (probed) => (probedHosts = probed),
    });
    report({ id, kind: 'end', result });
  } catch (error) {
    report({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    clearInterval(ticker);
    running.delete(id);
  }
}

port.on('message', (message: SweepThreadRequest) => {
  if (message.kind === 'sweep') void run(message.id, message);
  else running.get(message.id)?.abort();
});
