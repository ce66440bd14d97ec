import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditLog, clients } from '../../db/schema';
import { openTempDb } from '../../tests/helpers/temp-db';
import { type CallContext, type CallName, contract, type Handlers } from '../contract';
import { anonymousPermissions, clientViewerPermissions, grantablePermissions, type Permission } from '../contract/permissions';
import { procedurePermissions } from '../contract/procedure-permissions';
import { type BuiltInRoleKey, builtInRoleKeys, permissionsOfRole } from '../contract/roles';
import { createHandlers } from '../services/handlers';
import { dispatch } from './dispatch';

const callNames = Object.keys(contract) as CallName[];
const log = { error: vi.fn(), info: vi.fn() };
const contextOf = (permissions: ReadonlySet<Permission>): CallContext => ({ actor: 'tester', log, permissions });

/** Handlers that only record that they ran, so every procedure can be walked without a database. */
function recordingHandlers() {
  const ran = new Map<CallName, ReturnType<typeof vi.fn>>();
  for (const name of callNames)
    ran.set(
      name,
      vi.fn(async () => ({ ran: name })),
    );
  return { handlers: Object.fromEntries(ran) as unknown as Handlers, ran };
}

/** Lets any input through the real schema so an allowed call reaches its handler; records whether parsing was tried (schemas are shared, so the record starts empty). */
function acceptAnyInput(name: CallName) {
  const schema = contract[name].input as unknown as { safeParse(data: unknown): unknown };
  const parse = vi.spyOn(schema, 'safeParse').mockImplementation((data: unknown) => ({ success: true, data }));
  parse.mockClear();
  return parse;
}

afterEach(() => vi.restoreAllMocks());

const allowed = (role: BuiltInRoleKey, name: CallName) => permissionsOfRole(role).has(procedurePermissions[name]);

