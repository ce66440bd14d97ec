import { and, asc, count, desc, eq, gte, inArray, isNull, lte, notInArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { type ClientScope, facilityOrInClientScope } from '../client-scope/client-scope';
import type { DbOrTx } from '../../../db/open-db';
import { containsText } from '../../../db/text-search';
import { clients, miners, sites, staff, taskComments, taskMiners, tasks } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import {
  closedTaskStatuses,
  isClosedTaskStatus,
  maxTaskMinersShown,
  taskPriorities,
  taskStatuses,
  type TaskDetail,
  type TaskFilters,
  type TaskList,
  type TaskListRow,
  type TaskSortKey,
  type TaskStatus,
} from '../../contract/tasks';
import { siteToday } from '../settings/site-calendar';
import { taskNotFound } from './tasks.guards';

type ListInput = ParsedInputOf<Contract['tasks.list']>;

/** Title or description; "#12" or "12" also matches task 12. */
function searchCondition(term: string): SQL | undefined {
  if (!term) return undefined;
  const text = containsText(term, [tasks.title, tasks.description]);
  const idMatch = /^#?(\d{1,9})$/.exec(term);
  return idMatch ? or(eq(tasks.id, Number(idMatch[1])), text) : text;
}

/** Due before today and still to do. */
const overdueCondition = (today: string) => and(sql`${tasks.dueDate} < ${today}`, notInArray(tasks.status, [...closedTaskStatuses]));

/** Every filter but the status one, which the status counts are taken across. */
function filterConditions(f: TaskFilters, today: string): SQL[] {
  const conditions: (SQL | undefined)[] = [searchCondition(f.search)];
  if (f.types.length) conditions.push(inArray(tasks.type, f.types));
  if (f.priorities.length) conditions.push(inArray(tasks.priority, f.priorities));
  if (f.assigneeIds.length) {
    const ids = f.assigneeIds.filter((id): id is number => id !== 'unassigned');
    const nobody = f.assigneeIds.includes('unassigned') ? isNull(tasks.assigneeId) : undefined;
    conditions.push(or(ids.length ? inArray(tasks.assigneeId, ids) : undefined, nobody));
  }
  if (f.clientId !== null) conditions.push(eq(tasks.clientId, f.clientId));
  if (f.minerId !== null) conditions.push(sql`${tasks.id} IN (SELECT ${taskMiners.taskId} FROM ${taskMiners} WHERE ${taskMiners.minerId} = ${f.minerId})`);
  if (f.overdue) conditions.push(overdueCondition(today));
  if (f.dueFrom) conditions.push(gte(tasks.dueDate, f.dueFrom));
  if (f.dueTo) conditions.push(lte(tasks.dueDate, f.dueTo));
  return conditions.filter((c): c is SQL => c !== undefined);
}

/** A CASE giving each value its place in the list, so statuses sort in workflow order and priorities by urgency. */
function rankOf(column: SQLWrapper, values: readonly string[]): SQL {
  const whens = values.map((value, i) => sql`WHEN ${value} THEN ${i}`);
  return sql`(CASE ${column} ${sql.join(whens, sql` `)} END)`;
}

/** ORDER BY terms per sort key: tasks without a due date go last, and the id breaks ties so pages never overlap. */
function orderBy(sort: TaskSortKey, dir: 'asc' | 'desc'): SQL[] {
  const by = dir === 'asc' ? asc : desc;
  const keys: Record<TaskSortKey, SQL[]> = {
    due: [asc(sql`(${tasks.dueDate} IS NULL)`), by(tasks.dueDate)],
    priority: [by(rankOf(tasks.priority, taskPriorities))],
    created: [by(tasks.createdAt)],
    updated: [by(tasks.updatedAt)],
    status: [by(rankOf(tasks.status, taskStatuses))],
    title: [by(sql`${tasks.title} COLLATE NOCASE`)],
  };
  return [...keys[sort], by(tasks.id)];
}

const rowColumns = {
  id: tasks.id,
  title: tasks.title,
  type: tasks.type,
  status: tasks.status,
  priority: tasks.priority,
  assigneeId: tasks.assigneeId,
  assigneeName: staff.name,
  dueDate: tasks.dueDate,
  clientId: tasks.clientId,
  clientName: clients.name,
  description: tasks.description,
  createdBy: tasks.createdBy,
  closedAt: tasks.closedAt,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
  minerCount: sql<number>`(SELECT count(*) FROM ${taskMiners} WHERE ${taskMiners.taskId} = ${tasks.id})`,
  commentCount: sql<number>`(SELECT count(*) FROM ${taskComments} WHERE ${taskComments.taskId} = ${tasks.id})`,
};

function taskRowsQuery(db: DbOrTx, where: SQL | undefined) {
  return db.select(rowColumns).from(tasks).leftJoin(staff, eq(staff.id, tasks.assigneeId)).leftJoin(clients, eq(clients.id, tasks.clientId)).where(where);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof taskRowsQuery>['all']>>[number];

function toListRow(row: JoinedRow, today: string): TaskListRow {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    status: row.status,
    priority: row.priority,
    assignee: row.assigneeId !== null ? { id: row.assigneeId, name: row.assigneeName ?? `Staff #${row.assigneeId}` } : null,
    dueDate: row.dueDate,
    client: row.clientId !== null ? { id: row.clientId, name: row.clientName ?? `Client #${row.clientId}` } : null,
    minerCount: row.minerCount,
    commentCount: row.commentCount,
    overdue: row.dueDate !== null && row.dueDate < today && !isClosedTaskStatus(row.status),
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** One page of tasks, the total and the per-status counts; "overdue" and the flag use today in the site's calendar at `now`. */
export function listTasks(db: DbOrTx, input: ListInput, now: Date, scope: ClientScope = null): TaskList {
  const today = siteToday(db, now);
  const conditions = [...filterConditions(input, today), facilityOrInClientScope(scope, tasks.clientId)];
  const statusCounts = Object.fromEntries(taskStatuses.map((status) => [status, 0])) as Record<TaskStatus, number>;
  const perStatus = db
    .select({ status: tasks.status, n: count() })
    .from(tasks)
    .where(and(...conditions))
    .groupBy(tasks.status)
    .all();
  for (const { status, n } of perStatus) statusCounts[status] = n;
  const counted: readonly TaskStatus[] = input.statuses.length ? input.statuses : taskStatuses;
  const total = counted.reduce((sum, status) => sum + statusCounts[status], 0);
  const page = taskRowsQuery(db, and(...conditions, input.statuses.length ? inArray(tasks.status, input.statuses) : undefined))
    .orderBy(...orderBy(input.sort, input.dir))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  return { rows: page.map((row) => toListRow(row, today)), total, statusCounts };
}

/** A task with its linked miners (by asset ID, at most maxTaskMinersShown) and its comments, oldest first. */
export function getTaskDetail(db: DbOrTx, id: number, now: Date): TaskDetail {
  const row = taskRowsQuery(db, eq(tasks.id, id)).get();
  if (!row) throw taskNotFound(id);
  const linked = db
    .select({
      id: miners.id,
      assetId: miners.assetId,
      ip: miners.ip,
      make: miners.make,
      model: miners.model,
      siteName: sites.name,
      clientId: miners.clientId,
      clientName: clients.name,
    })
    .from(taskMiners)
    .innerJoin(miners, eq(miners.id, taskMiners.minerId))
    .leftJoin(sites, eq(sites.id, miners.siteId))
    .leftJoin(clients, eq(clients.id, miners.clientId))
    .where(eq(taskMiners.taskId, id))
    .orderBy(sql`${miners.assetId} COLLATE NOCASE`, miners.id)
    .limit(maxTaskMinersShown)
    .all();
  const comments = db
    .select({ id: taskComments.id, author: taskComments.author, body: taskComments.body, createdAt: taskComments.createdAt })
    .from(taskComments)
    .where(eq(taskComments.taskId, id))
    .orderBy(asc(taskComments.createdAt), asc(taskComments.id))
    .all();
  return {
    ...toListRow(row, siteToday(db, now)),
    description: row.description,
    createdBy: row.createdBy,
    miners: linked.map(({ clientId, clientName, ...miner }) => ({
      ...miner,
      client: clientId !== null ? { id: clientId, name: clientName ?? `Client #${clientId}` } : null,
    })),
    comments,
  };
}
