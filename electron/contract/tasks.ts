/** Work-order vocabulary (the fleet issue adds the task procedures). */
export const taskStatuses = ['open', 'in_progress', 'waiting_parts', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskTypes = ['repair', 'reboot', 'swap', 'install', 'remove', 'inspection'] as const;
export type TaskType = (typeof taskTypes)[number];

export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof taskPriorities)[number];
