import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { taskPriorities, taskStatuses, taskTypes } from '../../electron/contract/tasks';
import { clients } from './clients';
import { miners } from './miners';
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
    description: text('description').notNull().default(''),
    createdBy: text('created_by').notNull().default(''),
    closedAt: text('closed_at'), // when it became done or cancelled
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('tasks_client_status_idx').on(t.clientId, t.status),
    index('tasks_status_due_idx').on(t.status, t.dueDate),
    index('tasks_assignee_idx').on(t.assigneeId, t.status),
  ],
);

/** The miners a work order is about. */
export const taskMiners = sqliteTable(
  'task_miners',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    minerId: integer('miner_id')
      .notNull()
      .references(() => miners.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.minerId] }), index('task_miners_miner_idx').on(t.minerId)],
);

/** Comments on a work order, oldest first; never edited, so the thread is a record of the work. */
export const taskComments = sqliteTable(
  'task_comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    author: text('author').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('task_comments_task_idx').on(t.taskId, t.createdAt)],
);
