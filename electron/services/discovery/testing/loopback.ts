/** Test helper: tiny TCP servers on 127.0.0.1 that misbehave on purpose. Tests never leave loopback. */
import net from 'node:net';

export type Loopback = { host: string; port: number; close: () => Promise<void> };

export async function tcpServer(onConnection: (socket: net.Socket) => void): Promise<Loopback> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Calls back with the first complete JSON object a client sends (cgminer servers read one request). */
export function onJsonRequest(socket: net.Socket, handler: (request: Record<string, unknown>) => void) {
  let buf = '';
  let done = false;
  socket.on('data', (chunk) => {
    if (done) return;
    buf += chunk.toString('utf8');
    try {
      const req = JSON.parse(buf.trim()) as Record<string, unknown>;
      done = true;
      handler(req);
    } catch {
      // wait for more bytes
    }
  });
}

/** A port that was just free: listening once, then closed, so connecting is refused. */
export async function closedPort(): Promise<number> {
  const s = await tcpServer(() => {});
  await s.close();
  return s.port;
}
