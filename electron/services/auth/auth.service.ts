import type { Db, DbOrTx } from '../../../db/open-db';
import type { AuthStatus, CallOrigin, Me } from '../../contract/auth';
import { anonymousPermissions, type Permission } from '../../contract/permissions';
import { permissionsOfRole } from '../../contract/roles';
import { readSettingsRow } from '../settings/settings.service';
import { accountsExist, permissionsOfStaff, requireStaff, signedInUserOf, type StaffRow } from './auth.accounts';
import { addressThrottle, type AddressThrottle, type ThrottlePolicy } from './auth.address-throttle';
import { unknownLoginFailures } from './auth.lockout';

/**
 * Accounts, sign-in and sessions over one database, with a clock tests can move; failed sign-ins and unknown API tokens
 * are also counted per client address (in memory) to pause an address that tries too many.
 */
export type AuthService = {
  db: Db;
  now: () => Date;
  unknownLogins: ReturnType<typeof unknownLoginFailures>;
  signInThrottle: AddressThrottle;
  apiTokenThrottle: AddressThrottle;
};

/** `throttle` sets the numbers of the per-address pause (tests use small ones); the default is addressThrottlePolicy. */
export function createAuth(db: Db, options: { now?: () => Date; throttle?: ThrottlePolicy } = {}): AuthService {
  const now = options.now ?? (() => new Date());
  const throttle = () => addressThrottle(now, options.throttle);
  return { db, now, unknownLogins: unknownLoginFailures(), signInThrottle: throttle(), apiTokenThrottle: throttle() };
}

/** The local operator of a workstation without accounts may do everything, as before accounts existed. */
export const workstationPermissions = (): ReadonlySet<Permission> => permissionsOfRole('administrator');

/**
 * What a caller may do: a signed-in person their role's permissions (only the open levels while they must change a
 * one-time password); nobody signed in, everything on a workstation without accounts and only signing in otherwise.
 */
export function effectivePermissions(db: DbOrTx, person: StaffRow | null): ReadonlySet<Permission> {
  if (person) return permissionsOfStaff(db, person);
  return accountsExist(db) ? anonymousPermissions : workstationPermissions();
}

/** The status for a signed-in person (or nobody), as auth.status and the sign-in answers report it. */
export function statusFor(db: DbOrTx, person: StaffRow | null, sessionNotice: string | null): AuthStatus {
  return {
    accountsExist: accountsExist(db),
    signedIn: person !== null,
    user: person ? signedInUserOf(db, person) : null,
    mustChangePassword: person?.mustChangePassword ?? false,
    permissions: [...effectivePermissions(db, person)],
    idleLockMinutes: readSettingsRow(db).idleLockMinutes,
    sessionNotice,
  };
}

/** The staff member a call acts as: its session's, or its personal API token's; null without either. */
export const staffIdBehind = (origin: CallOrigin | undefined): number | null => origin?.session?.staffId ?? origin?.apiToken?.staffId ?? null;

const personBehind = (db: DbOrTx, origin: CallOrigin | undefined): StaffRow | null => {
  const staffId = staffIdBehind(origin);
  return staffId === null ? null : requireStaff(db, staffId);
};

export const authStatus = (auth: AuthService, origin: CallOrigin | undefined): AuthStatus =>
  statusFor(auth.db, personBehind(auth.db, origin), origin?.sessionNotice ?? null);

export function me(auth: AuthService, origin: CallOrigin | undefined): Me {
  const { user, permissions } = authStatus(auth, origin);
  return { user, permissions };
}
