import type { CallName } from '../../electron/contract';
import { procedurePermissions } from '../../electron/contract/procedure-permissions';
import { type Permission, roleDoesNotAllow } from '../../electron/contract/permissions';

/**
 * Whether the signed-in person's role allows something, and if not, the sentence that says which permission is missing.
 * `allowed` is true until `auth.me` answers (screens do not flash disabled at every start, and the server refuses what
 * the role does not allow in any case); `granted` only once it has said so: for deciding whether to ask the server at all.
 */
export type Can = { allowed: boolean; granted: boolean; reason: string | null };

/** `held`: the permissions `auth.me` answered, or null while it has not. */
export function checkPermission(held: ReadonlySet<Permission> | null, permission: Permission): Can {
  const granted = held?.has(permission) ?? false;
  const allowed = held === null || granted;
  return { allowed, granted, reason: allowed ? null : `${roleDoesNotAllow(permission)}.` };
}

/** The same check for the permission a procedure declares in the contract (procedurePermissions, the one table). */
export const checkCall = (held: ReadonlySet<Permission> | null, procedure: CallName): Can => checkPermission(held, procedurePermissions[procedure]);

/** One action that calls several procedures (upload a file, then link it): allowed only if every one is; the first refusal's reason. */
export function checkCalls(held: ReadonlySet<Permission> | null, procedures: readonly CallName[]): Can {
  const checks = procedures.map((procedure) => checkCall(held, procedure));
  const refused = checks.find((check) => !check.allowed);
  return refused ?? { allowed: true, granted: checks.every((check) => check.granted), reason: null };
}
