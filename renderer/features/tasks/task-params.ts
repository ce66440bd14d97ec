import type { Input } from '../../../electron/contract';
import {
  taskPriorities,
  taskSortKeys,
  taskStatuses,
  taskTypes,
  type TaskPriority,
  type TaskSortKey,
  type TaskStatus,
  type TaskType,
} from '../../../electron/contract/tasks';

/** The task list's view as it lives in the URL: the clients' tasks bars link to /tasks?client=N. */
export type TaskListView = {
  search: string;
  statuses: TaskStatus[];
  types: TaskType[];
  priorities: TaskPriority[];
  assigneeIds: (number | 'unassigned')[];
  clientId: number | null;
  minerId: number | null;
  overdue: boolean;
  dueFrom: string | null;
  dueTo: string | null;
  sort: TaskSortKey;
  dir: 'asc' | 'desc';
  page: number;
  /** The task open in the drawer. */
  taskId: number | null;
};

export const taskPageSize = 50;

const id = (text: string | null) => (text && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null);
const date = (text: string | null) => (text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);
const listOf = <T extends string>(text: string | null, allowed: readonly T[]) =>
  (text ?? '').split(',').filter((value): value is T => (allowed as readonly string[]).includes(value));

export function readTaskView(params: URLSearchParams): TaskListView {
  const sort = params.get('sort') as TaskSortKey | null;
  return {
    search: params.get('q') ?? '',
    statuses: listOf(params.get('status'), taskStatuses),
    types: listOf(params.get('type'), taskTypes),
    priorities: listOf(params.get('priority'), taskPriorities),
    assigneeIds: (params.get('assignee') ?? '')
      .split(',')
      .map((value) => (value === 'unassigned' ? value : id(value)))
      .filter((value): value is number | 'unassigned' => value !== null),
    clientId: id(params.get('client')),
    minerId: id(params.get('miner')),
    overdue: params.get('overdue') === '1',
    dueFrom: date(params.get('from')),
    dueTo: date(params.get('to')),
    sort: sort && taskSortKeys.includes(sort) ? sort : 'due',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(params.get('page')) || 1),
    taskId: id(params.get('task')),
  };
}

/** Writes only what differs from the default view, so plain /tasks stays plain. */
export function writeTaskView(view: TaskListView): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | null | undefined) => value && params.set(key, value);
  put('q', view.search.trim());
  put('status', view.statuses.join(','));
  put('type', view.types.join(','));
  put('priority', view.priorities.join(','));
  put('assignee', view.assigneeIds.join(','));
  put('client', view.clientId ? String(view.clientId) : null);
  put('miner', view.minerId ? String(view.minerId) : null);
  put('overdue', view.overdue ? '1' : null);
  put('from', view.dueFrom);
  put('to', view.dueTo);
  put('sort', view.sort === 'due' ? null : view.sort);
  put('dir', view.dir === 'asc' ? null : view.dir);
  put('page', view.page > 1 ? String(view.page) : null);
  put('task', view.taskId ? String(view.taskId) : null);
  return params;
}

/** The `tasks.list` input for a view. */
export function taskListInput(view: TaskListView): Input<'tasks.list'> {
  const { page, taskId: _open, ...filters } = view;
  return { ...filters, offset: (page - 1) * taskPageSize, limit: taskPageSize };
}
