import { Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useQueryCall } from '../../api/useCall';
import { noWrap } from '../../components/RecordsTable';
import { useDates } from '../../components/useDates';

/**
 * The change log, newest first, optionally for one entity or everything about one client; used by the
 * dashboard, Settings and detail pages. Each row reads as the sentence the service wrote for it, with the
 * changed fields under it (`sentencesOnly`: without them, for a summary such as the dashboard's).
 */
export function AuditTable(props: { entity?: string; entityId?: string; clientId?: number; pageSize?: number; sentencesOnly?: boolean }) {
  const { entity, entityId, clientId, pageSize = 25 } = props;
  const [page, setPage] = useState(1);
  const audit = useQueryCall('audit.list', { entity, entityId, clientId, limit: pageSize, offset: (page - 1) * pageSize });
  const { dateTime } = useDates();
  const rows = audit.data?.rows ?? [];
  const pages = Math.max(1, Math.ceil((audit.data?.total ?? 0) / pageSize));
  return (
    <Stack>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Change log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>When</Table.Th>
            <Table.Th w={130}>Who</Table.Th>
            <Table.Th>What happened</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td style={{ ...noWrap, verticalAlign: 'top' }}>{dateTime(row.at)}</Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>{row.actor}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {row.summary}
                </Text>
                {!props.sentencesOnly && <ChangeLines lines={row.changes} />}
              </Table.Td>
            </Table.Tr>
          ))}
          {!audit.isLoading && rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3}>
                <Text c="dimmed" ta="center" py="md">
                  No changes recorded yet.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
    </Stack>
  );
}

/** "Field: old → new" one per line; a new or removed record's fields on one line. */
function ChangeLines({ lines }: { lines: string[] }) {
  if (!lines.some((line) => line.includes(' → ')))
    return lines.length ? (
      <Text size="sm" c="dimmed">
        {lines.join(' · ')}
      </Text>
    ) : null;
  return lines.map((line, i) => (
    <Text key={i} size="sm" c="dimmed">
      {line}
    </Text>
  ));
}
