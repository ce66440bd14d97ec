import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, sessions } from '../../../db/schema';
import { addUser, authWithClock, setUpAdministrator } from '../../../tests/helpers/auth-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import type { CallName } from '../../contract';
import { dispatch } from '../../transports/dispatch';
import { createHandlers } from '../handlers';
import { listStaff } from '../staff/staff.service';

let t: TempDb;
let clock: ReturnType<typeof authWithClock>;
let call: (name: CallName, input: unknown, token: string) => Promise<unknown>;
beforeEach(() => {
  t = openTempDb();
  clock = authWithClock(t.db);
  const handlers = createHandlers(t.db, { version: 'test', auth: clock.auth });
  const log = { error: vi.fn(), info: vi.fn() };
  // As a transport calls: the session decides who calls and what they may do.
  call = async (name, input, token) => {
    const caller = clock.caller(name, token);
    return caller.ok ? dispatch(handlers, name, input, { ...caller.value, log }) : caller;
  };
});
afterEach(() => t.close());

describe('logins given by an administrator', () => {
  it('need a free login and a first password that follows the rules; the list shows them without secrets', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const maria = (await call('staff.create', { name: 'Maria Lopez', email: 'maria@site.test', phone: '' }, admin)) as { value: { id: number } };
    const staffId = maria.value.id;
    expect(await call('users.setLogin', { staffId, login: 'ADA', roleKey: 'billing', password: 'ledger pass phrase' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The login “ada” belongs to Ada Admin. Choose another.' },
    });
    expect(await call('users.setLogin', { staffId, login: 'maria', roleKey: 'billing' }, admin)).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'Maria Lopez has no password yet: give a first password with the login.' },
    });
    expect(await call('users.setLogin', { staffId, login: 'maria', roleKey: 'billing', password: 'short' }, admin)).toMatchObject({
      error: { message: 'The password must be at least 10 characters long.' },
    });
    expect(await call('users.setLogin', { staffId, login: 'maria', password: 'ledger pass phrase' }, admin)).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'Role key: choose either a built-in role or a custom role.' },
    });
    const given = await call('users.setLogin', { staffId, login: 'Maria', roleKey: 'billing', password: 'ledger pass phrase' }, admin);
    expect(given).toMatchObject({ ok: true, value: { login: 'maria', roleLabel: 'Billing', mustChangePassword: true, loginEnabled: true } });
    const listed = (await call('users.list', {}, admin)) as { value: unknown[] };
    expect(JSON.stringify(listed.value)).not.toMatch(/scrypt|ledger/);
    expect(Object.keys(listStaff(t.db, { includeInactive: true })[0])).not.toContain('passwordHash');
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, 'staff.login_set')).get();
    expect(audit).toMatchObject({ actor: 'Ada Admin', entityId: String(staffId) });
    expect(JSON.parse(audit?.afterJson ?? '{}')).toEqual({ login: 'maria', role: 'Billing', loginEnabled: true, mustChangePassword: true, passwordSet: true });
  });

  it('are refused to anyone without the users permission, naming it', async () => {
    await setUpAdministrator(clock.auth);
    const tech = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    expect(await call('users.list', {}, tech.token)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your role does not allow “Manage users and roles” (users.admin), which users.list needs.' },
    });
  });

  it('never leave the workstation without an administrator who can sign in', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const last = 'That would leave no one who can sign in and manage users. Give another person the Administrator role first.';
    expect(await call('users.setRole', { staffId: 1, roleKey: 'viewer' }, admin)).toMatchObject({ error: { code: 'CONFLICT', message: last } });
    expect(await call('staff.update', { id: 1, name: 'Ada Admin', email: null, phone: '', active: false }, admin)).toMatchObject({ error: { message: last } });
    expect(await call('users.disableLogin', { staffId: 1 }, admin)).toMatchObject({ error: { message: /your own account/ } });
    const second = await addUser(clock.auth, 'Bo Boss', 'bo', 'administrator');
    expect(await call('users.disableLogin', { staffId: 1 }, second.token)).toMatchObject({ ok: true, value: { loginEnabled: false } });
    expect(await call('clients.list', {}, admin)).toMatchObject({ error: { code: 'UNAUTHORIZED', message: /disabled/ } });
    expect(await call('users.enableLogin', { staffId: 1 }, second.token)).toMatchObject({ ok: true, value: { loginEnabled: true } });
  });

  it('end the sessions of a person whose password is reset or login disabled', async () => {
    const admin = await setUpAdministrator(clock.auth);
    const tech = await addUser(clock.auth, 'Tess Tech', 'tess', 'technician');
    const reset = (await call('users.resetPassword', { staffId: tech.staffId }, admin)) as { value: { oneTimePassword: string } };
    expect(reset.value.oneTimePassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(t.db.select({ reason: sessions.endedReason }).from(sessions).where(eq(sessions.staffId, tech.staffId)).all()).toEqual([
      { reason: 'password_reset' },
    ]);
    expect(await call('users.resetPassword', { staffId: 1 }, admin)).toMatchObject({ error: { message: /your own account/ } });
  });

  it('changes the idle lock, audited as a settings change', async () => {
    const admin = await setUpAdministrator(clock.auth);
    expect(await call('users.idleLock.update', { idleLockMinutes: 0 }, admin)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await call('users.idleLock.update', { idleLockMinutes: 30 }, admin)).toEqual({ ok: true, value: { idleLockMinutes: 30 } });
    expect(await call('auth.status', {}, admin)).toMatchObject({ value: { idleLockMinutes: 30 } });
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'settings.updated')).get()).toMatchObject({ afterJson: '{"idleLockMinutes":30}' });
  });
});

describe('custom roles', () => {
  it('grant exactly the permissions they list, checked against the vocabulary', async () => {
    const admin = await setUpAdministrator(clock.auth);
    expect(await call('roles.create', { name: 'Night shift', permissions: ['fleet.view', 'fly.away'] }, admin)).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'Permissions #2: is not a known permission.' },
    });
    expect(await call('roles.create', { name: 'billing', permissions: ['fleet.view'] }, admin)).toMatchObject({ error: { code: 'CONFLICT' } });
    const created = (await call('roles.create', { name: 'Night shift', permissions: ['fleet.view', 'tasks.edit', 'fleet.view'] }, admin)) as {
      value: { id: number; permissions: string[] };
    };
    expect(created.value.permissions).toEqual(['fleet.view', 'tasks.edit']);
    const night = await addUser(clock.auth, 'Nina Night', 'nina', 'viewer');
    expect(await call('users.setRole', { staffId: night.staffId, roleId: created.value.id }, admin)).toMatchObject({ value: { roleLabel: 'Night shift' } });
    expect(await call('tasks.create', {}, night.token)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(await call('miners.massEdit', {}, night.token)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    await call('roles.update', { id: created.value.id, name: 'Night shift', permissions: ['fleet.view'] }, admin);
    expect(await call('tasks.create', {}, night.token)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await call('roles.delete', { id: created.value.id }, admin)).toMatchObject({
      error: { code: 'CONFLICT', message: 'The role “Night shift” is held by Nina Night. Give them another role first.' },
    });
    await call('users.setRole', { staffId: night.staffId, roleKey: 'viewer' }, admin);
    expect(await call('roles.delete', { id: created.value.id }, admin)).toEqual({ ok: true, value: { deleted: created.value.id } });
    expect(await call('roles.list', {}, admin)).toEqual({ ok: true, value: [] });
  });
});
