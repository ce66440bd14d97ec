import { and, asc, count, desc, eq, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clients, staff } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { StaffMember } from '../../contract/staff';
import { recordAudit } from '../audit/record-audit';
import { assertAnAdministratorRemains } from '../auth/auth.accounts';
import { requireFound } from '../require-row';

/** The person's own fields: their login, role and password hash belong to the accounts service and never leave it. */
const staffColumns = {
  id: staff.id,
  name: staff.name,
  email: staff.email,
  phone: staff.phone,
  active: staff.active,
  createdAt: staff.createdAt,
  updatedAt: staff.updatedAt,
};
type StaffRow = Pick<typeof staff.$inferSelect, keyof typeof staffColumns>;
type StaffFields = Omit<ParsedInputOf<Contract['staff.update']>, 'id'>;

const clientCount = (db: DbOrTx, id: number): number =>
  db
    .select({ n: count() })
    .from(clients)
    .where(and(eq(clients.managerId, id), isNull(clients.archivedAt)))
    .get()?.n ?? 0;

const toMember = (db: DbOrTx, row: StaffRow): StaffMember => ({ ...row, clientCount: clientCount(db, row.id) });

/** Active people first, then by name, each with the number of clients they manage. */
export function listStaff(db: DbOrTx, input: ParsedInputOf<Contract['staff.list']>): StaffMember[] {
  return (
    db
      .select({ ...staffColumns, clientCount: count(clients.id) })
      .from(staff)
      .leftJoin(clients, and(eq(clients.managerId, staff.id), isNull(clients.archivedAt)))
      // The facility's people only: a client's viewers belong to their client.
      .where(and(isNull(staff.clientId), input.includeInactive ? undefined : eq(staff.active, true)))
      .groupBy(staff.id)
      .orderBy(desc(staff.active), asc(staff.name))
      .all()
  );
}

/** Refuses an e-mail another person (staff or a client's viewer, not `exceptId`) already has: each needs their own. */
export function assertEmailFree(db: DbOrTx, email: string | null, exceptId: number | null): void {
  if (email === null) return;
  const other = db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(exceptId === null ? eq(staff.email, email) : and(eq(staff.email, email), ne(staff.id, exceptId)))
    .get();
  if (other)
    throw new AppError('CONFLICT', `${other.name} (staff #${other.id}) already uses ${email}. Each staff member needs their own e-mail.`, {
      email: 'is taken',
    });
}

export function createStaff(db: DbOrTx, input: StaffFields, actor: string): StaffMember {
  return db.transaction((tx) => {
    assertEmailFree(tx, input.email, null);
    const now = new Date().toISOString();
    const row = tx
      .insert(staff)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning(staffColumns)
      .get();
    recordAudit(tx, { actor, action: 'staff.created', entity: 'staff', entityId: row.id, after: row });
    return toMember(tx, row);
  });
}

/** Replaces every field. A person who leaves is set inactive, never deleted: their clients keep showing them; they can no longer sign in. */
export function updateStaff(db: DbOrTx, input: ParsedInputOf<Contract['staff.update']>, actor: string): StaffMember {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const before = requireFound(tx.select(staffColumns).from(staff).where(eq(staff.id, id)).get(), 'Staff member', id, 'Refresh the list and try again.');
    assertEmailFree(tx, fields.email, id);
    const after = tx
      .update(staff)
      .set({ ...fields, updatedAt: new Date().toISOString() })
      .where(eq(staff.id, id))
      .returning(staffColumns)
      .get();
    if (!after.active) assertAnAdministratorRemains(tx);
    recordAudit(tx, { actor, action: 'staff.updated', entity: 'staff', entityId: id, before, after });
    return toMember(tx, after);
  });
}
