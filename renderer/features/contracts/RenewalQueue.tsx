import { Anchor, Badge, Group, Paper, Select, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { contractTypeLabels } from '../../../electron/contract/contracts.vocab';
import { useQueryCall } from '../../api/useCall';
import { noWrap } from '../../components/RecordsTable';
import { instantText } from './contract-format';
import { renewalQueueInput, type ContractListView } from './contract-list-params';

const windows = [7, 14, 30, 60, 90];

/** Contracts in force whose last day to give notice falls within the window: decide now whether each renews. */
export function RenewalQueue({ view, onChange }: { view: ContractListView; onChange: (change: Partial<ContractListView>) => void }) {
  const queue = useQueryCall('contracts.list', renewalQueueInput(view), { placeholderData: (previous) => previous });
  const rows = queue.data?.rows ?? [];
  const now = new Date().toISOString();
  const total = queue.data?.total ?? 0;
  const options = [...new Set([...windows, view.queueDays])].sort((a, b) => a - b).map((days) => ({ value: String(days), label: `${days} days` }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Renewal queue">
      <Group justify="space-between" mb={rows.length ? 'xs' : 0}>
        <Group gap="xs">
          <Text fw={600}>Renewal queue</Text>
          <Badge variant="light" color={total ? 'orange' : 'gray'}>
            {total}
          </Badge>
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            Notice due within
          </Text>
          <Select
            aria-label="Notice due within"
            size="xs"
            w={100}
            allowDeselect={false}
            data={options}
            value={String(view.queueDays)}
            onChange={(days) => days && onChange({ queueDays: Number(days) })}
          />
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {queue.data ? `No contract in force has its last day for notice within ${view.queueDays} days.` : 'Loading…'}
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label="Due for notice">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td style={noWrap}>
                  <Anchor component={Link} to={`/contracts/${row.id}`} size="sm" fw={600}>
                    {row.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {row.client.name} · {contractTypeLabels[row.type]} · {row.site.name}
                  </Text>
                </Table.Td>
                <Table.Td style={noWrap}>
                  {row.noticeBy < now ? (
                    <Text size="sm" c="red">
                      Notice was due {instantText(row.noticeBy, row.timeZone)}
                    </Text>
                  ) : (
                    <Text size="sm">Notice by {instantText(row.noticeBy, row.timeZone)}</Text>
                  )}
                </Table.Td>
                <Table.Td style={noWrap}>
                  <Text size="sm" c="dimmed">
                    Ends {instantText(row.endsAt, row.timeZone)}
                  </Text>
                </Table.Td>
                <Table.Td style={noWrap} ta="right">
                  <Badge variant="light" color={row.autoRenew ? 'blue' : 'gray'}>
                    {row.autoRenew ? 'Auto-renews' : 'No auto-renew'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {total > rows.length && (
        <Text size="xs" c="dimmed" mt="xs">
          The {rows.length} soonest of {total} are shown.
        </Text>
      )}
    </Paper>
  );
}
