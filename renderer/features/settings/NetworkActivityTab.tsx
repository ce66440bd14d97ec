import { Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { OutboundDestination } from '../../../electron/contract/app';
import { useQueryCall } from '../../api/useCall';
import { noWrap, RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { useDates } from '../../components/useDates';

/** Rows shown at once: a scan of a large range lists tens of thousands of addresses; the search narrows them. */
const shownRows = 500;

const columns = [
  { label: 'Protocol', width: 90 },
  { label: 'Address' },
  { label: 'Port', width: 90, align: 'right' as const },
  { label: 'Connections', width: 130, align: 'right' as const },
  { label: 'First', width: 190 },
  { label: 'Last', width: 190 },
];

/**
 * Where the app has connected since it started (app.outbound): the miners, PDUs, meters and mail server it
 * was told of and the ranges it scanned, and nothing else. The office can see for itself that it stays offline.
 */
export function NetworkActivityTab() {
  const log = useQueryCall('app.outbound', {}, { refetchInterval: 10_000 });
  const dates = useDates();
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    const needle = search.trim();
    const all = (log.data?.destinations ?? []).filter((d) => !needle || `${d.address}:${d.port}`.includes(needle));
    return all
      .sort((a, b) => b.lastAt.localeCompare(a.lastAt))
      .slice(0, shownRows)
      .map((d: OutboundDestination, i) => ({ ...d, id: i + 1 }));
  }, [log.data, search]);
  const total = log.data?.destinations.length ?? 0;
  return (
    <Stack gap="sm">
      <SectionHeader
        title="Network activity"
        description={`Every address and port Hashdesk has opened a connection to since it started${log.data ? ` (${dates.dateTime(log.data.since)})` : ''}: scanned ranges, miners, PDUs, meters and the mail server. Nothing else is contacted.`}
      />
      <TextInput
        label="Address"
        placeholder="e.g. 10.0.7. or :161"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={320}
      />
      <Text size="sm" c="dimmed">
        {total.toLocaleString('en-US')} place{total === 1 ? '' : 's'}
        {rows.length < total && rows.length === shownRows ? `; the ${shownRows} used most recently${search.trim() ? ' that match' : ''} are shown` : ''}
        {log.data?.dropped ? `; ${log.data.dropped.toLocaleString('en-US')} more connections went to places past the list's limit` : ''}.
      </Text>
      <RecordsTable label="Outbound connections" columns={columns} rows={rows} loading={log.isLoading} empty="No connection since the app started.">
        {(row) => (
          <Table.Tr>
            <Table.Td>{row.protocol.toUpperCase()}</Table.Td>
            <Table.Td ff="monospace">{row.address}</Table.Td>
            <Table.Td ta="right">{row.port}</Table.Td>
            <Table.Td ta="right">{row.count.toLocaleString('en-US')}</Table.Td>
            <Table.Td style={noWrap}>{dates.dateTime(row.firstAt)}</Table.Td>
            <Table.Td style={noWrap}>{dates.dateTime(row.lastAt)}</Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
    </Stack>
  );
}
