import { z } from 'zod';
import type { Ref } from './clients';
import { call, type ListPage } from './define';
import { dateSchema, idSchema, nameText, optionalText, pageSchema, requiredText } from './fields';
import { minerFiltersSchema } from './miners.list';

/** Work-order vocabulary: MoonOne's task manager. */
export const taskStatuses = ['open', 'in_progress', 'waiting_parts', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** A task in one of these statuses is finished: it has a closedAt and is never overdue. */
export const closedTaskStatuses: readonly TaskStatus[] = ['done', 'cancelled'];
export const isClosedTaskStatus = (status: TaskStatus): boolean => closedTaskStatuses.includes(status);

export const taskTypes = ['repair', 'reboot', 'swap', 'install', 'remove', 'inspection'] as const;
export type TaskType = (typeof taskTypes)[number];

/** Lowest first; sorting by priority puts the most urgent first when descending. */
export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof taskPriorities)[number];

export const taskSortKeys = ['due', 'priority', 'created', 'updated', 'status', 'title'] as const;
export type TaskSortKey = (typeof taskSortKeys)[number];

/** The most miners one task may list by id; "select all N matching" sends the Miners table's filter instead. */
export const maxTaskMinerIds = 20_000;

/** How many linked miners tasks.get returns; the task's minerCount tells the whole number. */
export const maxTaskMinersShown = 1_000;

export type TaskListRow = {
  id: number;
  title: string;
  type: TaskType;
  status: TaskStatus;
  priority: TaskPriority;
  assignee: Ref | null;
  /** YYYY-MM-DD in the site calendar. */
  dueDate: string | null;
  client: Ref | null;
  minerCount: number;
  commentCount: number;
  /** Due before today (site calendar) and not done or cancelled. */
  overdue: boolean;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type TaskList = ListPage<TaskListRow, TaskStatus>;

export type TaskMiner = { id: number; assetId: string; ip: string | null; make: string; model: string; siteName: string | null; client: Ref | null };

export type TaskComment = { id: number; author: string; body: string; createdAt: string };

export type TaskDetail = TaskListRow & {
  description: string;
  createdBy: string;
  /** At most maxTaskMinersShown, by asset ID. */
  miners: TaskMiner[];
  /** Oldest first. */
  comments: TaskComment[];
};

const oneOf = (values: readonly string[]) => ({
  error: (issue: { input: unknown }) =>
    issue.input === undefined || issue.input === null ? 'is required' : `must be one of ${values.map((v) => v.replace('_', ' ')).join(', ')}`,
});

/** A due date that may be left empty: "", null and omitted all mean none. */
const dueDateSchema = z.union([z.literal('').transform(() => null), dateSchema]).nullable();

const taskFields = {
  title: nameText(200),
  type: z.enum(taskTypes, oneOf(taskTypes)),
  status: z.enum(taskStatuses, oneOf(taskStatuses)),
  priority: z.enum(taskPriorities, oneOf(taskPriorities)),
  /** A staff member; null leaves the task unassigned. */
  assigneeId: idSchema.nullable(),
  dueDate: dueDateSchema,
  clientId: idSchema.nullable(),
  description: optionalText(5000),
};

const minerIdsSchema = z.array(idSchema).max(maxTaskMinerIds, `must be at most ${maxTaskMinerIds.toLocaleString('en-US')} miners; select all matching instead`);

/** The filters of the Tasks page; empty lists and null mean "any". */
export const taskFiltersSchema = z
  .object({
    /** Title or description, any case; "#12" or "12" also finds task 12. */
    search: z.string().trim().max(200).default(''),
    statuses: z.array(z.enum(taskStatuses, oneOf(taskStatuses))).default([]),
    types: z.array(z.enum(taskTypes, oneOf(taskTypes))).default([]),
    priorities: z.array(z.enum(taskPriorities, oneOf(taskPriorities))).default([]),
    /** Staff ids; "unassigned" matches tasks of nobody. */
    assigneeIds: z
      .array(z.union([idSchema, z.literal('unassigned')]))
      .max(200)
      .default([]),
    clientId: idSchema.nullable().default(null),
    minerId: idSchema.nullable().default(null),
    /** Only tasks due before today (site calendar) that are not done or cancelled. */
    overdue: z.boolean().default(false),
    /** Due on or after this date. */
    dueFrom: dateSchema.nullable().default(null),
    /** Due on or before this date. */
    dueTo: dateSchema.nullable().default(null),
  })
  .strict();

export type TaskFilters = z.output<typeof taskFiltersSchema>;

const createSchema = z
  .object({
    title: taskFields.title,
    type: taskFields.type,
    status: taskFields.status.default('open'),
    priority: taskFields.priority.default('normal'),
    assigneeId: taskFields.assigneeId.default(null),
    dueDate: dueDateSchema.default(null),
    /** When omitted and every linked miner belongs to one client, the task is linked to that client. */
    clientId: taskFields.clientId.default(null),
    description: taskFields.description,
    minerIds: minerIdsSchema.default([]),
    /** "Create a task for all N matching": the Miners table's filters, without paging. */
    minerFilter: minerFiltersSchema.optional(),
  })
  .strict()
  .refine((input) => input.minerIds.length === 0 || input.minerFilter === undefined, {
    message: 'give either the miners or the filter that selects them, not both',
    path: ['minerFilter'],
  });

const updateSchema = z
  .object({
    id: idSchema,
    title: taskFields.title.optional(),
    type: taskFields.type.optional(),
    status: taskFields.status.optional(),
    priority: taskFields.priority.optional(),
    assigneeId: taskFields.assigneeId.optional(),
    dueDate: dueDateSchema.optional(),
    clientId: taskFields.clientId.optional(),
    description: z.string({ error: 'must be text' }).trim().max(5000, 'must be at most 5000 characters').optional(),
  })
  .strict()
  .refine((input) => Object.entries(input).some(([key, value]) => key !== 'id' && value !== undefined), 'choose at least one thing to change');

const linkSchema = z.object({ taskId: idSchema, minerIds: minerIdsSchema.min(1, 'choose at least one miner') }).strict();

export const taskCalls = {
  /** One page of tasks with the total and the per-status counts (which ignore the status filter). */
  'tasks.list': call<TaskList>()(
    taskFiltersSchema.extend({
      sort: z.enum(taskSortKeys).default('due'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      ...pageSchema,
    }),
  ),
  /** A task with its linked miners and its comments, oldest first. */
  'tasks.get': call<TaskDetail>()(z.object({ id: idSchema }).strict()),
  /** Opens a task, linking the listed miners or all the filter matches; one transaction, audited. */
  'tasks.create': call<TaskDetail>()(createSchema),
  /** Changes any of the fields; done or cancelled sets closedAt, reopening clears it. */
  'tasks.update': call<TaskDetail>()(updateSchema),
  'tasks.miners.add': call<{ added: number }>()(linkSchema),
  'tasks.miners.remove': call<{ removed: number }>()(linkSchema),
  /** Comments are never edited: the thread is a record of the work. */
  'tasks.comments.add': call<TaskComment>()(z.object({ taskId: idSchema, body: requiredText(5000) }).strict()),
};
