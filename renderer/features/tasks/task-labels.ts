import type { TaskPriority, TaskStatus, TaskType } from '../../../electron/contract/tasks';

/** Words and colours of the task vocabulary, as the clients' tasks bar shows them. */
export const taskStatusLabel: Record<TaskStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_parts: 'Waiting parts',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const taskStatusColor: Record<TaskStatus, string> = {
  open: 'blue',
  in_progress: 'cyan',
  waiting_parts: 'orange',
  done: 'green',
  cancelled: 'gray',
};

export const taskTypeLabel: Record<TaskType, string> = {
  repair: 'Repair',
  reboot: 'Reboot',
  swap: 'Swap',
  install: 'Install',
  remove: 'Remove',
  inspection: 'Inspection',
};

export const taskPriorityLabel: Record<TaskPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };

export const taskPriorityColor: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

/** Select options from a label map, in the map's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
