// One accepted TCP connection on a simulated miner: reads one request in the port's framing,
// asks the family for the answer, and sends it through the host's quirk (if any).
import type { Socket } from 'node:net';
import { malformJson, quirkTimings, tlsHelloBytes, writeEndless, writeTrickle, type QuirkName } from './quirks';

/** cgminer: JSON in, JSON + NUL out, close. length-prefixed: 4-byte little-endian length + JSON both ways. */
export type Framing = 'cgminer' | 'http' | 'length-prefixed';

export type HttpRequest = { method: string; path: string; headers: Record<string, string>; body: string };
export type HttpReply = { status: number; headers?: Record<string, string>; body: string };

/** What a family answers: null means the connection is closed without a reply. */
export type PortHandler =
  | { framing: 'cgminer'; nul: boolean; answer: (request: unknown, rawText: string) => string | null }
  | { framing: 'length-prefixed'; answer: (request: unknown) => string | null }
  | { framing: 'http'; answer: (request: HttpRequest) => HttpReply };

const maxRequestBytes = 1024 * 1024;
const requestTimeoutMs = 10_000;

const reasons: Record<number, string> = { 200: 'OK', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed' };

export function serveConnection(socket: Socket, handler: PortHandler, quirk: QuirkName | null): void {
  socket.on('error', () => socket.destroy());
  socket.setNoDelay(true);
  const timer = setTimeout(() => socket.destroy(), quirk === 'silent' ? quirkTimings.silentHoldMs : requestTimeoutMs);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  if (quirk === 'silent') {
    socket.resume(); // read and drop whatever arrives, never answer
    return;
  }
  let buffered = Buffer.alloc(0);
  let answered = false;
  socket.on('data', (chunk: Buffer) => {
    if (answered) return;
    buffered = Buffer.concat([buffered, chunk]);
    if (buffered.length > maxRequestBytes) {
      socket.destroy();
      return;
    }
    const reply = tryAnswer(handler, buffered);
    if (reply === undefined) return; // the request is not complete yet
    answered = true;
    clearTimeout(timer);
    sendWithQuirk(socket, reply, quirk, handler.framing);
  });
}

/** undefined: wait for more bytes; null: close without reply; otherwise the bytes to send. */
function tryAnswer(handler: PortHandler, buffered: Buffer): Buffer | null | undefined {
  if (handler.framing === 'length-prefixed') {
    if (buffered.length < 4) return undefined;
    const length = buffered.readUInt32LE(0);
    if (length > maxRequestBytes) return null;
    if (buffered.length < 4 + length) return undefined;
    const request = parseJson(buffered.subarray(4, 4 + length).toString('utf8'));
    const text = request === undefined ? null : handler.answer(request);
    return text === null ? null : lengthPrefixed(text);
  }
  if (handler.framing === 'cgminer') {
    const rawText = buffered.toString('utf8').replace(/\0+$/, '').trim();
    const request = parseJson(rawText);
    // CGMiner also takes the old plain-text form "summary|" and answers when the client stops sending.
    if (request === undefined && !/^[a-z0-9_+.-]+(\|.*)?$/i.test(rawText)) return undefined;
    const text = handler.answer(request ?? null, rawText);
    return text === null ? null : Buffer.from(handler.nul ? text + '\0' : text);
  }
  // A CGMiner-style JSON request on an HTTP port gets an HTTP error, as ePIC's API on 4028 does.
  if (buffered[0] === 0x7b) return httpBytes({ status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Bad Request' });
  const request = parseHttp(buffered);
  if (!request) return undefined;
  return httpBytes(handler.answer(request));
}

function sendWithQuirk(socket: Socket, reply: Buffer | null, quirk: QuirkName | null, framing: Framing): void {
  if (quirk === 'reset') {
    socket.resetAndDestroy();
    return;
  }
  if (quirk === 'tls') {
    socket.end(tlsHelloBytes);
    return;
  }
  if (quirk === 'endless') {
    writeEndless(socket);
    return;
  }
  if (reply === null) {
    socket.end();
    return;
  }
  const bytes = quirk === 'malformed-json' && framing === 'cgminer' ? Buffer.from(malformJson(reply.toString('utf8'))) : reply;
  if (quirk === 'trickle') {
    writeTrickle(socket, bytes);
    return;
  }
  if (quirk === 'slow') {
    const timer = setTimeout(() => socket.end(bytes), quirkTimings.slowReplyMs);
    socket.once('close', () => clearTimeout(timer));
    return;
  }
  socket.end(bytes);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function lengthPrefixed(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  return Buffer.concat([head, body]);
}

function parseHttp(buffered: Buffer): HttpRequest | undefined {
  const headEnd = buffered.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [requestLine, ...headerLines] = buffered.subarray(0, headEnd).toString('latin1').split('\r\n');
  const [method = '', path = '/'] = requestLine.split(' ');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const bodyLength = Number(headers['content-length'] ?? 0) || 0;
  if (buffered.length < headEnd + 4 + bodyLength) return undefined;
  const body = buffered.subarray(headEnd + 4, headEnd + 4 + bodyLength).toString('utf8');
  return { method: method.toUpperCase(), path, headers, body };
}

function httpBytes(reply: HttpReply): Buffer {
  const body = Buffer.from(reply.body, 'utf8');
  const headers = { 'Content-Type': 'application/json', ...reply.headers, 'Content-Length': String(body.length), Connection: 'close' };
  const head = [`HTTP/1.1 ${reply.status} ${reasons[reply.status] ?? 'Status'}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n', 'latin1'), body]);
}
