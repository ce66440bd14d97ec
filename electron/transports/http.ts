import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallContext, CallName, Handlers, Logger, Result } from '../contract';
import { isCallName } from '../contract';
import { type ErrorCode, failure, type Outcome } from '../contract/errors';
import { openApiJson } from '../services/openapi/openapi.document';
import { callerOf, callerOfApiToken } from '../services/auth/auth.gate';
import { isPersonalApiToken } from '../services/auth/auth.api-tokens';
import type { AuthService } from '../services/auth/auth.service';
import { dispatch } from './dispatch';
import { droppedRequestLog, isClientGone } from './dropped-requests';
import { carrySessionInCookie, cookieCaller, createWebServer, type LanOptions, lanRefusal, type LanSite, lanSiteOf } from './http-lan';
import { refusedNonLoopbackHost, serveRendererFile } from './renderer-files';

export const maxBodyBytes = 10 * 1024 * 1024;

const statusOf: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  INTERNAL: 500,
  DEVICE_UNREACHABLE: 502,
};

export type HttpServerOptions = {
  handlers: Handlers;
  token: string;
  rendererDir: string;
  log: Logger;
  /** Resolves each call's session once accounts exist; without accounts every call is the local operator's, as before. */
  auth: AuthService;
  port?: number;
  actor?: string;
  /** Serve the office LAN instead of 127.0.0.1 (see http-lan.ts): sign-in mandatory, the session in a cookie. */
  lan?: LanOptions;
};

/** The options and, in LAN mode, the site it answers for once it listens. */
type Served = HttpServerOptions & { site?: LanSite };

/** The header the renderer sends its session token in (kept in the tab's sessionStorage). */
export const sessionHeader = 'x-hashdesk-session';

export type RunningHttpServer = { url: string; port: number; close(): Promise<void> };

class BodyError extends Error {
  constructor(readonly outcome: Outcome<never>) {
    super(outcome.ok ? '' : outcome.error.message);
  }
}

function send(res: ServerResponse, outcome: Outcome<unknown>): void {
  const status = outcome.ok ? 200 : statusOf[outcome.error.code];
  const body = JSON.stringify(outcome);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

const unauthorized = () => failure('UNAUTHORIZED', 'The access token is missing or wrong. Open the address that `npm run serve` printed.');

/**
 * Who may call: the serve token (the session header then says who), or a personal API token (Settings › API), which is
 * itself a secret naming its person and so needs neither the serve token nor a session; null for anything else.
 */
type Bearer = { personal: string | null; cookie?: true };

function bearerOf(header: string | undefined, token: string): Bearer | null {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) return null;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return { personal: null };
  return isPersonalApiToken(match[1]) ? { personal: match[1] } : null;
}

/** On the LAN a browser sends no Authorization: its session rides the cookie. */
function bearerOfRequest(req: IncomingMessage, options: Served): Bearer | null {
  if (options.site && req.headers.authorization === undefined) return { personal: null, cookie: true };
  return bearerOf(req.headers.authorization, options.token);
}

function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => new BodyError(failure('TOO_LARGE', `The request body is larger than ${maxBodyBytes / 1024 / 1024} MB.`));
    if (declared > maxBodyBytes) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BodyError(failure('INVALID_INPUT', 'The request body is not valid JSON.')));
      }
    });
  });
}

type Drops = ReturnType<typeof droppedRequestLog>;

/** Who calls: a personal token's person, or the session header's (behind the machine token); a refusal when the procedure needs a session it lacks. */
function callContext(req: IncomingMessage, name: CallName, options: Served, bearer: Bearer): Outcome<CallContext> {
  const header = req.headers[sessionHeader];
  const token = typeof header === 'string' && header.length > 0 && header.length <= 128 ? header : null;
  const source = { userAgent: req.headers['user-agent'] ?? null, address: req.socket.remoteAddress ?? null };
  const caller = bearer.personal
    ? callerOfApiToken(options.auth, bearer.personal, source)
    : bearer.cookie && options.site
      ? cookieCaller(options.auth, name, req, options.site, source)
      : callerOf(options.auth, name, token, source, options.actor ?? 'local operator');
  return caller.ok ? { ok: true, value: { ...caller.value, log: options.log } } : caller;
}

async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, options: Served, drops: Drops): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return send(res, failure('INVALID_INPUT', 'API procedures are called with POST and a JSON body.'));
  }
  const bearer = bearerOfRequest(req, options);
  if (!bearer) {
    req.resume();
    return send(res, unauthorized());
  }
  if (!isCallName(name)) {
    req.resume();
    return send(res, failure('NOT_FOUND', `There is no API procedure named "${name}".`));
  }
  const ctx = callContext(req, name, options, bearer);
  if (!ctx.ok) {
    req.resume();
    return send(res, ctx);
  }
  let input: unknown;
  try {
    input = await readJsonBody(req);
  } catch (error) {
    if (error instanceof BodyError) {
      res.setHeader('connection', 'close');
      return send(res, error.outcome);
    }
    if (isClientGone(error)) return drops.note();
    throw error;
  }
  const outcome = await dispatch(options.handlers, name, input, ctx.value);
  send(res, bearer.cookie && options.site ? carrySessionInCookie(res, name, outcome, options.site) : outcome);
}

