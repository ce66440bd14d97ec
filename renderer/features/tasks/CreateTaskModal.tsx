import { Alert } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCpu } from '@tabler/icons-react';
import type { MinerFilters } from '../../../electron/contract/miners.list';
import { taskCalls, type TaskDetail, type TaskType } from '../../../electron/contract/tasks';
import { useQueryCall } from '../../api/useCall';
import { FormModal } from '../../components/FormModal';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { TaskFields, type TaskFieldValues } from './TaskFields';

type Props = {
  opened: boolean;
  onClose: () => void;
  /** The miners selected on the Miners page. */
  minerIds?: number[];
  /** "Select all N matching" on the Miners page: the table's filters. */
  minerFilter?: MinerFilters;
  /** How many miners the ids or the filter stand for, to tell the person before they save. */
  minerCount?: number;
  /** The client the task is for (the client's Tasks tab). */
  clientId?: number;
  onCreated?: (task: TaskDetail) => void;
};

const plural = (n: number) => `${n.toLocaleString()} miner${n === 1 ? '' : 's'}`;

/** "New task", and the Miners page's "create a task for the selection". Mounts its form only while open. */
export function CreateTaskModal(props: Props) {
  return props.opened ? <CreateTaskForm {...props} /> : null;
}

function CreateTaskForm({ onClose, minerIds, minerFilter, minerCount, clientId, onCreated }: Props) {
  const client = useQueryCall('clients.get', { id: clientId ?? 0 }, { enabled: clientId !== undefined });
  const form = useForm<TaskFieldValues>({
    initialValues: {
      title: '',
      type: undefined as unknown as TaskType, // required: the form refuses to submit until one is chosen
      priority: 'normal',
      assigneeId: null,
      dueDate: null,
      clientId: clientId ?? null,
      description: '',
    },
    validate: validateWith(taskCalls['tasks.create'].input),
  });
  const create = useFormCall('tasks.create', form, { failureTitle: 'The task was not created' });
  const linking = minerCount ?? minerIds?.length ?? 0;

  const submit = form.onSubmit(async (values) => {
    const miners = minerFilter ? { minerFilter } : { minerIds: minerIds ?? [] };
    const outcome = await create.run({ ...values, ...miners });
    if (!outcome.ok) return;
    const task = outcome.value;
    notifications.show({
      color: 'green',
      title: 'Task created',
      message: `Task #${task.id} "${task.title}"${task.minerCount ? ` with ${plural(task.minerCount)}` : ''}${task.client ? ` for ${task.client.name}` : ''}.`,
    });
    onCreated?.(task);
    onClose();
  });

  return (
    <FormModal title="New task" submitLabel="Create task" procedure="tasks.create" saving={create.running} onSubmit={submit} onClose={onClose}>
      {linking > 0 && (
        <Alert color="blue" icon={<IconCpu size={18} />} title={`${plural(linking)} will be linked`}>
          The task lists {linking === 1 ? 'this miner' : 'these miners'}; you can add or remove miners later from the task.
        </Alert>
      )}
      <TaskFields
        form={form}
        currentClient={client.data ? { id: client.data.id, name: client.data.name } : null}
        clientDescription={linking > 0 && !clientId ? 'Leave empty to use the miners’ client when they all belong to one.' : undefined}
      />
    </FormModal>
  );
}
