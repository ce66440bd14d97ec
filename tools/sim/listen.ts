// Binding many loopback listeners: bounded parallelism, and a plain-words error when the process
// runs out of file descriptors.
import { createServer, type Server, type Socket } from 'node:net';
import { openFileLimit } from '../../electron/services/discovery/scan/descriptor-budget';

/** Refuses early when `socketsNeeded` (plus room for clients) cannot fit under the open-file limit. */
export function checkOpenFileLimit(socketsNeeded: number): void {
  const limit = openFileLimit();
  const needed = socketsNeeded + 256;
  if (limit !== null && needed > limit) {
    throw new Error(
      `The simulated fleet needs about ${needed} open files (one per listening port, plus room for connections), ` +
        `but this process may open only ${limit}. \`npm run sim\` raises the limit as far as the system allows; ` +
        `raise the hard limit (\`ulimit -Hn\`, as root) or simulate fewer miners.`,
    );
  }
}

export function listen(host: string, port: number, onConnection: (socket: Socket) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ pauseOnConnect: false }, onConnection);
    server.once('error', (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'EMFILE' ? ' The process ran out of file descriptors; raise `ulimit -n` or simulate fewer miners.' : '';
      reject(new Error(`Could not listen on ${host}:${port} (${error.code ?? error.message}).${hint}`));
    });
    server.listen({ host, port, backlog: 511 }, () => {
      server.removeAllListeners('error');
      server.on('error', () => undefined);
      resolve(server);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(runners);
}
