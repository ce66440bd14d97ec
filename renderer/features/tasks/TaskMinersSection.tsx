import { ActionIcon, Anchor, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TaskDetail } from '../../../electron/contract/tasks';
import { useCall, useQueryCall } from '../../api/useCall';
import { Permitted, PermittedFields } from '../../components/Permitted';

/** Finds a miner by asset ID, IP, serial or hostname and links it to the task. */
function AddMiner({ task }: { task: TaskDetail }) {
  const add = useCall('tasks.miners.add', { failureTitle: 'The miner was not linked' });
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 250);
  const found = useQueryCall('miners.list', { search: term, limit: 20, sort: 'assetId' }, { enabled: term.length > 0 });
  const linked = new Set(task.miners.map((m) => m.id));
  const data = (found.data?.rows ?? [])
    .filter((m) => !linked.has(m.id))
    .map((m) => ({ value: String(m.id), label: `${m.assetId} · ${m.ip ?? 'no IP'} · ${m.model}${m.client ? ` · ${m.client.name}` : ''}` }));
  return (
    <Select
      label="Link a miner"
      placeholder="Type an asset ID, IP, serial or hostname"
      searchable
      data={data}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={term ? 'No other miner matches' : undefined}
      value={null}
      disabled={add.running}
      onChange={async (value) => {
        if (!value) return;
        const outcome = await add.run({ taskId: task.id, minerIds: [Number(value)] });
        if (outcome.ok) setSearch('');
      }}
    />
  );
}

export function TaskMinersSection({ task }: { task: TaskDetail }) {
  const remove = useCall('tasks.miners.remove', { failureTitle: 'The miner was not unlinked' });
  const hidden = task.minerCount - task.miners.length;
  return (
    <Stack gap="sm">
      <PermittedFields procedure="tasks.miners.add">
        <AddMiner task={task} />
      </PermittedFields>
      <Table.ScrollContainer minWidth={520}>
        <Table striped verticalSpacing="xs" aria-label="Linked miners">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Asset ID</Table.Th>
              <Table.Th>IP</Table.Th>
              <Table.Th>Model</Table.Th>
              <Table.Th>Site</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {task.miners.map((miner) => (
              <Table.Tr key={miner.id}>
                <Table.Td fw={600}>{miner.assetId}</Table.Td>
                <Table.Td>{miner.ip ?? '—'}</Table.Td>
                <Table.Td>
                  {miner.make} {miner.model}
                </Table.Td>
                <Table.Td>{miner.siteName ?? '—'}</Table.Td>
                <Table.Td>
                  {miner.client ? (
                    <Anchor component={Link} to={`/clients/${miner.client.id}`} size="sm">
                      {miner.client.name}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <Permitted procedure="tasks.miners.remove" label="Unlink from this task">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Unlink ${miner.assetId}`}
                      loading={remove.running}
                      onClick={() => remove.run({ taskId: task.id, minerIds: [miner.id] })}
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Permitted>
                </Table.Td>
              </Table.Tr>
            ))}
            {task.miners.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" ta="center" py="md" size="sm">
                    No miners are linked to this task.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hidden > 0 && (
        <Group>
          <Text size="sm" c="dimmed">
            Showing the first {task.miners.length.toLocaleString()} of {task.minerCount.toLocaleString()} linked miners, by asset ID.
          </Text>
        </Group>
      )}
    </Stack>
  );
}
