import { asc, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { settings, staff } from '../../../db/schema';
import type { CallContext, Contract } from '../../contract';
import type { PasswordReset, UserAccount } from '../../contract/auth';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';
import { readSettingsRow } from '../settings/settings.service';
import { accountsExist, assertAnAdministratorRemains, assertLoginFree, checkedRole, requireStaff, roleLabelOf, type StaffRow } from './auth.accounts';
import { accountView } from './auth.audit-view';
import { isLocked } from './auth.lockout';
import { assertPasswordAcceptable, hashPassword, oneTimePassword } from './auth.password';
import type { AuthService } from './auth.service';
import { endSessionsOf } from './auth.sessions';

/** Who asks for an account change: their name for the audit, and their staff id (null: the local operator of a workstation without accounts). */
export type Administrator = { actor: string; staffId: number | null };

/** The administrator behind a call: its actor and the staff id of its session. */
export const administratorOf = (ctx: CallContext): Administrator => ({ actor: ctx.actor, staffId: ctx.origin?.session?.staffId ?? null });

function toUserAccount(db: DbOrTx, row: StaffRow, now: Date): UserAccount {
  return {
    staffId: row.id,
    name: row.name,
    email: row.email,
    active: row.active,
    login: row.login,
    roleKey: row.roleKey,
    roleId: row.roleId,
    roleLabel: roleLabelOf(db, row),
    loginEnabled: row.loginDisabledAt === null,
    mustChangePassword: row.mustChangePassword,
    failedSignIns: row.failedSignIns,
    lockedUntil: isLocked(row.lockedUntil, now) ? row.lockedUntil : null,
    lastSignInAt: row.lastSignInAt,
    passwordChangedAt: row.passwordChangedAt,
  };
}

/** Every staff member, active first then by name, with their login and role if they have one (clients' viewers are on their clients' pages). */
export function listUsers(auth: AuthService): UserAccount[] {
  const now = auth.now();
  return auth.db
    .select()
    .from(staff)
    .where(isNull(staff.clientId))
    .orderBy(desc(staff.active), asc(staff.name))
    .all()
    .map((row) => toUserAccount(auth.db, row, now));
}

/** A client's viewer has the client view, never a role of the facility's. */
function refuseClientViewer(row: StaffRow): void {
  if (row.clientId !== null)
    throw new AppError('CONFLICT', `${row.name} is a viewer of a client: their login opens that client's view only and takes no role.`);
}

function requireLogin(row: StaffRow): StaffRow & { login: string } {
  if (row.login === null) throw new AppError('CONFLICT', `${row.name} has no login yet. Give them a login first.`);
  return row as StaffRow & { login: string };
}

function refuseOwn(row: StaffRow, by: Administrator, instead: string): void {
  if (by.staffId === row.id) throw new AppError('CONFLICT', `That is your own account. ${instead}`);
}

/** Applies one account change in a transaction: the update, the sessions it ends, the administrator check, the audit row. */
function changeAccount(
  auth: AuthService,
  staffId: number,
  by: Administrator,
  change: { set: Partial<StaffRow>; action: string; endSessions?: Parameters<typeof endSessionsOf>[2]; note?: Record<string, unknown> },
): UserAccount {
  const now = auth.now();
  return auth.db.transaction((tx) => {
    const before = requireStaff(tx, staffId);
    const after = tx
      .update(staff)
      .set({ ...change.set, updatedAt: now.toISOString() })
      .where(eq(staff.id, staffId))
      .returning()
      .get();
    if (change.endSessions) endSessionsOf(tx, staffId, change.endSessions, now);
    assertAnAdministratorRemains(tx);
    recordAudit(tx, {
      actor: by.actor,
      action: change.action,
      entity: 'staff',
      entityId: staffId,
      before: accountView(tx, before),
      after: { ...accountView(tx, after), ...change.note },
    });
    return toUserAccount(tx, after, now);
  });
}

/** Gives a staff member a login and a role (and a password, needed for a first login), or renames their login. */
export async function setLogin(auth: AuthService, input: ParsedInputOf<Contract['users.setLogin']>, by: Administrator): Promise<UserAccount> {
  const row = requireStaff(auth.db, input.staffId);
  refuseClientViewer(row);
  if (!accountsExist(auth.db)) throw new AppError('CONFLICT', 'No one has a login yet. Create the administrator first, then give others their logins.');
  if (!row.active) throw new AppError('CONFLICT', `${row.name} is inactive. Make them active (Settings › Staff) before giving them a login.`);
  assertLoginFree(auth.db, input.login, row.id);
  if (input.password === undefined && row.passwordHash === null)
    throw new AppError('INVALID_INPUT', `${row.name} has no password yet: give a first password with the login.`, {
      password: 'is required for a first login',
    });
  if (input.password !== undefined) assertPasswordAcceptable(input.password, input.login, 'password');
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const role = checkedRole(auth.db, input);
  const renamed = row.login !== null && row.login !== input.login;
  const at = auth.now().toISOString();
  return changeAccount(auth, row.id, by, {
    set: {
      login: input.login,
      ...role,
      ...(passwordHash ? { passwordHash, mustChangePassword: input.mustChangePassword, passwordChangedAt: at, failedSignIns: 0, lockedUntil: null } : {}),
    },
    action: 'staff.login_set',
    endSessions: passwordHash ? 'password_reset' : renamed ? 'login_changed' : undefined,
    note: passwordHash ? { passwordSet: true } : undefined,
  });
}

/** A one-time password (shown once) that its owner must change at their next sign-in; their sessions end. */
export async function resetPassword(auth: AuthService, staffId: number, by: Administrator): Promise<PasswordReset> {
  const row = requireLogin(requireStaff(auth.db, staffId));
  refuseOwn(row, by, 'Change your own password from the user menu instead.');
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const user = changeAccount(auth, row.id, by, {
    set: { passwordHash, mustChangePassword: true, passwordChangedAt: auth.now().toISOString(), failedSignIns: 0, lockedUntil: null },
    action: 'staff.password_reset',
    endSessions: 'password_reset',
  });
  return { user, oneTimePassword: password };
}

export function setRole(auth: AuthService, input: ParsedInputOf<Contract['users.setRole']>, by: Administrator): UserAccount {
  const row = requireLogin(requireStaff(auth.db, input.staffId));
  refuseClientViewer(row);
  return changeAccount(auth, input.staffId, by, { set: checkedRole(auth.db, input), action: 'staff.role_changed' });
}

/** The login is kept but refused, and the person's sessions end at once. */
export function disableLogin(auth: AuthService, staffId: number, by: Administrator): UserAccount {
  const row = requireLogin(requireStaff(auth.db, staffId));
  refuseOwn(row, by, 'Ask another administrator to disable it.');
  if (row.loginDisabledAt !== null) return toUserAccount(auth.db, row, auth.now());
  return changeAccount(auth, staffId, by, {
    set: { loginDisabledAt: auth.now().toISOString() },
    action: 'staff.login_disabled',
    endSessions: 'login_disabled',
  });
}

export function enableLogin(auth: AuthService, staffId: number, by: Administrator): UserAccount {
  const row = requireLogin(requireStaff(auth.db, staffId));
  if (row.loginDisabledAt === null) return toUserAccount(auth.db, row, auth.now());
  return changeAccount(auth, staffId, by, { set: { loginDisabledAt: null, failedSignIns: 0, lockedUntil: null }, action: 'staff.login_enabled' });
}

/** Minutes without activity after which a session locks; kept with the organisation settings, audited like them. */
export function setIdleLock(auth: AuthService, idleLockMinutes: number, by: Administrator): { idleLockMinutes: number } {
  return auth.db.transaction((tx) => writeIdleLock(tx, idleLockMinutes, by.actor, auth.now()));
}

/** Writes the idle-lock minutes inside the caller's transaction, with its audit row (also used by a settings import). */
export function writeIdleLock(tx: DbOrTx, idleLockMinutes: number, actor: string, at: Date): { idleLockMinutes: number } {
  const before = readSettingsRow(tx);
  const updatedAt = at.toISOString();
  tx.insert(settings)
    .values({ ...before, idleLockMinutes, updatedAt })
    .onConflictDoUpdate({ target: settings.id, set: { idleLockMinutes, updatedAt } })
    .run();
  recordAudit(tx, {
    actor,
    action: 'settings.updated',
    entity: 'settings',
    entityId: before.id,
    before: { idleLockMinutes: before.idleLockMinutes },
    after: { idleLockMinutes },
  });
  return { idleLockMinutes };
}
