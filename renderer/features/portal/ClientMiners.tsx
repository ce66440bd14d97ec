import { Group, Pagination, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateTime } from '../../../electron/contract/dates';
import { liveStatusLabels } from '../../../electron/contract/miners.vocab';
import { useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';

const pageSize = 100;
const noValue = '—';

/** The client's miners, a hundred a page, searchable by asset ID, serial, model or worker. */
export function ClientMiners({ timeZone }: { timeZone: string }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [page, setPage] = useState(1);
  const miners = useQueryCall(
    'portal.miners',
    { search: debounced, offset: (page - 1) * pageSize, limit: pageSize },
    { staleTime: 30_000, placeholderData: (previous) => previous },
  );
  const pages = Math.max(1, Math.ceil((miners.data?.total ?? 0) / pageSize));
  return (
    <section aria-labelledby="client-miners">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="client-miners">
          Miners
        </Title>
        <TextInput
          aria-label="Search miners"
          placeholder="Asset ID, serial, model or worker"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
      </Group>
      {miners.error && <ErrorAlert title="Could not load your miners" error={miners.error.apiError} />}
      {miners.data && (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {miners.data.total.toLocaleString('en-US')} {miners.data.total === 1 ? 'miner' : 'miners'}
            {debounced ? ` match “${debounced}”` : ''}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder aria-label="Miners">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Asset ID</Table.Th>
                  <Table.Th>Model</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Hashrate (TH/s)</Table.Th>
                  <Table.Th ta="right">Power (W)</Table.Th>
                  <Table.Th>Where</Table.Th>
                  <Table.Th>Worker</Table.Th>
                  <Table.Th>Last seen</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {miners.data.rows.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{m.assetId}</Table.Td>
                    <Table.Td>
                      {m.make} {m.model}
                    </Table.Td>
                    <Table.Td>{liveStatusLabels[m.status]}</Table.Td>
                    <Table.Td ta="right">
                      {m.hashrateThs ?? noValue}
                      {m.nominalHashrateThs && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          / {m.nominalHashrateThs}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{m.powerW?.toLocaleString('en-US') ?? noValue}</Table.Td>
                    <Table.Td>{[m.site, m.rack && `${m.rack}${m.rackPosition ? ` U${m.rackPosition}` : ''}`].filter(Boolean).join(' · ') || noValue}</Table.Td>
                    <Table.Td>{m.workerName ?? noValue}</Table.Td>
                    <Table.Td>{m.lastSeenAt ? formatDateTime(m.lastSeenAt, timeZone) : noValue}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && <Pagination mt="sm" total={pages} value={page} onChange={setPage} aria-label="Miner pages" />}
        </>
      )}
    </section>
  );
}
