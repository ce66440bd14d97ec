import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { taskComments, tasks } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { MinerFilters } from '../../contract/miners.list';
import { isClosedTaskStatus, type TaskComment, type TaskPriority, type TaskStatus, type TaskType } from '../../contract/tasks';
import { recordAudit } from '../audit/record-audit';
import { matchingMinerIds } from '../miners/miners.list';
import { minersForAudit, requireAssignee, requireMiners, requireTask, requireTaskClient, type LinkedMiner, type TaskRow } from './tasks.guards';
import { linkMiners } from './tasks.miners';

export type NewTask = {
  title: string;
  type: TaskType;
  status?: TaskStatus;
  priority?: TaskPriority;
  assigneeId?: number | null;
  dueDate?: string | null;
  clientId?: number | null;
  description?: string;
  minerIds?: readonly number[];
  /** "Create a task for all N matching" on the Miners page. */
  minerFilter?: MinerFilters;
};

/** When a task was closed: set on becoming done or cancelled, kept while it stays closed, cleared when it is reopened. */
function closedAtFor(status: TaskStatus, before: Pick<TaskRow, 'status' | 'closedAt'> | null, at: string): string | null {
  if (!isClosedTaskStatus(status)) return null;
  return before && isClosedTaskStatus(before.status) ? before.closedAt : at;
}

/** The one client all linked miners belong to, if they share one. */
function commonClientId(linked: readonly LinkedMiner[]): number | null {
  const owners = new Set(linked.map((miner) => miner.clientId));
  return owners.size === 1 ? [...owners][0] : null;
}

function linkedMinersOf(tx: DbOrTx, input: NewTask): LinkedMiner[] {
  if (input.minerFilter) {
    const ids = matchingMinerIds(tx, input.minerFilter);
    if (ids.length === 0) throw new AppError('NOT_FOUND', 'No miner matches the filter, so no task was created. Clear a filter and try again.');
    return requireMiners(tx, ids, 'no task was created');
  }
  return input.minerIds?.length ? requireMiners(tx, input.minerIds, 'no task was created') : [];
}

/**
 * Opens a work order with its miners in one transaction. Without a client, a task whose miners all
 * belong to one client is linked to that client, so it shows on the client's tasks bar.
 */
export function createTask(db: DbOrTx, input: NewTask, actor: string): TaskRow {
  return db.transaction((tx) => {
    if (input.assigneeId) requireAssignee(tx, input.assigneeId);
    if (input.clientId) requireTaskClient(tx, input.clientId);
    const linked = linkedMinersOf(tx, input);
    const clientId = input.clientId ?? commonClientId(linked);
    const now = new Date().toISOString();
    const status = input.status ?? 'open';
    const row = tx
      .insert(tasks)
      .values({
        title: input.title,
        type: input.type,
        status,
        priority: input.priority ?? 'normal',
        assigneeId: input.assigneeId ?? null,
        dueDate: input.dueDate ?? null,
        clientId,
        description: input.description ?? '',
        createdBy: actor,
        closedAt: closedAtFor(status, null, now),
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    linkMiners(tx, row.id, linked);
    recordAudit(tx, {
      actor,
      action: 'task.created',
      entity: 'task',
      entityId: row.id,
      clientId: row.clientId,
      after: linked.length ? { ...row, ...minersForAudit(linked) } : row,
    });
    return row;
  });
}

type TaskChanges = Omit<ParsedInputOf<Contract['tasks.update']>, 'id'>;
type Changeable = Pick<TaskRow, 'title' | 'type' | 'status' | 'priority' | 'assigneeId' | 'dueDate' | 'clientId' | 'description' | 'closedAt'>;

/** Changes the given fields; the audit row holds only the fields whose value changed. Nothing changed writes nothing. */
export function updateTask(db: DbOrTx, input: ParsedInputOf<Contract['tasks.update']>, actor: string): TaskRow {
  return db.transaction((tx) => {
    const { id, ...changes } = input;
    const current = requireTask(tx, id);
    if (changes.assigneeId && changes.assigneeId !== current.assigneeId) requireAssignee(tx, changes.assigneeId, current.assigneeId);
    if (changes.clientId && changes.clientId !== current.clientId) requireTaskClient(tx, changes.clientId);
    const now = new Date().toISOString();
    const next: Changeable = { ...pick(current), ...definedOnly(changes) };
    next.closedAt = closedAtFor(next.status, current, now);
    const before: Partial<Changeable> = {};
    const after: Partial<Changeable> = {};
    for (const key of Object.keys(next) as (keyof Changeable)[]) {
      if (next[key] === current[key]) continue;
      Object.assign(before, { [key]: current[key] });
      Object.assign(after, { [key]: next[key] });
    }
    if (Object.keys(after).length === 0) return current;
    const row = tx
      .update(tasks)
      .set({ ...after, updatedAt: now })
      .where(eq(tasks.id, id))
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'task.updated', entity: 'task', entityId: id, clientId: row.clientId ?? current.clientId, before, after });
    return row;
  });
}

const pick = (row: TaskRow): Changeable => ({
  title: row.title,
  type: row.type,
  status: row.status,
  priority: row.priority,
  assigneeId: row.assigneeId,
  dueDate: row.dueDate,
  clientId: row.clientId,
  description: row.description,
  closedAt: row.closedAt,
});

function definedOnly(changes: TaskChanges): Partial<Changeable> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

/** Adds a comment by the actor; comments are never edited, so the thread stays a record of the work. */
export function addTaskComment(db: DbOrTx, input: ParsedInputOf<Contract['tasks.comments.add']>, actor: string): TaskComment {
  return db.transaction((tx) => {
    const task = requireTask(tx, input.taskId);
    const now = new Date().toISOString();
    const comment = tx.insert(taskComments).values({ taskId: task.id, author: actor, body: input.body, createdAt: now }).returning().get();
    tx.update(tasks).set({ updatedAt: now }).where(eq(tasks.id, task.id)).run();
    recordAudit(tx, {
      actor,
      action: 'task.commented',
      entity: 'task',
      entityId: task.id,
      clientId: task.clientId,
      after: { commentId: comment.id, comment: comment.body },
    });
    return { id: comment.id, author: comment.author, body: comment.body, createdAt: comment.createdAt };
  });
}
