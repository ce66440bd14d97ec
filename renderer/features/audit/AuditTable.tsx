import { Badge, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useQueryCall } from '../../api/useCall';
import { describeChanges } from './describe-changes';

/** The change log, newest first, optionally for one entity or everything about one client; used by Settings and detail pages. */
export function AuditTable({ entity, entityId, clientId, pageSize = 25 }: { entity?: string; entityId?: string; clientId?: number; pageSize?: number }) {
  const [page, setPage] = useState(1);
  const audit = useQueryCall('audit.list', { entity, entityId, clientId, limit: pageSize, offset: (page - 1) * pageSize });
  const rows = audit.data?.rows ?? [];
  const pages = Math.max(1, Math.ceil((audit.data?.total ?? 0) / pageSize));
  return (
    <Stack>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Change log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>When</Table.Th>
            <Table.Th w={140}>Who</Table.Th>
            <Table.Th w={200}>What</Table.Th>
            <Table.Th>Changes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>{new Date(row.at).toLocaleString()}</Table.Td>
              <Table.Td>{row.actor}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Badge variant="light">{row.action}</Badge>
                  <Text size="xs" c="dimmed">
                    {row.entity} #{row.entityId}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                {describeChanges(row.before, row.after).map((line) => (
                  <Text key={line} size="sm">
                    {line}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
          {!audit.isLoading && rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
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
