import { and, asc, count, desc, eq, getTableColumns, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clients, staff } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { StaffMember } from '../../contract/staff';
import { recordAudit } from '../audit/record-audit';
import { requireById } from '../require-row';

type StaffRow = typeof staff.$inferSelect;
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
  return db
    .select({ ...getTableColumns(staff), clientCount: count(clients.id) })
    .from(staff)
    .leftJoin(clients, and(eq(clients.managerId, staff.id), isNull(clients.archivedAt)))
    .where(input.includeInactive ? undefined : eq(staff.active, true))
    .groupBy(staff.id)
    .orderBy(desc(staff.active), asc(staff.name))
    .all();
}

function assertEmailFree(db: DbOrTx, email: string | null, exceptId: number | null): void {
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
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'staff.created', entity: 'staff', entityId: row.id, after: row });
    return toMember(tx, row);
  });
}

/** Replaces every field. A person who leaves is set inactive, never deleted: their clients keep showing them. */
export function updateStaff(db: DbOrTx, input: ParsedInputOf<Contract['staff.update']>, actor: string): StaffMember {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const before = requireById(tx, staff, id, 'Staff member', 'Refresh the list and try again.');
    assertEmailFree(tx, fields.email, id);
    const after = tx
      .update(staff)
      .set({ ...fields, updatedAt: new Date().toISOString() })
      .where(eq(staff.id, id))
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'staff.updated', entity: 'staff', entityId: id, before, after });
    return toMember(tx, after);
  });
}
