import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, sessions, staff } from '../../../db/schema';
import { addUser, adminPassword, authWithClock, fromTests, setUpAdministrator } from '../../../tests/helpers/auth-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { addressThrottlePolicy } from './auth.address-throttle';
import { verifyPassword } from './auth.password';
import { changePassword, setupAdministrator, signIn, signOut } from './auth.signin';
import { resetPassword } from './auth.users';
import type * as PasswordModule from './auth.password';

vi.mock('./auth.password', async (importOriginal) => {
  const actual = await importOriginal<typeof PasswordModule>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
beforeEach(() => {
  t = openTempDb();
  clock = authWithClock(t.db);
});
afterEach(() => t.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: Error & { code?: string }) => ({ code: error.code, message: error.message }),
  );
const wrong = { code: 'UNAUTHORIZED', message: 'The login or the password is wrong. Check both and try again.' };
const ada = () => t.db.select().from(staff).where(eq(staff.login, 'ada')).get()!;

describe('the first administrator', () => {
  it('is created only while nobody has a login, signed in at once, and signing in before that says to create one', async () => {
    expect(await refusal(signIn(clock.auth, { login: 'ada', password: adminPassword }, fromTests))).toMatchObject({ code: 'CONFLICT' });
    const first = await setupAdministrator(clock.auth, { name: 'Ada Admin', login: 'ada', password: adminPassword }, fromTests);
    expect(first.status).toMatchObject({ accountsExist: true, signedIn: true, user: { name: 'Ada Admin', login: 'ada', roleKey: 'administrator' } });
    expect(first.status.permissions).toContain('users.admin');
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = setupAdministrator(clock.auth, { name: 'Mallory', login: 'mallory', password: 'another pass phrase' }, fromTests);
    expect(await refusal(again)).toEqual({
      code: 'CONFLICT',
      message: 'This workstation already has an administrator. Sign in, or ask an administrator for a login.',
    });
    expect(
      t.db
        .select()
        .from(staff)
        .all()
        .map((row) => row.name),
    ).toEqual(['Ada Admin']);
  });

  it('needs a password that follows the rules, and says which one it breaks', async () => {
    const weak = setupAdministrator(clock.auth, { name: 'Ada Admin', login: 'ada', password: 'ada-2026-spring' }, fromTests);
    expect(await refusal(weak)).toEqual({ code: 'INVALID_INPUT', message: 'The password must not contain the login.' });
    expect(t.db.select().from(staff).all()).toEqual([]);
  });
});

describe('passwords at rest', () => {
  it('are stored as scrypt hashes only, and no audit row, session or other column holds the password or its hash', async () => {
    const adminToken = await setUpAdministrator(clock.auth);
    const clerk = await addUser(clock.auth, 'Bill Clerk', 'bill', 'billing', 'ledger pass phrase');
    const reset = await resetPassword(clock.auth, clerk.staffId, { actor: 'Ada Admin', staffId: ada().id });
    const session = await signIn(clock.auth, { login: 'bill', password: reset.oneTimePassword }, fromTests);
    const origin = { session: { id: 0, staffId: clerk.staffId }, sessionNotice: null, ...fromTests };
    origin.session.id = t.db.select().from(sessions).all().at(-1)!.id;
    await changePassword(clock.auth, { currentPassword: reset.oneTimePassword, newPassword: 'my own pass phrase' }, origin);
    signOut(clock.auth, origin);

    const hashes = t.db.select({ hash: staff.passwordHash }).from(staff).all();
    for (const { hash } of hashes) expect(hash).toMatch(/^\$scrypt\$/);
    const secrets = [adminPassword, 'ledger pass phrase', reset.oneTimePassword, 'my own pass phrase', adminToken, clerk.token, session.token];
    const everything = JSON.stringify([t.db.select().from(auditLog).all(), t.db.select().from(sessions).all()]);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    for (const { hash } of hashes) expect(everything).not.toContain(hash!.split('$').at(-1));
    expect(everything).not.toContain('$scrypt$');
    const staffColumns = JSON.stringify(t.db.select().from(staff).all());
    for (const secret of secrets) expect(staffColumns).not.toContain(secret);
  });
});

describe('signing in', () => {
  it('pauses a login after five wrong passwords, doubling the pause, and a right password resets the count', async () => {
    await setUpAdministrator(clock.auth);
    const attempt = (password: string) => refusal(signIn(clock.auth, { login: 'ada', password }, fromTests));
    for (let i = 0; i < 4; i += 1) expect(await attempt('wrong pass phrase')).toEqual(wrong);
    expect(await attempt('wrong pass phrase')).toEqual({ code: 'UNAUTHORIZED', message: 'Too many wrong passwords for this login. Try again in 30 seconds.' });
    expect(await attempt(adminPassword)).toMatchObject({ message: 'Too many wrong passwords for this login. Try again in 30 seconds.' });
    clock.advance(20_000);
    expect(await attempt(adminPassword)).toMatchObject({ message: 'Too many wrong passwords for this login. Try again in 10 seconds.' });
    clock.advance(11_000);
    expect(await attempt('wrong pass phrase')).toMatchObject({ message: 'Too many wrong passwords for this login. Try again in 60 seconds.' });
    clock.advance(61_000);
    expect(await attempt('wrong pass phrase')).toMatchObject({ message: /Try again in 2 minutes/ });
    expect(ada()).toMatchObject({ failedSignIns: 7, lockedUntil: '2026-12-04T10:03:32.000Z' });
    clock.advance(121_000);
    expect(await attempt(adminPassword)).toBeNull();
    expect(ada()).toMatchObject({ failedSignIns: 0, lockedUntil: null, lastSignInAt: '2026-12-04T10:03:33.000Z' });
    const locks = t.db.select().from(auditLog).where(eq(auditLog.action, 'staff.locked_out')).all();
    expect(locks.map((row) => JSON.parse(row.afterJson ?? '{}').failedSignIns)).toEqual([5, 6, 7]);
  });

  it('answers a login nobody has in the same words and at the same cost, pausing it alike', async () => {
    await setUpAdministrator(clock.auth);
    vi.mocked(verifyPassword).mockClear();
    const attempt = (login: string) => refusal(signIn(clock.auth, { login, password: 'wrong pass phrase' }, fromTests));
    const real: unknown[] = [];
    const ghost: unknown[] = [];
    for (let i = 0; i < 6; i += 1) {
      real.push(await attempt('ada'));
      ghost.push(await attempt('nobody'));
    }
    expect(ghost).toEqual(real);
    // Both ran scrypt for the five attempts before the pause: a stranger cannot time the difference either.
    expect(vi.mocked(verifyPassword).mock.calls.map(([, stored]) => stored.startsWith('$scrypt$'))).toEqual(Array(10).fill(true));
  });

  it('pauses an address after too many failed sign-ins across logins, even for a right password, but no other address', async () => {
    // Six failures pause an address here (20 in the app: auth.address-throttle.test), so the test checks few passwords.
    clock = authWithClock(t.db, undefined, { ...addressThrottlePolicy, failures: 6 });
    await setUpAdministrator(clock.auth);
    const office = { userAgent: 'Firefox', address: '192.168.1.23' };
    const attempt = (login: string, password: string, source = office) => refusal(signIn(clock.auth, { login, password }, source));
    for (let i = 0; i < 5; i += 1) expect(await attempt(`guess${i % 2}`, `wrong phrase ${i}`)).toEqual(wrong);
    const paused = {
      code: 'UNAUTHORIZED',
      message: 'Too many failed sign-ins from the address 192.168.1.23. Try again in 15 minutes (after 4 Dec 2026, 10:15).',
    };
    expect(await attempt('ada', 'wrong phrase 5')).toEqual(paused);
    vi.mocked(verifyPassword).mockClear();
    expect(await attempt('ada', adminPassword)).toEqual(paused);
    expect(verifyPassword).not.toHaveBeenCalled(); // refused before any password is checked
    expect(ada().failedSignIns).toBe(1);
    expect(await attempt('ada', adminPassword, fromTests)).toBeNull();
    const pauses = t.db.select().from(auditLog).where(eq(auditLog.action, 'address.sign_ins_paused')).all();
    expect(pauses).toMatchObject([
      { actor: 'someone at 192.168.1.23', entity: 'address', entityId: '192.168.1.23', afterJson: '{"failures":6,"pausedUntil":"2026-12-04T10:15:00.000Z"}' },
    ]);
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain('wrong phrase');
    clock.advance(15 * 60_000);
    expect(await attempt('ada', adminPassword)).toBeNull();
  });

  it('never pauses the desktop window for one person mistyping their password: their login’s lock-out comes first', async () => {
    await setUpAdministrator(clock.auth);
    const desktop = { userAgent: 'Hashdesk desktop', address: null };
    const attempt = (password: string) => refusal(signIn(clock.auth, { login: 'ada', password }, desktop));
    // Waiting out each pause of the login (30 s, 1, 2 and 4 minutes), nine wrong passwords take 7.5 minutes.
    const start = Date.parse('2026-12-04T10:00:00.000Z');
    let nowMs = start;
    const waitOutTheLock = () => {
      const waitMs = Math.max(0, Date.parse(ada().lockedUntil ?? '') - nowMs || 0);
      clock.advance(waitMs);
      nowMs += waitMs;
    };
    for (let i = 0; i < 9; i += 1) {
      waitOutTheLock();
      expect(await attempt('wrong pass phrase')).toMatchObject({ message: i < 4 ? wrong.message : /^Too many wrong passwords for this login/ });
    }
    expect(nowMs - start).toBe(450_000);
    waitOutTheLock();
    expect(await attempt(adminPassword)).toBeNull();
  });

  it('refuses a disabled or inactive person even with the right password', async () => {
    await setUpAdministrator(clock.auth);
    const tech = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    t.db.update(staff).set({ loginDisabledAt: '2026-12-04T09:00:00.000Z' }).where(eq(staff.id, tech.staffId)).run();
    expect(await refusal(signIn(clock.auth, { login: 'tess', password: tech.password }, fromTests))).toEqual({
      code: 'FORBIDDEN',
      message: 'This login is disabled. Ask an administrator to enable it.',
    });
  });

  it('re-hashes a password kept with weaker parameters when its owner signs in', async () => {
    await setUpAdministrator(clock.auth);
    const { hashPassword } = await import('./auth.password');
    t.db
      .update(staff)
      .set({ passwordHash: await hashPassword(adminPassword, { logN: 14, r: 8, p: 1 }) })
      .where(eq(staff.login, 'ada'))
      .run();
    await signIn(clock.auth, { login: 'ada', password: adminPassword }, fromTests);
    expect(ada().passwordHash).toMatch(/^\$scrypt\$ln=15,/);
  });
});

describe('a reset password', () => {
  it('is a one-time password: its owner may only change it, and their old sessions end', async () => {
    await setUpAdministrator(clock.auth);
    const tech = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    const { oneTimePassword, user } = await resetPassword(clock.auth, tech.staffId, { actor: 'Ada Admin', staffId: ada().id });
    expect(user).toMatchObject({ login: 'tess', mustChangePassword: true });
    expect(clock.caller('miners.list', tech.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: /reset your password/ } });
    expect(await refusal(signIn(clock.auth, { login: 'tess', password: tech.password }, fromTests))).toEqual(wrong);
    const fresh = await signIn(clock.auth, { login: 'tess', password: oneTimePassword }, fromTests);
    expect(fresh.status).toMatchObject({ mustChangePassword: true, permissions: ['anyone', 'ownAccount', 'signedIn'] });
    const origin = clock.caller('auth.changePassword', fresh.token);
    if (!origin.ok) throw new Error(origin.error.message);
    const same = changePassword(clock.auth, { currentPassword: oneTimePassword, newPassword: oneTimePassword }, origin.value.origin);
    expect(await refusal(same)).toMatchObject({ code: 'INVALID_INPUT', message: 'The new password must differ from the current one.' });
    const badCurrent = changePassword(clock.auth, { currentPassword: 'not the one time', newPassword: 'tess own phrase' }, origin.value.origin);
    expect(await refusal(badCurrent)).toMatchObject({ code: 'INVALID_INPUT', message: 'The current password is wrong.' });
    const changed = await changePassword(clock.auth, { currentPassword: oneTimePassword, newPassword: 'my own pass phrase' }, origin.value.origin);
    expect(changed.mustChangePassword).toBe(false);
    expect(changed.permissions).toContain('fleet.edit');
    expect(clock.caller('miners.list', fresh.token)).toMatchObject({ ok: true, value: { actor: 'Tess Tech' } });
  });
});
