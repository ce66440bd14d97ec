import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminPassword, setUpAdministrator } from '../../tests/helpers/auth-fixtures';
import { startTestHttpServer } from '../../tests/helpers/http-server';
import { lanRequest } from '../../tests/helpers/lan-request';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import { addressThrottlePolicy } from '../services/auth/auth.address-throttle';
import { createAuth } from '../services/auth/auth.service';
import type { RunningHttpServer } from './http';

const token = 'test-token-0123456789';
// Three failures pause an address here (20 in the app), so the test checks few passwords.
const throttle = { ...addressThrottlePolicy, failures: 3 };
let t: TempDb;
let now: Date;
let server: RunningHttpServer;

beforeEach(async () => {
  t = openTempDb();
  now = new Date('2026-12-04T10:00:00.000Z');
  const auth = createAuth(t.db, { now: () => now, throttle });
  await setUpAdministrator(auth);
  server = await startTestHttpServer(t.db, t.dir, { token, auth });
});
afterEach(async () => {
  await server.close();
  t.close();
});

/** auth.signIn from a socket bound to `localAddress`, standing in for another computer: the server sees that address. */
async function signInFrom(localAddress: string, password: string) {
  const reply = await lanRequest(`${server.url}/api/auth.signIn`, {
    body: { login: 'ada', password },
    headers: { authorization: `Bearer ${token}` },
    localAddress,
  });
  return { status: reply.status, body: reply.json() };
}

describe('sign-in attempts per client address, through the HTTP server', () => {
  it('pauses the address that failed too often, by the address the server sees, and not another one', async () => {
    expect(await signInFrom('127.0.0.5', 'wrong pass phrase 1')).toMatchObject({ status: 401, body: { error: { message: /login or the password is wrong/ } } });
    expect(await signInFrom('127.0.0.5', 'wrong pass phrase 2')).toMatchObject({ status: 401 });
    const paused = {
      status: 401,
      body: {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'Too many failed sign-ins from the address 127.0.0.5. Try again in 15 minutes (after 4 Dec 2026, 10:15).' },
      },
    };
    expect(await signInFrom('127.0.0.5', 'wrong pass phrase 3')).toEqual(paused);
    expect(await signInFrom('127.0.0.5', adminPassword)).toEqual(paused);
    expect(await signInFrom('127.0.0.6', adminPassword)).toMatchObject({ status: 200, body: { ok: true } });
    now = new Date('2026-12-04T10:15:00.000Z');
    expect(await signInFrom('127.0.0.5', adminPassword)).toMatchObject({ status: 200, body: { ok: true } });
  });
});