/** `GET /files/invoices/<id>.pdf[?paper=LETTER]` behind the same bearer token: the PDF `invoices.pdf` makes, as a download. */
async function handleInvoicePdf(req: IncomingMessage, res: ServerResponse, idText: string, search: URLSearchParams, options: Served): Promise<void> {
  req.resume();
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    return send(res, failure('INVALID_INPUT', 'Files are downloaded with GET.'));
  }
  const bearer = bearerOfRequest(req, options);
  if (!bearer) return send(res, unauthorized());
  const ctx = callContext(req, 'invoices.pdf', options, bearer);
  if (!ctx.ok) return send(res, ctx);
  const input = { id: /^\d{1,15}$/.test(idText) ? Number(idText) : idText, ...(search.has('paper') ? { paperSize: search.get('paper') } : {}) };
  const outcome = await dispatch(options.handlers, 'invoices.pdf', input, ctx.value);
  if (!outcome.ok) return send(res, outcome);
  const pdf = outcome.value as Result<'invoices.pdf'>;
  const bytes = Buffer.from(pdf.base64, 'base64');
  res.writeHead(200, {
    'content-type': 'application/pdf',
    'content-length': bytes.length,
    'content-disposition': `attachment; filename="${pdf.fileName}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(bytes);
}

const isOpenApiRequest = (req: IncomingMessage, path: string): boolean => req.method === 'GET' && path === '/api/openapi.json';

/** `GET /api/openapi.json` behind the serve token or a personal token that works: the OpenAPI 3.1 description of every procedure. */
async function sendOpenApi(req: IncomingMessage, res: ServerResponse, options: Served): Promise<void> {
  req.resume();
  const bearer = bearerOfRequest(req, options);
  if (!bearer) return send(res, unauthorized());
  if (bearer.personal || bearer.cookie) {
    const ctx = callContext(req, 'api.document', options, bearer);
    if (!ctx.ok) return send(res, ctx);
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(openApiJson());
}

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** How the server answers each request: the renderer's files, the API, invoice PDFs and the OpenAPI document. */
function requestListener(served: Served, portOf: () => number, drops: Drops): RequestListener {
  return (req, res) => {
    const lanRefused = served.site && lanRefusal(req, served.site);
    if (lanRefused) {
      res.writeHead(lanRefused.status, { 'content-type': 'text/plain; charset=utf-8' }).end(lanRefused.message);
      return;
    }
    if (!served.site && refusedNonLoopbackHost(req, res, portOf())) return;
    const [path, query = ''] = (req.url ?? '/').split('?');
    const api = /^\/api\/(.*)$/.exec(path);
    const invoicePdf = /^\/files\/invoices\/([^/]+)\.pdf$/.exec(path);
    const work = isOpenApiRequest(req, path)
      ? sendOpenApi(req, res, served)
      : api
        ? handleApi(req, res, safeDecode(api[1]), served, drops)
        : invoicePdf
          ? handleInvoicePdf(req, res, safeDecode(invoicePdf[1]), new URLSearchParams(query), served)
          : Promise.resolve(serveRendererFile(req, res, served.rendererDir));
    work.catch((error: unknown) => {
      served.log.error({ err: error }, 'http request failed');
      if (!res.headersSent) send(res, failure('INTERNAL', 'Something went wrong while doing that. The details were written to the log.'));
      else res.destroy();
    });
  };
}

/** Serves the renderer and `POST /api/<procedure>` on 127.0.0.1 only, behind a bearer token; or, given `lan`, to the office LAN. */
export function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  let port = 0;
  const served: Served = { ...options };
  const drops = droppedRequestLog(options.log);
  const server = createWebServer(
    options.lan,
    requestListener(served, () => port, drops),
  );
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.lan?.host ?? '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      served.site = options.lan && lanSiteOf(options.lan, port);
      resolve({
        url: served.site?.origin ?? `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            drops.stop();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * The same handling for a loopback server that already listens on `port` (http-early.ts, which served the renderer's
 * files while the services started); `stop` ends its dropped-request log when the server closes.
 */
export function loopbackRequestListener(options: Omit<HttpServerOptions, 'lan' | 'port'>, port: number): { listener: RequestListener; stop(): void } {
  const drops = droppedRequestLog(options.log);
  return { listener: requestListener({ ...options }, () => port, drops), stop: () => drops.stop() };
}
