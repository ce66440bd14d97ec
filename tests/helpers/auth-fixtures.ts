import type { Db } from '../../db/open-db';
import type { CallName } from '../../electron/contract';
import type { BuiltInRoleKey } from '../../electron/contract/roles';
import type { ThrottlePolicy } from '../../electron/services/auth/auth.address-throttle';
import { createAuth, type AuthService } from '../../electron/services/auth/auth.service';
import { callerOf } from '../../electron/services/auth/auth.gate';
import { setupAdministrator, signIn } from '../../electron/services/auth/auth.signin';
import { setLogin } from '../../electron/services/auth/auth.users';
import { createStaff } from '../../electron/services/staff/staff.service';

export const fromTests = { userAgent: 'vitest', address: '127.0.0.1' };

/** Accounts on a database with a clock the test moves by hand (and, given `throttle`, other numbers for the pause per address). */
export function authWithClock(db: Db, start = '2026-12-04T10:00:00.000Z', throttle?: ThrottlePolicy) {
  let now = new Date(start);
  const auth: AuthService = createAuth(db, { now: () => now, throttle });
  return {
    auth,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    caller: (name: CallName, token: string | null) => callerOf(auth, name, token, fromTests, 'local operator'),
  };
}

export const adminPassword = 'correct horse battery';

/** The first administrator, signed in: their session token. */
export async function setUpAdministrator(auth: AuthService, name = 'Ada Admin', login = 'ada'): Promise<string> {
  return (await setupAdministrator(auth, { name, login, password: adminPassword }, fromTests)).token;
}

/** A staff member with a login and a built-in role, signed in (no password change asked): their id and session token. */
export async function addUser(auth: AuthService, name: string, login: string, roleKey: BuiltInRoleKey, password = `${roleKey} pass phrase`) {
  const member = createStaff(auth.db, { name, email: null, phone: '', active: true }, 'Ada Admin');
  await setLogin(auth, { staffId: member.id, login, roleKey, password, mustChangePassword: false }, { actor: 'Ada Admin', staffId: null });
  const { token } = await signIn(auth, { login, password }, fromTests);
  return { staffId: member.id, token, password };
}
