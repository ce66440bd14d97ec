import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { adminPassword, authWithClock, setUpAdministrator } from '../../tests/helpers/auth-fixtures';
import { startTestHttpServer } from '../../tests/helpers/http-server';
import { cookiePairOf, lanRequest } from '../../tests/helpers/lan-request';
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

/** A self-signed certificate for 127.0.0.2 (the stand-in LAN address), made for this test with openssl. */
function selfSignedCertificate(dir: string) {
  const cert = join(dir, 'lan.crt');
  const key = join(dir, 'lan.key');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.2', '-addext', 'subjectAltName=IP:127.0.0.2', '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' }); // prettier-ignore
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

it('serves HTTPS on 127.0.0.2 from a given certificate: a Secure __Host- cookie, calls with it work, plain HTTP gets nothing', async () => {
  const clock = authWithClock(t.db);
  await setUpAdministrator(clock.auth);
  const tls = selfSignedCertificate(t.dir);
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
