import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessions } from '../../../db/schema';
import { addUser, authWithClock, setUpAdministrator } from '../../../tests/helpers/auth-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { permissionsOfRole } from '../../contract/roles';
import { signOut } from './auth.signin';
import { setIdleLock } from './auth.users';

let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
beforeEach(() => {
  t = openTempDb();
  clock = authWithClock(t.db);
});
afterEach(() => t.close());

const minutes = (n: number) => n * 60_000;
const lastSeen = () => t.db.select({ at: sessions.lastSeenAt }).from(sessions).all().at(-1)?.at;

describe('who is calling', () => {
  it('is the local operator with every permission while nobody has a login, as before accounts', () => {
    const caller = clock.caller('invoices.issue', null);
    expect(caller).toMatchObject({ ok: true, value: { actor: 'local operator', origin: { session: null, userAgent: 'vitest', address: '127.0.0.1' } } });
    expect(caller.ok && [...caller.value.permissions]).toEqual([...permissionsOfRole('administrator')]);
  });

  it('once a login exists: nobody without a session but for the open procedures, and the person behind a live session', async () => {
    const adminToken = await setUpAdministrator(clock.auth);
    expect(clock.caller('invoices.list', null)).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Sign in first: this workstation has user accounts.' },
    });
    expect(clock.caller('auth.status', null)).toMatchObject({ ok: true, value: { actor: 'not signed in', origin: { session: null } } });
    expect(clock.caller('invoices.list', 'made-up-token')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: /not known here/ } });
    const admin = clock.caller('invoices.list', adminToken);
    expect(admin).toMatchObject({ ok: true, value: { actor: 'Ada Admin', origin: { session: { staffId: 1 } } } });
    const tech = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    const techCaller = clock.caller('invoices.issue', tech.token);
    expect(techCaller.ok && techCaller.value.permissions.has('billing.edit')).toBe(false);
    expect(techCaller.ok && techCaller.value.permissions.has('fleet.edit')).toBe(true);
  });

  it('keeps only the SHA-256 of a session token', async () => {
    const token = await setUpAdministrator(clock.auth);
    const [row] = t.db.select().from(sessions).all();
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
  });
});

describe('idle sessions', () => {
  it('lock after the idle minutes without a call, counted from the last call, and stay ended', async () => {
    const token = await setUpAdministrator(clock.auth);
    clock.advance(minutes(14));
    expect(clock.caller('clients.list', token).ok).toBe(true);
    clock.advance(minutes(14));
    expect(clock.caller('clients.list', token).ok).toBe(true);
    clock.advance(minutes(15) + 1_000);
    const locked = { ok: false, error: { code: 'UNAUTHORIZED', message: 'Your session was locked after 15 minutes without activity; sign in again.' } };
    expect(clock.caller('clients.list', token)).toEqual(locked);
    clock.advance(-minutes(10));
    expect(clock.caller('clients.list', token)).toEqual(locked);
    expect(t.db.select({ reason: sessions.endedReason }).from(sessions).get()).toEqual({ reason: 'idle' });
    expect(clock.caller('auth.status', token)).toMatchObject({ ok: true, value: { origin: { session: null, sessionNotice: locked.error.message } } });
  });

  it('follow the setting', async () => {
    const token = await setUpAdministrator(clock.auth);
    setIdleLock(clock.auth, 5, { actor: 'Ada Admin', staffId: 1 });
    clock.advance(minutes(5) + 1_000);
    expect(clock.caller('clients.list', token)).toMatchObject({
      ok: false,
      error: { message: 'Your session was locked after 5 minutes without activity; sign in again.' },
    });
  });

  it('note activity at most every 15 seconds', async () => {
    const token = await setUpAdministrator(clock.auth);
    const opened = lastSeen();
    clock.advance(10_000);
    clock.caller('clients.list', token);
    expect(lastSeen()).toBe(opened);
    clock.advance(5_000);
    clock.caller('clients.list', token);
    expect(lastSeen()).toBe('2026-12-04T10:00:15.000Z');
  });
});

describe('signing out', () => {
  it('ends the session: its token is refused with a sentence saying so', async () => {
    const token = await setUpAdministrator(clock.auth);
    const caller = clock.caller('auth.signOut', token);
    if (!caller.ok) throw new Error(caller.error.message);
    expect(signOut(clock.auth, caller.value.origin)).toEqual({ signedOut: true });
    expect(clock.caller('clients.list', token)).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'You signed out of this session; sign in again.' },
    });
  });
});
