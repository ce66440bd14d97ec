/**
 * Test helper: minimal loopback miners speaking each wire protocol of PROTOCOLS.md, answering from
 * the shared fixtures. Much smaller than tools/sim; they exist so the driver tests need nothing else.
 */
import http from 'node:http';
import type net from 'node:net';
import { onJsonRequest, tcpServer, type Loopback } from './loopback';

export type RpcHandler = (request: Record<string, unknown>) => unknown;

/** cgminer-style RPC: one JSON request per connection, reply + NUL, then close. null → close silently. */
export function rpcMiner(handle: RpcHandler): Promise<Loopback> {
  return tcpServer((sock) =>
    onJsonRequest(sock, (req) => {
      const out = handle(req);
      if (out === null || out === undefined) return void sock.end();
      sock.end(`${typeof out === 'string' ? out : JSON.stringify(out)}\0`);
    }),
  );
}

/** Whatsminer v3: 4-byte little-endian length + JSON both ways. */
export function wm3Miner(handle: (request: Record<string, unknown>) => unknown): Promise<Loopback> {
  return tcpServer((sock: net.Socket) => {
    let buf = Buffer.alloc(0);
    sock.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      if (buf.length < 4 || buf.length < 4 + buf.readUInt32LE(0)) return;
      const req = JSON.parse(buf.subarray(4, 4 + buf.readUInt32LE(0)).toString('utf8')) as Record<string, unknown>;
      const body = Buffer.from(JSON.stringify(handle(req)), 'utf8');
      const len = Buffer.alloc(4);
      len.writeUInt32LE(body.length);
      sock.end(Buffer.concat([len, body]));
    });
  });
}

export type HttpHandler = (req: { method: string; path: string; headers: http.IncomingHttpHeaders; body: string }) => {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
};

export async function httpMiner(handle: HttpHandler): Promise<Loopback> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const out = handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body });
      res.writeHead(out.status ?? 200, { 'Content-Type': typeof out.body === 'string' ? 'text/html' : 'application/json', ...out.headers });
      res.end(out.body === undefined ? '' : typeof out.body === 'string' ? out.body : JSON.stringify(out.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    host: '127.0.0.1',
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

export const cgError = (msg: string) => ({ STATUS: [{ STATUS: 'E', When: 0, Code: 14, Msg: msg, Description: 'cgminer' }], id: 1 });
export const cgOk = (msg = 'OK', extra: object = {}) => ({ STATUS: [{ STATUS: 'S', When: 0, Code: 0, Msg: msg, Description: 'cgminer' }], ...extra, id: 1 });