describe('dispatch checks the permission of every procedure for every built-in role', () => {
  for (const role of builtInRoleKeys) {
    it(`${role}: allowed calls reach their handler; refused ones get FORBIDDEN before parsing, and nothing runs`, async () => {
      const { handlers, ran } = recordingHandlers();
      let refusedCount = 0;
      for (const name of callNames) {
        const parse = acceptAnyInput(name);
        const outcome = await dispatch(handlers, name, { probe: true }, contextOf(permissionsOfRole(role)));
        if (allowed(role, name)) {
          expect(outcome, name).toEqual({ ok: true, value: { ran: name } });
          expect(ran.get(name), name).toHaveBeenCalledOnce();
        } else {
          refusedCount += 1;
          expect(outcome, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          expect(ran.get(name), name).not.toHaveBeenCalled();
          expect(parse, name).not.toHaveBeenCalled();
        }
      }
      // Every role is staff: the client view (a client's own viewer's) is the one thing an administrator cannot call.
      const clientView = callNames.filter((name) => procedurePermissions[name] === 'ownClient');
      expect(clientView.length).toBeGreaterThan(0);
      expect(refusedCount).toBe(role === 'administrator' ? clientView.length : callNames.filter((name) => !allowed(role, name)).length);
    });
  }

  it('names the missing permission by its label and the procedure that needed it', async () => {
    const { handlers } = recordingHandlers();
    const outcome = await dispatch(handlers, 'invoices.issue', { id: 1 }, contextOf(permissionsOfRole('technician')));
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your role does not allow “Edit invoices and payments” (billing.edit), which invoices.issue needs.' },
    });
  });

  it('lets a caller who is not signed in call only what is open to anyone, asking to sign in for the rest', async () => {
    const { handlers, ran } = recordingHandlers();
    for (const name of callNames) {
      acceptAnyInput(name);
      const outcome = await dispatch(handlers, name, {}, contextOf(anonymousPermissions));
      if (procedurePermissions[name] === 'anyone') expect(outcome, name).toMatchObject({ ok: true });
      else expect(outcome, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(ran.get(name)!.mock.calls.length, name).toBe(procedurePermissions[name] === 'anyone' ? 1 : 0);
    }
    expect(await dispatch(handlers, 'app.info', {}, contextOf(anonymousPermissions))).toMatchObject({
      error: { message: 'Sign in first: app.info is open to signed-in users only.' },
    });
  });

  it('gives a custom role exactly its listed permissions', async () => {
    const { handlers } = recordingHandlers();
    const clerk = contextOf(permissionsOfRole(['billing.view', 'clients.view']));
    expect(await dispatch(handlers, 'invoices.list', {}, clerk)).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'app.info', {}, clerk)).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'payments.record', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('changes nothing in a real database when a technician tries to add a client', async () => {
    const t = openTempDb();
    try {
      const handlers = createHandlers(t.db, { version: 'test' });
      const outcome = await dispatch(handlers, 'clients.create', { name: 'Northern Hashing Ltd' }, contextOf(permissionsOfRole('technician')));
      expect(outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(t.db.select({ n: count() }).from(clients).get()?.n).toBe(0);
      expect(t.db.select({ n: count() }).from(auditLog).get()?.n).toBe(0);
    } finally {
      t.close();
    }
  });
});

describe("a client's own viewer", () => {
  it('may call the client view and their own account only, never a procedure of the facility', async () => {
    const { handlers } = recordingHandlers();
    for (const name of callNames) {
      acceptAnyInput(name);
      const outcome = await dispatch(handlers, name, {}, contextOf(clientViewerPermissions));
      const open = ['anyone', 'ownAccount', 'ownClient'].includes(procedurePermissions[name]);
      expect(outcome.ok, name).toBe(open);
    }
    const viewerCalls = callNames.filter((name) => clientViewerPermissions.has(procedurePermissions[name]));
    expect(
      viewerCalls.filter((name) => !name.startsWith('portal.') && !name.startsWith('auth.')),
      'only the client view and signing in',
    ).toEqual([]);
  });
});

describe('the role matrix', () => {
  const isView = (permission: Permission) =>
    permission === 'anyone' || permission === 'ownAccount' || permission === 'signedIn' || permission.endsWith('.view');

  it('lets a viewer call only reads, and every read', () => {
    for (const name of callNames) expect(allowed('viewer', name), name).toBe(isView(procedurePermissions[name]));
  });

  it('maps procedures that only read (lists, gets, previews, statuses) to a view level, except user administration', () => {
    const readNames = callNames.filter((name) => /\.(list|get|status|statusHistory|history|preview|series|scans|results|timeline|feed)$/.test(name));
    expect(readNames.length).toBeGreaterThan(40);
    // Seeing the users, their logins and roles is part of administering them: admin-only as a whole.
    for (const name of readNames) expect(isView(procedurePermissions[name]) || procedurePermissions[name] === 'users.admin', name).toBe(true);
  });

  it('uses every grantable permission for at least one procedure', () => {
    const used = new Set(Object.values(procedurePermissions));
    expect(grantablePermissions.filter((permission) => !used.has(permission))).toEqual([]);
  });

  it('keeps each built-in role to its trade', () => {
    const expectations: Record<Exclude<BuiltInRoleKey, 'administrator' | 'viewer'>, { may: CallName[]; mayNot: CallName[] }> = {
      technician: {
        may: [
          'miners.massEdit',
          'discovery.scan',
          'discovery.commit',
          'devices.actions.start',
          'power.readings.import',
          'tasks.create',
          'alerts.acknowledge',
          'clients.list',
        ],
        mayNot: ['invoices.issue', 'payments.record', 'clients.create', 'contracts.activate', 'settings.update', 'staff.create', 'backups.restore'],
      },
      billing: {
        may: ['invoices.generateBatch', 'invoices.issue', 'payments.record', 'payments.refund', 'reports.exports', 'clients.get', 'contracts.list'],
        mayNot: ['clients.update', 'contracts.create', 'miners.massEdit', 'devices.actions.start', 'discovery.scan', 'settings.update'],
      },
      manager: {
        may: ['clients.create', 'clients.merge', 'contracts.activate', 'invoices.list', 'reports.monthlyConsumption', 'miners.list', 'announcements.send'],
        mayNot: ['invoices.issue', 'payments.record', 'miners.update', 'devices.actions.start', 'staff.update', 'backups.create'],
      },
    };
    for (const [role, { may, mayNot }] of Object.entries(expectations) as [BuiltInRoleKey, { may: CallName[]; mayNot: CallName[] }][]) {
      for (const name of may) expect(allowed(role, name), `${role} may ${name}`).toBe(true);
      for (const name of mayNot) expect(allowed(role, name), `${role} may not ${name}`).toBe(false);
    }
    expect(callNames.filter((name) => !allowed('administrator', name)).every((name) => procedurePermissions[name] === 'ownClient')).toBe(true);
    expect(procedurePermissions['staff.create']).toBe('users.admin');
    expect(builtInRoleKeys.filter((role) => permissionsOfRole(role).has('users.admin'))).toEqual(['administrator']);
  });
});
