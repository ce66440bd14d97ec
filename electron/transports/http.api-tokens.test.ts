import { desc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { addUser, authWithClock, setUpAdministrator } from '../../tests/helpers/auth-fixtures';
import { startTestHttpServer } from '../../tests/helpers/http-server';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import type { CreatedApiToken } from '../contract/api';
import { sessionHeader, type RunningHttpServer } from './http';

const serveToken = 'serve-token-0123456789';
let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
let server: RunningHttpServer;

beforeEach(async () => {
  t = openTempDb();
  clock = authWithClock(t.db);
  server = await startTestHttpServer(t.db, t.dir, { token: serveToken, auth: clock.auth });
});
afterEach(async () => {
  await server.close();
  t.close();
});

type Reply = { status: number; body: { ok: boolean; value?: never; error?: { code: string; message: string } } };

async function post(name: string, input: unknown, headers: Record<string, string>): Promise<Reply> {
  const response = await fetch(`${server.url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Reply['body'] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A token made in Settings › API: by the signed-in person, over the serve token and their session. */
async function tokenOf(session: string, name: string): Promise<CreatedApiToken> {
  const reply = await post('apiTokens.create', { name }, { ...bearer(serveToken), [sessionHeader]: session });
  expect(reply.status).toBe(200);
  return reply.body.value as unknown as CreatedApiToken;
}

describe('the HTTP API with a personal API token', () => {
  it('acts as its person with the token alone: no serve token, no session', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const { secret } = await tokenOf(admin, 'Provisioning');
    expect(await post('auth.me', {}, bearer(secret))).toMatchObject({ status: 200, body: { value: { user: { name: 'Ada Admin', login: 'ada' } } } });
    expect(await post('sites.create', { name: 'Austin North' }, bearer(secret))).toMatchObject({ status: 200, body: { ok: true } });
    expect(t.db.select().from(auditLog).orderBy(desc(auditLog.id)).get()).toMatchObject({ actor: 'Ada Admin', action: 'site.created' });
    // The token decides who calls: a session sent along is not looked at.
    expect(await post('auth.me', {}, { ...bearer(secret), [sessionHeader]: 'someone-elses-session' })).toMatchObject({ status: 200 });
    const document = await fetch(`${server.url}/api/openapi.json`, { headers: bearer(secret) });
    expect(document.status).toBe(200);
    expect(((await document.json()) as { paths: Record<string, unknown> }).paths).toHaveProperty(['/api/apiTokens.create']);
  });

  it('refuses a technician’s token a billing call with FORBIDDEN naming the permission, on the API and the invoice PDF', async () => {
    await setUpAdministrator(clock.auth);
    const tess = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    const { secret } = await tokenOf(tess.token, 'Scanner script');
    expect(await post('invoices.issue', { id: 1 }, bearer(secret))).toEqual({
      status: 403,
      body: {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Your role does not allow “Edit invoices and payments” (billing.edit), which invoices.issue needs.' },
      },
    });
    expect((await post('miners.list', {}, bearer(secret))).status).toBe(200);
    expect((await fetch(`${server.url}/files/invoices/1.pdf`, { headers: bearer(secret) })).status).toBe(403);
    expect(await post('apiTokens.create', { name: 'More' }, bearer(secret))).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
  });

  it('answers 401 with why for a revoked or unknown token, everywhere it is accepted', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const made = await tokenOf(admin, 'Old script');
    expect((await post('clients.list', {}, bearer(made.secret))).status).toBe(200);
    expect(await post('apiTokens.revoke', { id: made.token.id }, { ...bearer(serveToken), [sessionHeader]: admin })).toMatchObject({ status: 200 });
    expect(await post('clients.list', {}, bearer(made.secret))).toEqual({
      status: 401,
      body: {
        ok: false,
        error: {
          code: 'UNAUTHORIZED',
          message: 'The API token “Old script” of Ada Admin was revoked at 2026-12-04 10:00 UTC. Create a new one in Settings › API.',
        },
      },
    });
    const document = await fetch(`${server.url}/api/openapi.json`, { headers: bearer(made.secret) });
    expect(document.status).toBe(401);
    expect((await fetch(`${server.url}/files/invoices/1.pdf`, { headers: bearer(made.secret) })).status).toBe(401);
    expect(await post('clients.list', {}, bearer(`${made.secret.slice(0, -1)}x`))).toMatchObject({
      status: 401,
      body: { error: { message: /not known here/ } },
    });
    expect(await post('clients.list', {}, bearer('not-a-token'))).toMatchObject({
      status: 401,
      body: { error: { message: /access token is missing or wrong/ } },
    });
  });
});
