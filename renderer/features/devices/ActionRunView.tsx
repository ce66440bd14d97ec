import { Badge, Group, Progress, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { minerFamilyLabels, type MinerFamilyName } from '../../../electron/contract/devices';
import { deviceActionLabels, deviceActionResultStates, type DeviceActionResultState } from '../../../electron/contract/devices.vocab';
import { useQueryCall } from '../../api/useCall';
import { resultStateColors, resultStateLabels, runIsOver } from './device-format';

const pageSize = 200;

/** A run's live progress and its per-miner results (failures first), with a filter by result. */
export function ActionRunView({ runId }: { runId: number }) {
  const [state, setState] = useState<DeviceActionResultState | 'all'>('all');
  const status = useQueryCall(
    'devices.actions.status',
    { runId, state: state === 'all' ? null : state, offset: 0, limit: pageSize },
    { refetchInterval: (query) => (runIsOver(query.state.data?.run) ? false : 1000), placeholderData: (previous) => previous },
  );
  const data = status.data;
  // A run that ends has changed miners and maybe a client's status: every screen reads them again.
  const queryClient = useQueryClient();
  const over = runIsOver(data?.run);
  useEffect(() => {
    if (over) void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'devices.actions.status' });
  }, [over, queryClient]);
  if (!data) return <Text size="sm">Starting…</Text>;
  const { run, results } = data;
  const percent = run.total === 0 ? 100 : Math.round((run.done / run.total) * 100);
  return (
    <Stack gap="sm" role="region" aria-label="Action progress">
      <Group justify="space-between">
        <Text fw={600}>
          {deviceActionLabels[run.kind]} · {run.status === 'running' ? 'Running' : run.status === 'finished' ? 'Finished' : 'Stopped'}
        </Text>
        <Text size="sm" c="dimmed">
          {run.done.toLocaleString('en-US')} of {run.total.toLocaleString('en-US')} miners
        </Text>
      </Group>
      <Progress value={percent} animated={run.status === 'running'} aria-label={`${run.done} of ${run.total} miners done`} />
      <Group gap="xs" aria-label="Result counts">
        {deviceActionResultStates.map((s) => (
          <Badge key={s} color={resultStateColors[s]} variant={run.counts[s] > 0 ? 'light' : 'outline'}>
            {resultStateLabels[s]}: {run.counts[s].toLocaleString('en-US')}
          </Badge>
        ))}
      </Group>
      <SegmentedControl
        size="xs"
        value={state}
        onChange={(value) => setState(value as DeviceActionResultState | 'all')}
        data={[
          { value: 'all', label: 'All' },
          { value: 'failed', label: `Failed (${run.counts.failed})` },
          { value: 'ok', label: `Done (${run.counts.ok})` },
          { value: 'skipped', label: `Skipped (${run.counts.skipped})` },
          { value: 'unsupported', label: `Not supported (${run.counts.unsupported})` },
        ]}
      />
      <ScrollArea.Autosize mah={360}>
        <Table striped withTableBorder aria-label="Results per miner" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>Asset ID</Table.Th>
              <Table.Th>IP</Table.Th>
              <Table.Th>Family</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.rows.map((row) => (
              <Table.Tr key={row.minerId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.assetId}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.ip ?? '—'}</Table.Td>
                <Table.Td>{row.family ? (minerFamilyLabels[row.family as MinerFamilyName] ?? row.family) : '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    color={resultStateColors[row.state]}
                    variant="light"
                    styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
                  >
                    {resultStateLabels[row.state]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.message}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {results.rows.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            {run.status === 'running' ? 'Waiting for the first results…' : 'No miner has this result.'}
          </Text>
        )}
      </ScrollArea.Autosize>
      {results.total > results.rows.length && (
        <Text size="xs" c="dimmed">
          Showing {results.rows.length.toLocaleString('en-US')} of {results.total.toLocaleString('en-US')}; failures come first.
        </Text>
      )}
    </Stack>
  );
}
