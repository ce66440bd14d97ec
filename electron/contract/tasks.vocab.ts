import type { TaskPriority, TaskStatus, TaskType } from './tasks';

/** How the task vocabulary is written in the interface and in the change log. */
export const taskStatusLabels: Record<TaskStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_parts: 'Waiting parts',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const taskTypeLabels: Record<TaskType, string> = {
  repair: 'Repair',
  reboot: 'Reboot',
  swap: 'Swap',
  install: 'Install',
  remove: 'Remove',
  inspection: 'Inspection',
};

export const taskPriorityLabels: Record<TaskPriority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
