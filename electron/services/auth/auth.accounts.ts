import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clients, roles, staff } from '../../../db/schema';
import type { SignedInUser } from '../../contract/auth';
import { AppError } from '../../contract/errors';
import {
  clientViewerChangingPassword,
  clientViewerPermissions,
  type GrantablePermission,
  grantablePermissionInfo,
  type Permission,
  signedInPermissions,
} from '../../contract/permissions';
import { builtInRoles, permissionsOfRole } from '../../contract/roles';
import { clientScopeOfStaff } from '../client-scope/client-scope';
import { requireById } from '../require-row';

export type StaffRow = typeof staff.$inferSelect;
type RoleRow = typeof roles.$inferSelect;

/** A custom role's permissions as stored, keeping only names the vocabulary still has (one may be retired later). */
export const permissionsOfRoleRow = (row: Pick<RoleRow, 'permissionsJson'>): GrantablePermission[] =>
  (JSON.parse(row.permissionsJson) as string[]).filter((name): name is GrantablePermission => Object.hasOwn(grantablePermissionInfo, name));

/** Once any staff member has a login, every call but signing in needs a session. */
export function accountsExist(db: DbOrTx): boolean {
  return db.select({ id: staff.id }).from(staff).where(isNotNull(staff.login)).limit(1).get() !== undefined;
}

export const requireStaff = (db: DbOrTx, staffId: number): StaffRow => requireById(db, staff, staffId, 'Staff member', 'Reload the list and try again.');

const customRole = (db: DbOrTx, roleId: number | null): RoleRow | undefined =>
  roleId === null ? undefined : db.select().from(roles).where(eq(roles.id, roleId)).get();

/** "Billing", or a custom role's name; null when the person has no role. */
export function roleLabelOf(db: DbOrTx, row: Pick<StaffRow, 'roleKey' | 'roleId'>): string | null {
  if (row.roleKey) return builtInRoles[row.roleKey].label;
  return customRole(db, row.roleId)?.name ?? null;
}

/**
 * What this person may do when signed in: a client's viewer their client's view; staff their role's permissions (none
 * but the open levels without a role). While a one-time password must be replaced, only the open levels.
 */
export function permissionsOfStaff(db: DbOrTx, row: Pick<StaffRow, 'roleKey' | 'roleId' | 'clientId' | 'mustChangePassword'>): ReadonlySet<Permission> {
  if (row.clientId !== null) return row.mustChangePassword ? clientViewerChangingPassword : clientViewerPermissions;
  if (row.mustChangePassword) return signedInPermissions([]);
  if (row.roleKey) return permissionsOfRole(row.roleKey);
  const role = customRole(db, row.roleId);
  return permissionsOfRole(role ? permissionsOfRoleRow(role) : []);
}

/** The client a client's viewer belongs to; null for the facility's staff. */
function clientOfViewer(db: DbOrTx, row: Pick<StaffRow, 'clientId'>): SignedInUser['client'] {
  if (row.clientId === null) return null;
  return db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.id, row.clientId)).get() ?? null;
}

export function signedInUserOf(db: DbOrTx, row: StaffRow): SignedInUser {
  const client = clientOfViewer(db, row);
  const roleLabel = client ? 'Client viewer' : (roleLabelOf(db, row) ?? 'No role');
  const managedClientsOf = clientScopeOfStaff(db, row)?.managerId ?? null;
  return { id: row.id, name: row.name, login: row.login ?? '', roleKey: row.roleKey, roleId: row.roleId, roleLabel, client, managedClientsOf };
}

/** Refuses a login someone else (not `exceptId`) already has, naming them. */
export function assertLoginFree(db: DbOrTx, login: string, exceptId: number | null): void {
  const holder = db
    .select({ name: staff.name })
    .from(staff)
    .where(exceptId === null ? eq(staff.login, login) : and(eq(staff.login, login), ne(staff.id, exceptId)))
    .get();
  if (holder) throw new AppError('CONFLICT', `The login “${login}” belongs to ${holder.name}. Choose another.`, { login: 'is taken' });
}

/** May sign in: active, with a login that is not disabled and a password. */
export const canSignIn = (row: StaffRow): boolean => row.active && row.login !== null && row.loginDisabledAt === null && row.passwordHash !== null;

/** The role a staff member is given, checked: a built-in key, or a custom role that exists. */
export function checkedRole(db: DbOrTx, choice: { roleKey?: StaffRow['roleKey']; roleId?: number }): Pick<StaffRow, 'roleKey' | 'roleId'> {
  if (choice.roleKey) return { roleKey: choice.roleKey, roleId: null };
  const role = customRole(db, choice.roleId ?? null);
  if (!role) throw new AppError('NOT_FOUND', `Role #${String(choice.roleId)} was not found. Reload the roles and choose again.`, { roleId: 'was not found' });
  return { roleKey: null, roleId: role.id };
}

/**
 * Refuses a change that would leave nobody able to manage users (call after the change, inside its transaction):
 * without an administrator who can sign in, no one could ever change a role or reset a password again.
 */
export function assertAnAdministratorRemains(tx: DbOrTx): void {
  if (!accountsExist(tx)) return;
  const admins = tx
    .select({ id: staff.id })
    .from(staff)
    .where(
      and(eq(staff.active, true), isNotNull(staff.login), isNotNull(staff.passwordHash), isNull(staff.loginDisabledAt), eq(staff.roleKey, 'administrator')),
    )
    .limit(1)
    .get();
  if (admins) return;
  const customAdminRoles = tx
    .select({ id: roles.id, permissionsJson: roles.permissionsJson })
    .from(roles)
    .all()
    .filter((role) => permissionsOfRoleRow(role).includes('users.admin'))
    .map((role) => role.id);
  const customAdmin =
    customAdminRoles.length > 0 &&
    tx
      .select({ id: staff.id })
      .from(staff)
      .where(
        and(
          eq(staff.active, true),
          isNotNull(staff.login),
          isNotNull(staff.passwordHash),
          isNull(staff.loginDisabledAt),
          inArray(staff.roleId, customAdminRoles),
        ),
      )
      .limit(1)
      .get();
  if (!customAdmin)
    throw new AppError('CONFLICT', 'That would leave no one who can sign in and manage users. Give another person the Administrator role first.');
}
