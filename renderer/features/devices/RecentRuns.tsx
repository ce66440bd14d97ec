import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { deviceActionLabels } from '../../../electron/contract/devices.vocab';
import { useQueryCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { ActionRunView } from './ActionRunView';
import { useDates } from '../../components/useDates';

/** The latest device actions, newest first; a row opens its per-miner results. */
export function RecentRuns() {
  const { dateTime } = useDates();
  const runs = useQueryCall(
    'devices.actions.list',
    { limit: 20 },
    { refetchInterval: (query) => (query.state.data?.some((r) => r.status === 'running') ? 2000 : false) },
  );
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Stack gap="xs">
      <SectionHeader title="Recent device actions" description="Reboots, pool changes, redirects and restores, with what happened to each miner." />
      {runs.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No device action yet. Start one from the Miners table or a client&apos;s page.
        </Text>
      )}
      {runs.data && runs.data.length > 0 && (
        <Table withTableBorder aria-label="Recent device actions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Action</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Miners</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>
                  <Anchor component="button" size="sm" onClick={() => setOpen(run.id)}>
                    #{run.id} {deviceActionLabels[run.kind]}
                  </Anchor>
                </Table.Td>
                <Table.Td>{run.client?.name ?? '—'}</Table.Td>
                <Table.Td>{dateTime(run.startedAt)}</Table.Td>
                <Table.Td>{run.actor}</Table.Td>
                <Table.Td>
                  {run.done.toLocaleString('en-US')} / {run.total.toLocaleString('en-US')}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {run.status === 'running' && <Badge variant="light">Running</Badge>}
                    {run.status === 'cancelled' && (
                      <Badge variant="light" color="gray">
                        Stopped
                      </Badge>
                    )}
                    {run.counts.ok > 0 && (
                      <Badge variant="light" color="green">
                        {run.counts.ok} done
                      </Badge>
                    )}
                    {run.counts.failed > 0 && (
                      <Badge variant="light" color="red">
                        {run.counts.failed} failed
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open !== null && (
        <Modal opened onClose={() => setOpen(null)} title={`Device action #${open}`} size="xl" centered>
          <ActionRunView runId={open} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setOpen(null)}>
              Close
            </Button>
          </Group>
        </Modal>
      )}
    </Stack>
  );
}
