import { desc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { adminPassword, authWithClock, setUpAdministrator } from '../../tests/helpers/auth-fixtures';
import { startTestHttpServer } from '../../tests/helpers/http-server';
import { cookiePairOf, lanRequest } from '../../tests/helpers/lan-request';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import type { RunningHttpServer } from './http';
import { noAccountsOnLanSentence } from './http-lan';
import { contentSecurityPolicy } from './renderer-files';

// 127.0.0.2 stands in for the office PC's LAN address: tests never use any other.
const lanHost = '127.0.0.2';
const token = 'serve-token-0123456789';
let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
let server: RunningHttpServer;

beforeEach(() => {
  t = openTempDb();
  clock = authWithClock(t.db);
});
afterEach(async () => {
  await server?.close();
  t.close();
});

const startLan = async () => (server = await startTestHttpServer(t.db, t.dir, { token, auth: clock.auth, lan: { host: lanHost } }));

/** A call as the page on the LAN makes it: its own Origin, the cookie if it has one, no token. */
const pageCall = (name: string, input: unknown, cookie?: string, headers: Record<string, string> = {}) =>
  lanRequest(`${server.url}/api/${name}`, { body: input, headers: { origin: server.url, ...(cookie ? { cookie } : {}), ...headers } });

async function signInOnLan() {
  const reply = await pageCall('auth.signIn', { login: 'ada', password: adminPassword });
  expect(reply.status).toBe(200);
  return { reply, cookie: cookiePairOf(reply) };
}

const client = { name: 'Northern Hashing Ltd', contactEmail: 'ops@northern.test', managerId: 1 };

describe('serving the office LAN (127.0.0.2 for the LAN address)', () => {
  it('serves the page at its LAN address with the strict CSP, and answers API calls without a session 401', async () => {
    await setUpAdministrator(clock.auth);
    await startLan();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    const page = await lanRequest(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(await pageCall('clients.list', {})).toMatchObject({ status: 401 });
    expect((await pageCall('clients.list', {})).json()).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Sign in first: this workstation has user accounts.' },
    });
    expect((await lanRequest(`${server.url}/api/openapi.json`)).status).toBe(401);
    expect((await pageCall('auth.status', {})).json()).toMatchObject({ ok: true, value: { accountsExist: true, signedIn: false } });
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie kept out of the body; the cookie then works, as its person', async () => {
    await setUpAdministrator(clock.auth);
    await startLan();
    const { reply, cookie } = await signInOnLan();
    expect(reply.headers['set-cookie']).toEqual([expect.stringMatching(/^hashdesk-session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/)]);
    expect(reply.json()).toMatchObject({ ok: true, value: { token: '', status: { signedIn: true, user: { login: 'ada' } } } });
    expect(await pageCall('staff.create', { name: 'Maria Lopez', email: null, phone: '' }, cookie)).toMatchObject({ status: 200 });
    expect((await pageCall('clients.create', { ...client, managerId: 2 }, cookie)).json()).toMatchObject({ ok: true });
    expect(t.db.select().from(auditLog).orderBy(desc(auditLog.id)).get()).toMatchObject({ actor: 'Ada Admin', action: 'client.created' });
    expect((await lanRequest(`${server.url}/api/openapi.json`, { headers: { cookie } })).status).toBe(200);
    // The serve token is not how browsers on other PCs get in, and a wrong bearer is refused as before.
    expect((await pageCall('clients.list', {}, cookie, { authorization: 'Bearer not-the-token-000' })).status).toBe(401);
  });

  it('refuses any Host but the configured address, so a rebound DNS name reaches nothing', async () => {
    await setUpAdministrator(clock.auth);
    await startLan();
    const { cookie } = await signInOnLan();
    const port = new URL(server.url).port;
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port}`, lanHost, `localhost:${port}`]) {
      const reply = await lanRequest(`${server.url}/api/clients.list`, { body: {}, headers: { host, origin: server.url, cookie } });
      expect(reply).toMatchObject({ status: 421, text: `This Hashdesk server answers only at ${server.url}; open that address.` });
    }
    expect((await lanRequest(`${server.url}/`, { headers: { host: `evil.example:${port}` } })).status).toBe(421);
  });

  it('refuses a POST from a foreign Origin, or one with neither Origin nor Sec-Fetch-Site: same-origin (CSRF)', async () => {
    await setUpAdministrator(clock.auth);
    await startLan();
    const { cookie } = await signInOnLan();
    const foreign = await pageCall('staff.create', { name: 'Mallory', email: null, phone: '' }, cookie, { origin: 'http://evil.example' });
    expect(foreign).toMatchObject({
      status: 403,
      text: `Requests from http://evil.example are refused: only pages of ${server.url} may call this Hashdesk server.`,
    });
    const bare = await lanRequest(`${server.url}/api/staff.create`, { body: { name: 'Mallory', email: null, phone: '' }, headers: { cookie } });
    expect(bare).toMatchObject({ status: 403, text: expect.stringContaining('must come from a page of') });
    const sameOrigin = await lanRequest(`${server.url}/api/clients.list`, { body: {}, headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.status).toBe(200);
    expect((await lanRequest(`${server.url}/api/openapi.json`, { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(403);
    expect(
      t.db
        .select()
        .from(auditLog)
        .all()
        .some((row) => JSON.stringify(row).includes('Mallory')),
    ).toBe(false);
  });

  it('signs out by clearing the cookie and ending the session; the idle lock applies to the cookie as to the header', async () => {
    await setUpAdministrator(clock.auth);
    await startLan();
    const { cookie } = await signInOnLan();
    const out = await pageCall('auth.signOut', {}, cookie);
    expect(out.json()).toMatchObject({ ok: true, value: { signedOut: true } });
    expect(out.headers['set-cookie']).toEqual(['hashdesk-session=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/']);
    expect((await pageCall('clients.list', {}, cookie)).json()).toMatchObject({ error: { message: 'You signed out of this session; sign in again.' } });

    const again = await signInOnLan();
    clock.advance(16 * 60_000);
    expect((await pageCall('clients.list', {}, again.cookie)).json()).toMatchObject({
      error: { code: 'UNAUTHORIZED', message: 'Your session was locked after 15 minutes without activity; sign in again.' },
    });
  });

  it('lets a script in with a personal API token and no Origin, and refuses everything on a workstation without accounts', async () => {
    await setUpAdministrator(clock.auth);
    await startLan();
    const { cookie } = await signInOnLan();
    const created = (await pageCall('apiTokens.create', { name: 'nightly export', expiresInDays: 30 }, cookie)).json<{ value: { secret: string } }>();
    const script = await lanRequest(`${server.url}/api/clients.list`, { body: {}, headers: { authorization: `Bearer ${created.value.secret}` } });
    expect(script.status).toBe(200);
    await server.close();

    const bare = openTempDb();
    try {
      server = await startTestHttpServer(bare.db, bare.dir, { token, lan: { host: lanHost } });
      expect((await pageCall('clients.list', {})).json()).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: noAccountsOnLanSentence } });
      expect((await pageCall('auth.status', {})).status).toBe(401);
    } finally {
      await server.close();
      bare.close();
    }
  });

  it('behind a reverse proxy on this machine, answers the public origin it was given and marks the cookie Secure', async () => {
    await setUpAdministrator(clock.auth);
    server = await startTestHttpServer(t.db, t.dir, { token, auth: clock.auth, lan: { host: lanHost, publicOrigin: 'https://hashdesk.office.test' } });
    expect(server.url).toBe('https://hashdesk.office.test');
    const direct = `http://${lanHost}:${server.port}`;
    const proxied = { host: 'hashdesk.office.test', origin: 'https://hashdesk.office.test' };
    const reply = await lanRequest(`${direct}/api/auth.signIn`, { body: { login: 'ada', password: adminPassword }, headers: proxied });
    expect(reply.headers['set-cookie']?.[0]).toMatch(/^__Host-hashdesk-session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
    const listed = await lanRequest(`${direct}/api/clients.list`, { body: {}, headers: { ...proxied, cookie: cookiePairOf(reply) } });
    expect(listed.status).toBe(200);
    expect((await lanRequest(`${direct}/api/clients.list`, { body: {}, headers: { origin: proxied.origin, cookie: cookiePairOf(reply) } })).status).toBe(421);
  });
});
