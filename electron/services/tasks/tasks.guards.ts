import { eq } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import { inChunks } from '../../../db/chunks';
import type { DbOrTx } from '../../../db/open-db';
import { clients, miners, staff, tasks } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { clientLabel } from '../clients/clients.guards';
import { requireById } from '../require-row';

export type TaskRow = typeof tasks.$inferSelect;
export type LinkedMiner = { id: number; assetId: string; clientId: number | null };

const taskNotFoundHint = 'It may have been removed; refresh the task list.';
export const taskNotFound = (id: number) => new AppError('NOT_FOUND', `Task #${id} was not found. ${taskNotFoundHint}`);

export function requireTask(db: DbOrTx, id: number): TaskRow {
  return requireById(db, tasks, id, 'Task', taskNotFoundHint);
}

/** The person a task is assigned to: active staff, unless the task already had them (people who leave keep their old tasks). */
export function requireAssignee(db: DbOrTx, id: number, currentId: number | null = null): void {
  const person = db.select({ name: staff.name, active: staff.active }).from(staff).where(eq(staff.id, id)).get();
  if (!person) throw new AppError('INVALID_INPUT', `Staff member #${id} was not found. Choose the assignee from the list.`, { assigneeId: 'was not found' });
  if (!person.active && id !== currentId)
    throw new AppError('INVALID_INPUT', `${person.name} is no longer active staff. Assign the task to an active person.`, {
      assigneeId: 'is not active',
    });
}

/** The client a task is about: archived clients are a closed record and take no new tasks. */
export function requireTaskClient(db: DbOrTx, id: number): void {
  const client = db.select({ id: clients.id, name: clients.name, archivedAt: clients.archivedAt }).from(clients).where(eq(clients.id, id)).get();
  if (!client) throw new AppError('INVALID_INPUT', `Client #${id} was not found. Choose the client from the list.`, { clientId: 'was not found' });
  if (client.archivedAt)
    throw new AppError('INVALID_INPUT', `${clientLabel(client)} is archived, so no task can be linked to it. Choose a current client.`, {
      clientId: 'is archived',
    });
}

/** The listed miners; the whole change fails, naming them, when any does not exist. */
export function requireMiners(db: DbOrTx, ids: readonly number[], consequence: string): LinkedMiner[] {
  const unique = [...new Set(ids)];
  const rows = inChunks(unique, 5_000).flatMap((chunk) =>
    db.select({ id: miners.id, assetId: miners.assetId, clientId: miners.clientId }).from(miners).where(inIds(miners.id, chunk)).all(),
  );
  if (rows.length < unique.length) {
    const found = new Set(rows.map((row) => row.id));
    const missing = unique.filter((id) => !found.has(id));
    const named = missing.slice(0, 10).map((id) => `#${id}`);
    const more = missing.length > 10 ? ` and ${missing.length - 10} more` : '';
    const one = missing.length === 1;
    throw new AppError(
      'NOT_FOUND',
      `${one ? 'Miner' : 'Miners'} ${named.join(', ')}${more} ${one ? 'does' : 'do'} not exist, so ${consequence}. Refresh the miners list and try again.`,
      { minerIds: one ? 'a miner was not found' : 'some miners were not found' },
    );
  }
  return rows;
}

/** The miners of a link change in an audit row: their asset IDs as one text (the log shows its start) and their number. */
export const minersForAudit = (linked: readonly LinkedMiner[]) => ({
  miners: linked
    .map((miner) => miner.assetId)
    .sort()
    .join(', '),
  minerCount: linked.length,
});
