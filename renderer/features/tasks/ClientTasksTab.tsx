import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Input } from '../../../electron/contract';
import type { TaskSortKey } from '../../../electron/contract/tasks';
import { useQueryCall } from '../../api/useCall';
import { CreateTaskModal } from './CreateTaskModal';
import { TaskDrawer } from './TaskDrawer';
import { TasksTable } from './TasksTable';
import { Permitted } from '../../components/Permitted';

const tabPageSize = 50;

/** The client detail page's Tasks tab: the client's tasks in a compact table, with New task. */
export function ClientTasksTab({ clientId, archived }: { clientId: number; archived: boolean }) {
  const [sort, setSort] = useState<{ sort: TaskSortKey; dir: 'asc' | 'desc' }>({ sort: 'due', dir: 'asc' });
  const [openId, setOpenId] = useState<number | null>(null);
  const [createOpen, create] = useDisclosure(false);
  const input: Input<'tasks.list'> = { clientId, ...sort, limit: tabPageSize };
  const list = useQueryCall('tasks.list', input, { placeholderData: (previous) => previous });
  const total = list.data?.total ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.data
            ? `${total} task${total === 1 ? '' : 's'}, ${list.data.statusCounts.open + list.data.statusCounts.in_progress + list.data.statusCounts.waiting_parts} still to do`
            : ''}
        </Text>
        <Group>
          <Anchor component={Link} to={`/tasks?client=${clientId}`} size="sm">
            Open in the task list
          </Anchor>
          {!archived && (
            <Permitted procedure="tasks.create">
              <Button size="xs" leftSection={<IconPlus size={16} />} onClick={create.open}>
                New task
              </Button>
            </Permitted>
          )}
        </Group>
      </Group>
      <TasksTable
        compact
        rows={list.data?.rows ?? []}
        sort={sort}
        onSort={setSort}
        onOpen={setOpenId}
        empty={
          <Text c="dimmed" ta="center" py="lg" size="sm">
            {list.isLoading ? 'Loading tasks…' : 'No tasks for this client yet. Repairs, swaps and installs for its miners will be listed here.'}
          </Text>
        }
      />
      {total > tabPageSize && (
        <Anchor component={Link} to={`/tasks?client=${clientId}`} size="sm">
          See all {total} tasks in the task list
        </Anchor>
      )}
      <CreateTaskModal opened={createOpen} onClose={create.close} clientId={clientId} onCreated={(task) => setOpenId(task.id)} />
      <TaskDrawer taskId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
