import { Button, Drawer, Group, Loader, Select, Stack, Tabs, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../electron/contract';
import { taskCalls, type TaskDetail, type TaskStatus } from '../../../electron/contract/tasks';
import { useCall, useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDates } from '../../components/useDates';
import { isNotFound, NotFound, noRecordText, notFoundShownInPage } from '../../components/NotFound';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { useCanCall } from '../../api/usePermissions';
import { AuditTable } from '../audit/AuditTable';
import { TaskComments } from './TaskComments';
import { TaskDueDate, TaskPriorityBadge, TaskStatusBadge } from './TaskBadges';
import { TaskFields, type TaskFieldValues } from './TaskFields';
import { TaskMinersSection } from './TaskMinersSection';
import { optionsOf, taskStatusLabel, taskTypeLabel } from './task-labels';
import { PermittedFields, PermittedSubmit } from '../../components/Permitted';

const fieldsOf = (task: TaskDetail): TaskFieldValues => ({
  title: task.title,
  type: task.type,
  priority: task.priority,
  assigneeId: task.assignee?.id ?? null,
  dueDate: task.dueDate,
  clientId: task.client?.id ?? null,
  description: task.description,
});

/** The task's fields; saves only what the person changed, so it never undoes someone else's change to another field. */
function TaskEditForm({ task }: { task: TaskDetail }) {
  const form = useForm<TaskFieldValues>({ initialValues: fieldsOf(task), validate: validateWith(taskCalls['tasks.create'].input) });
  const update = useFormCall('tasks.update', form, { failureTitle: 'The task was not saved' });
  const submit = form.onSubmit(async (values) => {
    const saved = fieldsOf(task);
    const changes = Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== saved[key as keyof TaskFieldValues]));
    if (Object.keys(changes).length === 0) return;
    const outcome = await update.run({ id: task.id, ...changes } as Input<'tasks.update'>);
    if (!outcome.ok) return;
    form.setInitialValues(fieldsOf(outcome.value));
    form.reset();
    notifications.show({ color: 'green', title: 'Task saved', message: `Task #${task.id} "${outcome.value.title}" was saved.` });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PermittedFields procedure="tasks.update">
          <TaskFields form={form} currentAssigneeId={task.assignee?.id ?? null} currentClient={task.client} />
        </PermittedFields>
        <Group justify="flex-end">
          <Button variant="default" onClick={form.reset} disabled={!form.isDirty()}>
            Discard changes
          </Button>
          <PermittedSubmit procedure="tasks.update" saving={update.running} disabled={!form.isDirty()}>
            Save task
          </PermittedSubmit>
        </Group>
      </Stack>
    </form>
  );
}

function StatusSelect({ task }: { task: TaskDetail }) {
  const update = useCall('tasks.update', { failureTitle: 'The status was not changed' });
  const { allowed, reason } = useCanCall('tasks.update');
  return (
    <Select
      readOnly={!allowed}
      title={reason ?? undefined}
      label="Status"
      w={180}
      allowDeselect={false}
      data={optionsOf(taskStatusLabel)}
      value={task.status}
      disabled={update.running}
      onChange={(status) => status && status !== task.status && update.run({ id: task.id, status: status as TaskStatus })}
    />
  );
}

function TaskBody({ task }: { task: TaskDetail }) {
  const { dateTime } = useDates();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Group gap="xs">
            <TaskStatusBadge status={task.status} />
            <TaskPriorityBadge priority={task.priority} />
            <Text size="sm">{taskTypeLabel[task.type]}</Text>
          </Group>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Due
            </Text>
            <TaskDueDate task={task} />
          </Group>
          <Text size="xs" c="dimmed">
            Created by {task.createdBy || 'unknown'} on {dateTime(task.createdAt)}
            {task.closedAt && ` · closed ${dateTime(task.closedAt)}`}
          </Text>
        </Stack>
        <StatusSelect task={task} />
      </Group>
      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab value="miners">Miners ({task.minerCount})</Tabs.Tab>
          <Tabs.Tab value="comments">Comments ({task.commentCount})</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <TaskEditForm task={task} />
        </Tabs.Panel>
        <Tabs.Panel value="miners">
          <TaskMinersSection task={task} />
        </Tabs.Panel>
        <Tabs.Panel value="comments">
          <TaskComments task={task} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditTable entity="task" entityId={String(task.id)} pageSize={10} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** One task in a side drawer: fields, status, linked miners, comments and its change log. */
export function TaskDrawer({ taskId, onClose }: { taskId: number | null; onClose: () => void }) {
  const task = useQueryCall('tasks.get', { id: taskId ?? 0 }, { ...notFoundShownInPage, enabled: taskId !== null });
  const title = task.data && task.data.id === taskId ? `#${task.data.id} ${task.data.title}` : 'Task';
  return (
    <Drawer opened={taskId !== null} onClose={onClose} position="right" size="xl" title={<Text fw={700}>{title}</Text>}>
      {isNotFound(task.error) ? (
        <NotFound title="Task not found" text={noRecordText('task', taskId ?? '')} back={{ label: 'Back to tasks', onClick: onClose }} />
      ) : task.error ? (
        <ErrorAlert title="This task could not be loaded" error={task.error.apiError} />
      ) : task.data && task.data.id === taskId ? (
        <TaskBody key={task.data.id} task={task.data} />
      ) : (
        <Loader />
      )}
    </Drawer>
  );
}
