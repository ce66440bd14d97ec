import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { CallName } from '../contract';
import { failure, type Outcome } from '../contract/errors';
import { accountsExist } from '../services/auth/auth.accounts';
import { callerOf, type Caller } from '../services/auth/auth.gate';
import type { AuthService } from '../services/auth/auth.service';
import type { CallSource } from '../services/auth/auth.sessions';

/**
 * Serving the office LAN: the address to listen on, an optional certificate and key (HTTPS), and the origin browsers
 * use when it is not this address (a reverse proxy on this machine forwarding to it).
 */
export type LanOptions = { host: string; tls?: { cert: Buffer; key: Buffer }; publicOrigin?: string };

/** The one site the LAN server answers for, fixed once it listens (its port may be chosen by the system). */
export type LanSite = { origin: string; host: string; secure: boolean };

const urlHostOf = (address: string) => (address.includes(':') ? `[${address}]` : address);

export function lanSiteOf(lan: LanOptions, port: number): LanSite {
  const url = new URL(lan.publicOrigin ?? `${lan.tls ? 'https' : 'http'}://${urlHostOf(lan.host)}:${port}`);
  return { origin: url.origin, host: url.host, secure: url.protocol === 'https:' };
}

/** An HTTPS server when a certificate is given, else plain HTTP; both call the same listener. */
export function createWebServer(lan: LanOptions | undefined, listener: RequestListener) {
  return lan?.tls ? createHttpsServer({ cert: lan.tls.cert, key: lan.tls.key }, listener) : createHttpServer(listener);
}

export type LanRefusal = { status: number; message: string };

/**
 * The DNS-rebinding and cross-site guard of the LAN server. The Host must be the configured one (a page of another
 * site whose name resolves to this address sends its own name); an Origin, when sent, must be ours; and a request that
 * changes something and rides the cookie must show it comes from our page: its Origin, or Sec-Fetch-Site: same-origin
 * (a script's Authorization header is no ambient credential, so it needs neither).
 */
export function lanRefusal(req: IncomingMessage, site: LanSite): LanRefusal | null {
  if (req.headers.host?.toLowerCase() !== site.host) return { status: 421, message: `This Hashdesk server answers only at ${site.origin}; open that address.` };
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== site.origin)
    return { status: 403, message: `Requests from ${origin} are refused: only pages of ${site.origin} may call this Hashdesk server.` };
  const changes = req.method !== 'GET' && req.method !== 'HEAD';
  if (changes && origin === undefined && req.headers.authorization === undefined && req.headers['sec-fetch-site'] !== 'same-origin')
    return {
      status: 403,
      message: `A request that changes something must come from a page of ${site.origin} (with its Origin header) or carry a personal API token.`,
    };
  return null;
}

const cookieNameOf = (site: LanSite) => (site.secure ? '__Host-hashdesk-session' : 'hashdesk-session');

/** The session token the browser's cookie carries, or null. */
function sessionFromCookie(req: IncomingMessage, site: LanSite): string | null {
  const name = cookieNameOf(site);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return value.length > 0 && value.length <= 128 ? value : null;
    }
  }
  return null;
}

const cookieAttributes = (site: LanSite) => ['HttpOnly', 'SameSite=Strict', 'Path=/', ...(site.secure ? ['Secure'] : [])].join('; ');

export const noAccountsOnLanSentence = 'This Hashdesk server is open to the office network, which needs user accounts, and this workstation has none.';

/**
 * Who calls through a browser on the LAN: the person of the session in the cookie. Sign-in is mandatory here: without
 * any account (a restored backup, say) nothing runs, rather than every call acting as the local operator.
 */
export function cookieCaller(auth: AuthService, name: CallName, req: IncomingMessage, site: LanSite, source: CallSource): Outcome<Caller> {
  if (!accountsExist(auth.db)) return failure('UNAUTHORIZED', noAccountsOnLanSentence);
  return callerOf(auth, name, sessionFromCookie(req, site), source, 'not signed in');
}

const opensSession = (name: CallName) => name === 'auth.signIn' || name === 'auth.setupAdministrator';

/**
 * Keeps a browser's session out of reach of the page's scripts: a new session goes into an HttpOnly, SameSite=Strict
 * cookie and out of the reply's body (the page gets an empty token); signing out clears the cookie.
 */
export function carrySessionInCookie(res: ServerResponse, name: CallName, outcome: Outcome<unknown>, site: LanSite): Outcome<unknown> {
  if (name === 'auth.signOut') {
    res.setHeader('set-cookie', `${cookieNameOf(site)}=; Max-Age=0; ${cookieAttributes(site)}`);
    return outcome;
  }
  if (!opensSession(name) || !outcome.ok) return outcome;
  const opened = outcome.value as { token: string };
  res.setHeader('set-cookie', `${cookieNameOf(site)}=${opened.token}; ${cookieAttributes(site)}`);
  return { ok: true, value: { ...opened, token: '' } };
}
