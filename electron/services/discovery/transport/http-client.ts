import { createHash, randomBytes } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import { parseMinerJson, type JsonValue } from './json-repair';
import { fail, formatBytes, ok, remainingMs, resolveLimits, socketFailure, type LimitOptions, type Limits, type Outcome } from './outcome';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export type HttpRequest = {
  host: string;
  port: number;
  method: HttpMethod;
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** HTTP Digest credentials (stock Antminer CGI). The first 401 challenge is answered once. */
  digest?: { username: string; password: string };
};

export type HttpResponse = { status: number; headers: IncomingHttpHeaders; body: string };

/** A small HTTP/1.1 client with the same limits as the RPC client: connect and total timeouts, a size cap, cancelling. */
export async function httpRequest(req: HttpRequest, opts?: LimitOptions): Promise<Outcome<HttpResponse>> {
  const limits = resolveLimits(opts);
  const first = await httpOnce(req, limits, undefined);
  if (!first.ok || first.value.status !== 401 || !req.digest) return first;
  const challenge = parseDigestChallenge(first.value.headers['www-authenticate']);
  if (!challenge) return first;
  const authorization = digestAuthorization(req.method, req.path, req.digest.username, req.digest.password, challenge);
  const second = await httpOnce(req, limits, authorization);
  if (second.ok && second.value.status === 401) return fail('auth_failed', `${req.host}:${req.port} refused the user name or password (HTTP Digest).`);
  return second;
}

function httpOnce(req: HttpRequest, limits: Limits, authorization: string | undefined): Promise<Outcome<HttpResponse>> {
  const where = `${req.host}:${req.port}`;
  return new Promise((resolve) => {
    if (limits.signal?.aborted) return resolve(fail('aborted', `Cancelled before contacting ${where}.`));
    const total = remainingMs(limits);
    if (total <= 0) return resolve(fail('timeout', `No time left to contact ${where}.`));

    const body = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const headers: Record<string, string> = { Connection: 'close', Accept: 'application/json, text/html;q=0.9, */*;q=0.5', ...req.headers };
    if (body !== undefined) {
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['Content-Type'] = typeof req.body === 'string' ? 'text/plain' : 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    if (authorization) headers.Authorization = authorization;

    let settled = false;
    let connected = false;
    let received = 0;
    const finish = (result: Outcome<HttpResponse>) => {
      if (settled) return;
      settled = true;
      if (!result.ok && connected) result = { ...result, opened: true };
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      limits.signal?.removeEventListener('abort', onAbort);
      request.destroy();
      resolve(result);
    };
    const onAbort = () => finish(fail('aborted', `Cancelled while talking to ${where}.`));

    const request = http.request({ host: req.host, port: req.port, method: req.method, path: req.path, headers, agent: false, insecureHTTPParser: true });
    limits.signal?.addEventListener('abort', onAbort, { once: true });
    const connectTimer = setTimeout(
      () => {
        if (!connected) finish(fail('timeout', `${where} did not accept a connection within ${Math.min(limits.connectTimeoutMs, total)} ms.`));
      },
      Math.min(limits.connectTimeoutMs, total),
    );
    const totalTimer = setTimeout(
      () =>
        finish(
          fail('timeout', received === 0 ? `${where} sent no HTTP reply within ${total} ms.` : `${where} did not finish its HTTP reply within ${total} ms.`),
        ),
      total,
    );

    request.on('socket', (socket) => {
      socket.once('connect', () => {
        connected = true;
        clearTimeout(connectTimer);
      });
    });
    request.on('response', (res) => {
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        return finish(fail('too_large', `${where} announced a ${formatBytes(declared)} reply, over the ${formatBytes(limits.maxBytes)} cap.`));
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limits.maxBytes) return finish(fail('too_large', `${where} sent more than ${formatBytes(limits.maxBytes)} without ending its reply.`));
        chunks.push(chunk);
      });
      res.on('end', () => finish(ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })));
      res.on('error', (err: NodeJS.ErrnoException) => finish(socketFailure(err, where)));
      res.on('aborted', () => finish(fail('reset', `${where} broke off its HTTP reply.`)));
    });
    request.on('error', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }) => {
      if (settled) return;
      const raw = err.rawPacket;
      if (raw && raw.length >= 2 && (raw[0] === 0x16 || raw[0] === 0x15) && raw[1] === 0x03)
        return finish(fail('tls', `${where} answered with TLS on a plain HTTP port.`));
      if (err.code === 'HPE_HEADER_OVERFLOW') return finish(fail('too_large', `${where} sent HTTP headers that are too large.`));
      if (typeof err.code === 'string' && err.code.startsWith('HPE_')) return finish(fail('garbage', `${where} did not answer with HTTP.`));
      if (err.code === 'ECONNRESET' && err.message === 'socket hang up') return finish(fail('empty', `${where} closed the connection without an HTTP reply.`));
      finish(socketFailure(err, where));
    });
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** Reads a successful JSON reply; a non-2xx status or a body that is not JSON becomes a plain failure. */
export function httpJson(res: Outcome<HttpResponse>, what: string): Outcome<JsonValue> {
  if (!res.ok) return res;
  const { status, body } = res.value;
  if (status === 401 || status === 403) return fail('auth_failed', `${what}: the miner refused the credentials (HTTP ${status}).`);
  if (status < 200 || status > 299) return fail('api_error', `${what}: HTTP ${status}.`);
  const parsed = parseMinerJson(body);
  if (!parsed.ok) return fail('garbage', `${what}: ${parsed.message}`);
  return ok(parsed.value);
}

// ---- HTTP Digest (RFC 7616 / 2617, MD5 and MD5-sess) ----

export type DigestChallenge = { realm: string; nonce: string; qop?: string; opaque?: string; algorithm?: string };

export function parseDigestChallenge(header: string | string[] | undefined): DigestChallenge | null {
  const value = Array.isArray(header) ? header.find((h) => /^\s*digest\s/i.test(h)) : header;
  if (!value || !/^\s*digest\s/i.test(value)) return null;
  const params: Record<string, string> = {};
  const re = /(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (let m = re.exec(value); m; m = re.exec(value)) params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
  if (params.realm === undefined || params.nonce === undefined) return null;
  return { realm: params.realm, nonce: params.nonce, qop: params.qop, opaque: params.opaque, algorithm: params.algorithm };
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export function digestAuthorization(
  method: string,
  uri: string,
  username: string,
  password: string,
  ch: DigestChallenge,
  cnonce = randomBytes(8).toString('hex'),
): string {
  const algorithm = ch.algorithm ?? 'MD5';
  const nc = '00000001';
  let ha1 = md5(`${username}:${ch.realm}:${password}`);
  if (/^md5-sess$/i.test(algorithm)) ha1 = md5(`${ha1}:${ch.nonce}:${cnonce}`);
  const ha2 = md5(`${method}:${uri}`);
  const qop = ch.qop
    ? ch.qop
        .split(',')
        .map((q) => q.trim())
        .includes('auth')
      ? 'auth'
      : undefined
    : undefined;
  const response = qop ? md5(`${ha1}:${ch.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${ch.nonce}:${ha2}`);
  const q = (s: string) => `"${s.replace(/(["\\])/g, '\\$1')}"`;
  const parts = [
    `username=${q(username)}`,
    `realm=${q(ch.realm)}`,
    `nonce=${q(ch.nonce)}`,
    `uri=${q(uri)}`,
    `algorithm=${algorithm}`,
    `response=${q(response)}`,
  ];
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce=${q(cnonce)}`);
  if (ch.opaque !== undefined) parts.push(`opaque=${q(ch.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}
