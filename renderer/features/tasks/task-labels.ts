import type { TaskPriority, TaskStatus } from '../../../electron/contract/tasks';
export {
  taskPriorityLabels as taskPriorityLabel,
  taskStatusLabels as taskStatusLabel,
  taskTypeLabels as taskTypeLabel,
} from '../../../electron/contract/tasks.vocab';

/** Words and colours of the task vocabulary, as the clients' tasks bar shows them. */
export const taskStatusColor: Record<TaskStatus, string> = {
  open: 'blue',
  in_progress: 'cyan',
  waiting_parts: 'orange',
  done: 'green',
  cancelled: 'gray',
};

export const taskPriorityColor: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

/** Select options from a label map, in the map's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
