import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiTokens, auditLog } from '../../../db/schema';
import { addUser, authWithClock, fromTests, setUpAdministrator } from '../../../tests/helpers/auth-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import type { CallName } from '../../contract';
import type { CreatedApiToken } from '../../contract/api';
import type { Outcome } from '../../contract/errors';
import { dispatch } from '../../transports/dispatch';
import { createHandlers } from '../handlers';
import { callerOfApiToken } from './auth.gate';

let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
let handlers: ReturnType<typeof createHandlers>;
const log = { error: vi.fn(), info: vi.fn() };

beforeEach(() => {
  t = openTempDb();
  clock = authWithClock(t.db);
  handlers = createHandlers(t.db, { version: 'test', auth: clock.auth });
});
afterEach(() => t.close());

/** As the HTTP transport calls with a session (behind the serve token). */
async function asSession(name: CallName, input: unknown, session: string | null): Promise<Outcome<unknown>> {
  const caller = clock.caller(name, session);
  return caller.ok ? dispatch(handlers, name, input, { ...caller.value, log }) : caller;
}

/** As the HTTP transport calls with a personal API token alone. */
async function asToken(name: CallName, input: unknown, token: string): Promise<Outcome<unknown>> {
  const caller = callerOfApiToken(clock.auth, token, fromTests);
  return caller.ok ? dispatch(handlers, name, input, { ...caller.value, log }) : caller;
}

