import net from 'node:net';

/** What a TCP connect to one port showed: open (accepted), closed (refused) or silent (no answer in time). */
export type PortState = 'open' | 'closed' | 'silent';

/**
 * Connects and closes at once: the cheapest question a host can be asked. Never throws; resolves
 * within `timeoutMs` (or at once when `signal` aborts, as 'silent').
 */
export function probePort(host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<PortState> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve('silent');
    const socket = net.connect({ host, port });
    let done = false;
    const finish = (state: PortState) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => undefined); // a late error after destroy must not go unhandled
      socket.destroy();
      resolve(state);
    };
    const onAbort = () => finish('silent');
    const timer = setTimeout(() => finish('silent'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish('open'));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' ? 'closed' : 'silent'));
  });
}
