import { Badge, Stack, Text } from '@mantine/core';
import type { TaskListRow, TaskPriority, TaskStatus } from '../../../electron/contract/tasks';
import { useDates } from '../../components/useDates';
import { taskPriorityColor, taskPriorityLabel, taskStatusColor, taskStatusLabel } from './task-labels';

const noTruncate = { root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } };

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return (
    <Badge color={taskStatusColor[status]} variant="light" styles={noTruncate}>
      {taskStatusLabel[status]}
    </Badge>
  );
}

export function TaskPriorityBadge({ priority }: { priority: TaskPriority }) {
  return (
    <Badge color={taskPriorityColor[priority]} variant={priority === 'urgent' ? 'filled' : 'outline'} styles={noTruncate}>
      {taskPriorityLabel[priority]}
    </Badge>
  );
}

/** The due date, in red with "overdue" when it has passed and the task is still to do. */
export function TaskDueDate({ task }: { task: Pick<TaskListRow, 'dueDate' | 'overdue'> }) {
  const { date } = useDates();
  if (!task.dueDate)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={0}>
      <Text size="sm" c={task.overdue ? 'red' : undefined} fw={task.overdue ? 600 : undefined}>
        {date(task.dueDate)}
      </Text>
      {task.overdue && (
        <Text size="xs" c="red">
          overdue
        </Text>
      )}
    </Stack>
  );
}
