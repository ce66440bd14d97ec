import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { addUser, authWithClock } from '../../tests/helpers/auth-fixtures';
import { openTempDb, type TempDb } from '../../tests/helpers/temp-db';
import { createHandlers } from '../services/handlers';
import { sessionHeader, startHttpServer, type RunningHttpServer } from './http';

const token = 'test-token-0123456789';
let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
let server: RunningHttpServer;

beforeEach(async () => {
  t = openTempDb();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hashdesk</title>');
  clock = authWithClock(t.db);
  const handlers = createHandlers(t.db, { version: 'test', auth: clock.auth });
  server = await startHttpServer({ handlers, auth: clock.auth, token, rendererDir, log: { error: () => {}, info: () => {} } });
});
afterEach(async () => {
  await server.close();
  t.close();
});

async function post(name: string, input: unknown, session?: string, bearer = token) {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${bearer}` };
  if (session) headers[sessionHeader] = session;
  const response = await fetch(`${server.url}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; value?: never; error?: { code: string; message: string } } };
}

const client = { name: 'Northern Hashing Ltd', contactEmail: 'ops@northern.test', managerId: 1 };

describe('the HTTP API with accounts', () => {
  it('works as before while nobody has a login: the machine token is enough, as the local operator', async () => {
    expect((await post('staff.create', { name: 'Maria Lopez', email: null, phone: '' })).status).toBe(200);
    expect(await post('clients.create', client)).toMatchObject({ status: 200, body: { ok: true } });
    expect(t.db.select().from(auditLog).orderBy(desc(auditLog.id)).get()).toMatchObject({ actor: 'local operator', action: 'client.created' });
    expect(await post('auth.status', {})).toMatchObject({ body: { value: { accountsExist: false, signedIn: false } } });
  });

  it('once an administrator exists, needs a session for everything but signing in, and acts as its person', async () => {
    const setup = await post('auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' });
    expect(setup).toMatchObject({ status: 200, body: { ok: true, value: { status: { signedIn: true, user: { login: 'ada' } } } } });
    const session = (setup.body.value as unknown as { token: string }).token;
    expect(await post('clients.list', {})).toEqual({
      status: 401,
      body: { ok: false, error: { code: 'UNAUTHORIZED', message: 'Sign in first: this workstation has user accounts.' } },
    });
    expect(await post('auth.status', {})).toMatchObject({ status: 200, body: { value: { accountsExist: true, signedIn: false, permissions: ['anyone'] } } });
    expect(await post('clients.list', {}, session, 'wrong-token-0123456789')).toMatchObject({ status: 401, body: { error: { message: /access token/ } } });
    expect(await post('staff.create', { name: 'Maria Lopez', email: null, phone: '' }, session)).toMatchObject({ status: 200 });
    expect(await post('clients.create', { ...client, managerId: 2 }, session)).toMatchObject({ status: 200, body: { ok: true } });
    expect(t.db.select().from(auditLog).orderBy(desc(auditLog.id)).get()).toMatchObject({ actor: 'Ada Admin', action: 'client.created' });
    expect(await post('auth.me', {}, session)).toMatchObject({
      body: { value: { user: { name: 'Ada Admin', roleKey: 'administrator', roleLabel: 'Administrator' } } },
    });
  });

  it('refuses a technician a billing call with FORBIDDEN naming the permission, and the invoice PDF without a session', async () => {
    await post('auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' });
    const tech = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    expect(await post('invoices.issue', { id: 1 }, tech.token)).toEqual({
      status: 403,
      body: {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Your role does not allow “Edit invoices and payments” (billing.edit), which invoices.issue needs.' },
      },
    });
    expect(await post('miners.list', {}, tech.token)).toMatchObject({ status: 200 });
    const pdf = await fetch(`${server.url}/files/invoices/1.pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect(pdf.status).toBe(401);
  });

  it('signs in with a wrong password refused in words, and locks an idle session', async () => {
    await post('auth.setupAdministrator', { name: 'Ada Admin', login: 'ada', password: 'correct horse battery' });
    expect(await post('auth.signIn', { login: 'ada', password: 'not the password' })).toMatchObject({
      status: 401,
      body: { error: { message: 'The login or the password is wrong. Check both and try again.' } },
    });
    const signedIn = await post('auth.signIn', { login: 'ada', password: 'correct horse battery' }, undefined);
    const session = (signedIn.body.value as unknown as { token: string }).token;
    clock.advance(16 * 60_000);
    expect(await post('clients.list', {}, session)).toEqual({
      status: 401,
      body: { ok: false, error: { code: 'UNAUTHORIZED', message: 'Your session was locked after 15 minutes without activity; sign in again.' } },
    });
    expect(await post('auth.status', {}, session)).toMatchObject({
      body: { value: { signedIn: false, sessionNotice: 'Your session was locked after 15 minutes without activity; sign in again.' } },
    });
    const out = await post('auth.signIn', { login: 'ada', password: 'correct horse battery' });
    const fresh = (out.body.value as unknown as { token: string }).token;
    expect(await post('auth.signOut', {}, fresh)).toMatchObject({ body: { value: { signedOut: true } } });
    expect(await post('clients.list', {}, fresh)).toMatchObject({
      status: 401,
      body: { error: { message: 'You signed out of this session; sign in again.' } },
    });
  });
});