async function created(session: string, input: { name: string; expiresInDays?: number }): Promise<CreatedApiToken> {
  const outcome = await asSession('apiTokens.create', input, session);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value as CreatedApiToken;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('personal API tokens', () => {
  it('are shown once at creation, kept only as a hash, and never listed or audited as text', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const made = await created(admin, { name: 'Nightly export', expiresInDays: 90 });
    expect(made.secret).toMatch(/^hdk_[\w-]{43}$/);
    expect(made.token).toMatchObject({ name: 'Nightly export', ownerName: 'Ada Admin', prefix: made.secret.slice(0, 12), state: 'active', lastUsedAt: null });
    expect(made.token.expiresAt).toBe('2027-03-04T10:00:00.000Z');
    const row = t.db.select().from(apiTokens).get();
    expect(row?.tokenHash).toBe(sha256(made.secret));
    expect(JSON.stringify(row)).not.toContain(made.secret.slice(12));
    const listed = await asSession('apiTokens.list', {}, admin);
    expect(listed).toEqual({ ok: true, value: [made.token] });
    expect(JSON.stringify(listed)).not.toContain(made.secret.slice(12));
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, 'api_token.created')).get();
    expect(audit).toMatchObject({ actor: 'Ada Admin', entity: 'api_token', entityId: String(made.token.id) });
    expect(`${audit?.beforeJson}${audit?.afterJson}`).not.toMatch(new RegExp(`${made.secret.slice(12)}|${row?.tokenHash}`));
    expect(await asSession('apiTokens.create', { name: 'Nightly export' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'You already have a token named “Nightly export”. Choose another name, or revoke that one first.' },
    });
    expect(await asSession('apiTokens.create', { name: 'x', expiresInDays: 0 }, admin)).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'Expires in days: must be at least 1 day.' },
    });
  });

  it('act as their person with the role they hold at each call, and name that person in the change log', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const tess = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    const { secret } = await created(tess.token, { name: 'Scanner script' });
    expect(await asToken('auth.me', {}, secret)).toMatchObject({ ok: true, value: { user: { name: 'Tess Tech', roleKey: 'technician' } } });
    expect(await asToken('invoices.issue', { id: 1 }, secret)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your role does not allow “Edit invoices and payments” (billing.edit), which invoices.issue needs.' },
    });
    expect(await asToken('sites.create', { name: 'Austin North' }, secret)).toMatchObject({ ok: true });
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'site.created')).get()).toMatchObject({ actor: 'Tess Tech' });
    await asSession('users.setRole', { staffId: tess.staffId, roleKey: 'billing' }, admin);
    expect(await asToken('invoices.issue', { id: 1 }, secret)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await asToken('sites.create', { name: 'Austin South' }, secret)).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('are refused once revoked, once expired, and while their person’s login is disabled, each in a sentence', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const tess = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    const revoked = await created(tess.token, { name: 'Old script' });
    const shortLived = await created(tess.token, { name: 'Trial', expiresInDays: 1 });
    const kept = await created(tess.token, { name: 'Scanner script' });

    expect(await asSession('apiTokens.revoke', { id: revoked.token.id }, tess.token)).toMatchObject({ ok: true, value: { state: 'revoked' } });
    expect(await asToken('miners.list', {}, revoked.secret)).toEqual({
      ok: false,
      error: {
        code: 'UNAUTHORIZED',
        message: 'The API token “Old script” of Tess Tech was revoked at 2026-12-04 10:00 UTC. Create a new one in Settings › API.',
      },
    });
    expect(await asSession('apiTokens.revoke', { id: revoked.token.id }, tess.token)).toMatchObject({ ok: true, value: { state: 'revoked' } });
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'api_token.revoked')).all()).toHaveLength(1);

    await asSession('users.disableLogin', { staffId: tess.staffId }, admin);
    expect(await asToken('miners.list', {}, kept.secret)).toMatchObject({
      error: {
        code: 'UNAUTHORIZED',
        message: 'The API token “Scanner script” of Tess Tech no longer works: their login is disabled or they were made inactive. Ask an administrator.',
      },
    });
    await asSession('users.enableLogin', { staffId: tess.staffId }, admin);
    expect(await asToken('miners.list', {}, kept.secret)).toMatchObject({ ok: true });
    expect(await asToken('miners.list', {}, shortLived.secret)).toMatchObject({ ok: true });
    clock.advance(86_400_000);
    expect(await asToken('miners.list', {}, shortLived.secret)).toMatchObject({
      error: { code: 'UNAUTHORIZED', message: 'The API token “Trial” of Tess Tech expired at 2026-12-05 10:00 UTC. Create a new one in Settings › API.' },
    });
    // A token is not a session: the idle lock does not end it.
    expect(await asSession('miners.list', {}, admin)).toMatchObject({ error: { code: 'UNAUTHORIZED', message: /locked/ } });
    const states = (await asToken('apiTokens.list', {}, kept.secret)) as Outcome<{ name: string; state: string }[]>;
    expect(states.ok && states.value.map(({ name, state }) => `${name}: ${state}`)).toEqual([
      'Scanner script: active',
      'Trial: expired',
      'Old script: revoked',
    ]);

    expect(await asToken('miners.list', {}, 'hdk_not-a-token')).toMatchObject({ error: { code: 'UNAUTHORIZED', message: /not known here/ } });
  });

  it('are all refused for 15 minutes from an address that sent 20 unknown tokens, logged once; known tokens do not count', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const kept = await created(admin, { name: 'Scanner script' });
    const revoked = await created(admin, { name: 'Old script' });
    await asSession('apiTokens.revoke', { id: revoked.token.id }, admin);
    const office = { userAgent: 'curl', address: '192.168.1.23' };
    const from = (token: string, source = office) => callerOfApiToken(clock.auth, token, source);
    for (let i = 0; i < 25; i += 1) expect(from(revoked.secret)).toMatchObject({ error: { message: /was revoked/ } });
    for (let i = 0; i < 19; i += 1) expect(from(`hdk_guess-${i}`)).toMatchObject({ error: { message: /not known here/ } });
    const paused = {
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Too many unknown API tokens from the address 192.168.1.23. Try again in 15 minutes (after 4 Dec 2026, 10:15).' },
    };
    expect(from('hdk_guess-19')).toEqual(paused);
    expect(from(kept.secret)).toEqual(paused);
    expect(from(kept.secret, fromTests)).toMatchObject({ ok: true, value: { actor: 'Ada Admin' } });
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'address.api_tokens_paused')).all()).toMatchObject([
      { actor: 'someone at 192.168.1.23', entityId: '192.168.1.23', afterJson: '{"failures":20,"pausedUntil":"2026-12-04T10:15:00.000Z"}' },
    ]);
    clock.advance(15 * 60_000);
    expect(from(kept.secret)).toMatchObject({ ok: true });
  });

  it('are managed by their owner; only an administrator sees or revokes anyone’s; a token cannot make tokens', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const tess = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    const bill = await addUser(clock.auth, 'Bill Clerk', 'clerk', 'billing');
    const tessToken = await created(tess.token, { name: 'Scanner script' });
    await created(bill.token, { name: 'Ledger sync' });

    expect(await asSession('apiTokens.list', {}, tess.token)).toMatchObject({ value: [{ name: 'Scanner script' }] });
    expect(await asSession('apiTokens.list', { everyone: true }, tess.token)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your role does not allow “Manage users and roles” (users.admin), which listing everyone’s API tokens needs.' },
    });
    expect(await asSession('apiTokens.revoke', { id: tessToken.token.id }, bill.token)).toMatchObject({
      error: { code: 'FORBIDDEN', message: /revoking another person’s API token needs/ },
    });
    expect(await asSession('apiTokens.list', { everyone: true }, admin)).toMatchObject({
      value: [{ ownerName: 'Bill Clerk', name: 'Ledger sync' }, { ownerName: 'Tess Tech' }],
    });
    expect(await asSession('apiTokens.revoke', { id: 99 }, admin)).toMatchObject({ error: { code: 'NOT_FOUND' } });

    expect(await asToken('apiTokens.create', { name: 'Another' }, tessToken.secret)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'A personal API token cannot create other tokens. Sign in and create one in Settings › API.' },
    });
    expect(await asToken('apiTokens.revoke', { id: tessToken.token.id }, tessToken.secret)).toMatchObject({ ok: true, value: { state: 'revoked' } });
    expect(await asSession('apiTokens.revoke', { id: tessToken.token.id }, admin)).toMatchObject({ ok: true });
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'api_token.revoked')).get()).toMatchObject({ actor: 'Tess Tech' });
  });

  it('cannot exist on a workstation without accounts', async () => {
    expect(await asSession('apiTokens.list', {}, null)).toEqual({ ok: true, value: [] });
    expect(await asSession('apiTokens.create', { name: 'Script' }, null)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: /belong to user accounts, and this workstation has none yet/ },
    });
    expect(t.db.select().from(apiTokens).all()).toEqual([]);
  });

  it('note their last use at most once a minute', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const { secret, token } = await created(admin, { name: 'Poller' });
    const lastUsed = () => t.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, token.id)).get()?.at;
    await asToken('app.info', {}, secret);
    expect(lastUsed()).toBe('2026-12-04T10:00:00.000Z');
    clock.advance(59_000);
    await asToken('app.info', {}, secret);
    expect(lastUsed()).toBe('2026-12-04T10:00:00.000Z');
    clock.advance(1_000);
    await asToken('app.info', {}, secret);
    expect(lastUsed()).toBe('2026-12-04T10:01:00.000Z');
  });
});
