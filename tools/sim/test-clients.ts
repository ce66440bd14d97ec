// Plain node:net / node:http clients for the simulator's tests. Every call has a time limit and a
// byte cap, and closes its socket whatever happens.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export type RawReply = { bytes: Buffer; end: 'close' | 'reset' | 'refused' | 'timeout' | 'cap' };

/** Sends `payload` and collects the reply until the peer closes, resets, or a limit is hit. */
export function exchange(ip: string, port: number, payload: string | Buffer, { timeoutMs = 4_000, capBytes = 1024 * 1024 } = {}): Promise<RawReply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket = connect({ host: ip, port });
    const finish = (end: RawReply['end']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ bytes: Buffer.concat(chunks), end });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.once('connect', () => socket.write(payload));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > capBytes) finish('cap');
    });
    socket.once('close', () => finish('close'));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' ? 'refused' : error.code === 'ECONNRESET' ? 'reset' : 'close'));
  });
}

/** CGMiner-style request on 4028: returns the parsed JSON and whether the reply ended with NUL. */
export async function rpc(ip: string, body: Record<string, unknown>, port = 4028): Promise<{ json: Record<string, unknown>; nul: boolean; text: string }> {
  const reply = await exchange(ip, port, JSON.stringify(body));
  const text = reply.bytes.toString('utf8');
  const nul = text.endsWith('\0');
  return { json: JSON.parse(text.replace(/\0$/, '')) as Record<string, unknown>, nul, text };
}

/** Whatsminer API v3 request on 4433 (4-byte little-endian length, both ways). */
export async function wm3(ip: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const text = Buffer.from(JSON.stringify(body));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(text.length, 0);
  const reply = await exchange(ip, 4433, Buffer.concat([head, text]));
  const length = reply.bytes.readUInt32LE(0);
  return JSON.parse(reply.bytes.subarray(4, 4 + length).toString('utf8')) as Record<string, unknown>;
}

export type HttpResult = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export function http(
  ip: string,
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: ip,
        port,
        method,
        path,
        agent: false,
        timeout: 4_000,
        headers: { ...options.headers, ...(options.body !== undefined ? { 'Content-Length': Buffer.byteLength(options.body) } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${method} ${path} on ${ip}:${port} timed out`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

export async function httpJson<T = Record<string, unknown>>(
  ip: string,
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; json: T }> {
  const result = await http(ip, port, method, path, {
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: result.status, json: (result.body ? JSON.parse(result.body) : null) as T };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** Answers an HTTP Digest challenge (qop=auth) the way a browser does. */
export function digestAuthorization(challenge: string, method: string, uri: string, user: string, password: string): string {
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? '';
  const realm = field('realm');
  const nonce = field('nonce');
  const cnonce = 'abcdef0123456789';
  const nc = '00000001';
  const response = md5(`${md5(`${user}:${realm}:${password}`)}:${nonce}:${nc}:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  return `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}"`;
}

/** GET or POST on a stock Antminer CGI page: takes the challenge, then answers it. */
export async function antminerCgi(ip: string, method: string, path: string, body?: unknown, password = 'root'): Promise<HttpResult> {
  const challenge = await http(ip, 80, method, path);
  const header = String(challenge.headers['www-authenticate'] ?? '');
  return http(ip, 80, method, path, {
    headers: { Authorization: digestAuthorization(header, method, path, 'root', password), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Polls `check` every 100 ms until it is true or `timeoutMs` passes. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
