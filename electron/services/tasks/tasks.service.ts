import type { DbOrTx } from '../../../db/open-db';
import { tasks } from '../../../db/schema';
import type { TaskPriority, TaskStatus, TaskType } from '../../contract/tasks';
import { recordAudit } from '../audit/record-audit';

export type TaskRow = typeof tasks.$inferSelect;

export type NewTask = {
  title: string;
  type: TaskType;
  status?: TaskStatus;
  priority?: TaskPriority;
  assigneeId?: number | null;
  dueDate?: string | null;
  clientId?: number | null;
};

/** Opens a work order; the fleet issue adds its procedures, linked miners and comments. */
export function createTask(db: DbOrTx, input: NewTask, actor: string): TaskRow {
  return db.transaction((tx) => {
    const now = new Date().toISOString();
    const row = tx
      .insert(tasks)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'task.created', entity: 'task', entityId: row.id, clientId: row.clientId, after: row });
    return row;
  });
}
