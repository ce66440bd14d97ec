import { Button, Chip, CloseButton, Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { taskStatuses, type TaskStatus } from '../../../electron/contract/tasks';
import { useQueryCall } from '../../api/useCall';
import { FiltersButton, SearchInput } from '../../components/ListSearch';
import { PageHeader } from '../../components/PageHeader';
import { StatusBar } from '../clients/StatusBar';
import { CreateTaskModal } from './CreateTaskModal';
import { TaskDrawer } from './TaskDrawer';
import { countTaskFilters, TaskFilters } from './TaskFilters';
import { taskStatusColor, taskStatusLabel } from './task-labels';
import { taskListInput, taskPageSize } from './task-params';
import { TasksTable } from './TasksTable';
import { useTaskListView } from './useTaskListView';
import { Permitted } from '../../components/Permitted';

/** The client the list is filtered to, named, with a way out of the filter. */
function ClientFilterChip({ clientId, onClear }: { clientId: number; onClear: () => void }) {
  const client = useQueryCall('clients.get', { id: clientId });
  return (
    <Paper withBorder px="sm" py={4} radius="xl">
      <Group gap={4} wrap="nowrap">
        <Text size="sm">
          Client: <b>{client.data?.name ?? `#${clientId}`}</b>
        </Text>
        <CloseButton size="sm" aria-label="Show tasks of every client" onClick={onClear} />
      </Group>
    </Paper>
  );
}

/** MoonOne's task manager: work orders with filters in the URL, so the clients' tasks bars can link here. */
export function TasksPage() {
  const [view, update] = useTaskListView();
  const [filtersOpen, filters] = useDisclosure(false);
  const [createOpen, create] = useDisclosure(false);
  const list = useQueryCall('tasks.list', taskListInput(view), { placeholderData: (previous) => previous });
  const counts = list.data?.statusCounts;
  const allTotal = counts ? taskStatuses.reduce((sum, status) => sum + counts[status], 0) : 0;
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / taskPageSize));
  const extra = countTaskFilters(view);

  return (
    <Stack gap="md">
      <PageHeader
        title="Tasks"
        description="Work orders for the facility: repairs, reboots, swaps, installs, removals and inspections."
        actions={
          <Permitted procedure="tasks.create">
            <Button leftSection={<IconPlus size={18} />} onClick={create.open}>
              New task
            </Button>
          </Permitted>
        }
      />
      <Group justify="space-between" align="flex-end">
        <Group align="center">
          <SearchInput
            label="Search tasks"
            placeholder="Search title, description or #ID"
            width={320}
            value={view.search}
            onSearch={(search) => update({ search })}
          />
          <FiltersButton count={extra} onClick={filters.open} />
          {view.clientId && <ClientFilterChip clientId={view.clientId} onClear={() => update({ clientId: null })} />}
        </Group>
        <Stack gap={4} w={280}>
          <Text size="xs" c="dimmed">
            Tasks in this view by status
          </Text>
          <StatusBar
            label="tasks"
            total={allTotal}
            onOpen={() => update({ statuses: [] })}
            segments={taskStatuses.map((status) => ({
              key: status,
              label: taskStatusLabel[status],
              count: counts?.[status] ?? 0,
              color: taskStatusColor[status],
            }))}
          />
        </Stack>
      </Group>
      <Chip.Group multiple value={view.statuses} onChange={(values) => update({ statuses: values as TaskStatus[] })}>
        <Group gap="xs" aria-label="Status filter">
          {taskStatuses.map((status) => (
            <Chip key={status} value={status} size="sm" variant="outline" color={taskStatusColor[status]}>
              {taskStatusLabel[status]} ({counts?.[status] ?? 0})
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <TasksTable
        rows={list.data?.rows ?? []}
        sort={{ sort: view.sort, dir: view.dir }}
        onSort={update}
        onOpen={(taskId) => update({ taskId })}
        empty={
          <Stack gap={2} py="lg" align="center">
            <Text fw={600}>{list.isLoading ? 'Loading tasks…' : 'No tasks match this view.'}</Text>
            {!list.isLoading && (
              <Text c="dimmed" size="sm">
                Clear the search or filters, or create a task.
              </Text>
            )}
          </Stack>
        }
      />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.data ? `${list.data.total} task${list.data.total === 1 ? '' : 's'}` : ''}
        </Text>
        {pages > 1 && <Pagination total={pages} value={view.page} onChange={(page) => update({ page })} />}
      </Group>
      <TaskFilters opened={filtersOpen} onClose={filters.close} view={view} onChange={update} />
      <CreateTaskModal opened={createOpen} onClose={create.close} clientId={view.clientId ?? undefined} onCreated={(task) => update({ taskId: task.id })} />
      <TaskDrawer taskId={view.taskId} onClose={() => update({ taskId: null })} />
    </Stack>
  );
}
