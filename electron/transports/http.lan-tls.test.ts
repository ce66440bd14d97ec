import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { adminPassword, authWithClock, setUpAdministrator } from '../../tests/helpers/auth-fixtures';
import { startTestHttpServer } from '../../tests/helpers/http-server';
import { cookiePairOf, lanRequest } from '../../tests/helpers/lan-request';
import { selfSignedCertificate } from '../../tests/helpers/self-signed';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import type { RunningHttpServer } from './http';

let t: TempDb;
let server: RunningHttpServer;

beforeEach(() => {
  t = openTempDb();
});
afterEach(async () => {
  await server?.close();
  t.close();
});

it('serves HTTPS on 127.0.0.2 from a given certificate: a Secure __Host- cookie, calls with it work, plain HTTP gets nothing', async () => {
  const clock = authWithClock(t.db);
  await setUpAdministrator(clock.auth);
  const { certPath, keyPath } = selfSignedCertificate(t.dir, '127.0.0.2');
  const tls = { cert: readFileSync(certPath), key: readFileSync(keyPath) };
  server = await startTestHttpServer(t.db, t.dir, { token: 'serve-token-0123456789', auth: clock.auth, lan: { host: '127.0.0.2', tls } });
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
  const ca = tls.cert;

  expect((await lanRequest(`${server.url}/`, { ca })).status).toBe(200);
  const signIn = await lanRequest(`${server.url}/api/auth.signIn`, { ca, body: { login: 'ada', password: adminPassword }, headers: { origin: server.url } });
  expect(signIn.headers['set-cookie']).toEqual([expect.stringMatching(/^__Host-hashdesk-session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/; Secure$/)]);
  const cookie = cookiePairOf(signIn);
  const listed = await lanRequest(`${server.url}/api/clients.list`, { ca, body: {}, headers: { origin: server.url, cookie } });
  expect(listed.json()).toMatchObject({ ok: true });
  // The same cookie name without the prefix is not this server's session.
  const renamed = cookie.replace('__Host-', '');
  expect((await lanRequest(`${server.url}/api/clients.list`, { ca, body: {}, headers: { origin: server.url, cookie: renamed } })).status).toBe(401);

  const out = await lanRequest(`${server.url}/api/auth.signOut`, { ca, body: {}, headers: { origin: server.url, cookie } });
  expect(out.headers['set-cookie']).toEqual(['__Host-hashdesk-session=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/; Secure']);

  await expect(lanRequest(server.url.replace('https:', 'http:') + '/', {})).rejects.toThrow();
});
