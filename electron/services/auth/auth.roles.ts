import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { roles, staff } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { CustomRole } from '../../contract/auth';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { builtInRoles } from '../../contract/roles';
import { recordAudit } from '../audit/record-audit';
import { requireById } from '../require-row';
import { assertAnAdministratorRemains, permissionsOfRoleRow } from './auth.accounts';
import type { Administrator } from './auth.users';

type RoleRow = typeof roles.$inferSelect;
type RoleFields = ParsedInputOf<Contract['roles.create']>;

const holdersOf = (db: DbOrTx, roleId: number): string[] =>
  db
    .select({ name: staff.name })
    .from(staff)
    .where(eq(staff.roleId, roleId))
    .orderBy(asc(staff.name))
    .all()
    .map((row) => row.name);

function toCustomRole(db: DbOrTx, row: RoleRow): CustomRole {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    permissions: permissionsOfRoleRow(row),
    onlyManagedClients: row.onlyManagedClients,
    userCount: holdersOf(db, row.id).length,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const auditView = (row: RoleRow) => ({
  name: row.name,
  description: row.description,
  permissions: permissionsOfRoleRow(row),
  onlyManagedClients: row.onlyManagedClients,
});

const storedFields = (input: RoleFields) => ({
  name: input.name,
  description: input.description,
  permissionsJson: JSON.stringify(input.permissions),
  onlyManagedClients: input.onlyManagedClients,
});

const requireRole = (db: DbOrTx, id: number): RoleRow => requireById(db, roles, id, 'Role', 'Reload the roles and try again.');

/** A custom role may not take a built-in role's name, nor another custom role's (whatever the capitals). */
function assertNameFree(db: DbOrTx, name: string, exceptId: number | null): void {
  const builtIn = Object.values(builtInRoles).some((role) => role.label.toLowerCase() === name.toLowerCase());
  const other = db
    .select({ id: roles.id })
    .from(roles)
    .where(sql`lower(${roles.name}) = ${name.toLowerCase()}`)
    .all()
    .some((row) => row.id !== exceptId);
  if (builtIn || other) throw new AppError('CONFLICT', `A role named “${name}” already exists. Choose another name.`, { name: 'is taken' });
}

export function listRoles(db: DbOrTx): CustomRole[] {
  return db
    .select()
    .from(roles)
    .orderBy(asc(roles.name))
    .all()
    .map((row) => toCustomRole(db, row));
}

export function createRole(db: DbOrTx, input: RoleFields, by: Administrator): CustomRole {
  return db.transaction((tx) => {
    assertNameFree(tx, input.name, null);
    const now = new Date().toISOString();
    const row = tx
      .insert(roles)
      .values({ ...storedFields(input), createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, { actor: by.actor, action: 'role.created', entity: 'role', entityId: row.id, after: auditView(row) });
    return toCustomRole(tx, row);
  });
}

/** Replaces every field; the people holding the role get its new permissions at their next call. */
export function updateRole(db: DbOrTx, input: ParsedInputOf<Contract['roles.update']>, by: Administrator): CustomRole {
  return db.transaction((tx) => {
    const before = requireRole(tx, input.id);
    assertNameFree(tx, input.name, input.id);
    const after = tx
      .update(roles)
      .set({ ...storedFields(input), updatedAt: new Date().toISOString() })
      .where(eq(roles.id, input.id))
      .returning()
      .get();
    assertAnAdministratorRemains(tx);
    recordAudit(tx, { actor: by.actor, action: 'role.updated', entity: 'role', entityId: input.id, before: auditView(before), after: auditView(after) });
    return toCustomRole(tx, after);
  });
}

/** Only a role nobody holds may go: give its holders another role first. */
export function deleteRole(db: DbOrTx, id: number, by: Administrator): { deleted: number } {
  return db.transaction((tx) => {
    const row = requireRole(tx, id);
    const holders = holdersOf(tx, id);
    if (holders.length > 0) {
      const names = holders.length > 3 ? `${holders.slice(0, 3).join(', ')} and ${holders.length - 3} more` : holders.join(', ');
      throw new AppError('CONFLICT', `The role “${row.name}” is held by ${names}. Give ${holders.length === 1 ? 'them' : 'each of them'} another role first.`);
    }
    tx.delete(roles).where(eq(roles.id, id)).run();
    recordAudit(tx, { actor: by.actor, action: 'role.deleted', entity: 'role', entityId: id, before: auditView(row) });
    return { deleted: id };
  });
}
