import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clientGroups, clients } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ClientGroup } from '../../contract/clients.records';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/record-audit';

/** Groups by name, each with how many clients (not archived) it holds. */
export function listClientGroups(db: DbOrTx): ClientGroup[] {
  return db
    .select({ id: clientGroups.id, name: clientGroups.name, description: clientGroups.description, clientCount: count(clients.id) })
    .from(clientGroups)
    .leftJoin(clients, and(eq(clients.groupId, clientGroups.id), isNull(clients.archivedAt)))
    .groupBy(clientGroups.id)
    .orderBy(asc(clientGroups.name))
    .all();
}

export function createClientGroup(db: DbOrTx, input: ParsedInputOf<Contract['clients.groups.create']>, actor: string): ClientGroup {
  return db.transaction((tx) => {
    const taken = tx.select({ id: clientGroups.id }).from(clientGroups).where(eq(clientGroups.name, input.name)).get();
    if (taken)
      throw new AppError('CONFLICT', `A client group named "${input.name}" already exists (#${taken.id}). Choose it, or give the new group another name.`, {
        name: 'is taken',
      });
    const row = tx.insert(clientGroups).values(input).returning().get();
    recordAudit(tx, { actor, action: 'client_group.created', entity: 'client_group', entityId: row.id, after: row });
    return { ...row, clientCount: 0 };
  });
}
