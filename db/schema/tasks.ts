import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { taskPriorities, taskStatuses, taskTypes } from '../../electron/contract/tasks';
import { clients } from './clients';
import { staff } from './staff';

/** Work orders (MoonOne's task manager); the fleet issue adds linked miners and comments. */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    type: text('type', { enum: taskTypes }).notNull(),
    status: text('status', { enum: taskStatuses }).notNull().default('open'),
    priority: text('priority', { enum: taskPriorities }).notNull().default('normal'),
    assigneeId: integer('assignee_id').references(() => staff.id),
    dueDate: text('due_date'), // YYYY-MM-DD, site calendar
    clientId: integer('client_id').references(() => clients.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('tasks_client_status_idx').on(t.clientId, t.status)],
);
