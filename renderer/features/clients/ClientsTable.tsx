import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ClientListRow } from '../../../electron/contract/clients.list';
import { balanceLines } from './client-balance';
import { ClientMinersBar, ClientTasksBar } from './ClientBars';
import { ClientRowActions } from './ClientRowActions';
import { ClientStatusBadge } from './ClientStatusBadge';

export function ClientsTable({ rows }: { rows: ClientListRow[] }) {
  return (
    // Fits 1280 px without scrolling: the Contact column shows from 1408 px, and below that the phone sits under the e-mail.
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Clients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>ID</Table.Th>
            <Table.Th>Name and e-mail</Table.Th>
            <Table.Th visibleFrom="xl">Contact</Table.Th>
            <Table.Th w={156}>Status</Table.Th>
            <Table.Th w={130}>Miners</Table.Th>
            <Table.Th w={110}>Tasks</Table.Th>
            <Table.Th w={52} ta="right">
              Bills
            </Table.Th>
            <Table.Th w={104} ta="right">
              Balance
            </Table.Th>
            <Table.Th w={130}>Manager</Table.Th>
            <Table.Th w={80}>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  #{row.id}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/clients/${row.id}`} fw={600} size="sm">
                    {row.name}
                  </Anchor>
                  {row.company && (
                    <Text size="xs" c="dimmed">
                      {row.company}
                    </Text>
                  )}
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {row.contactEmail}
                  </Text>
                  {row.phone && (
                    <Text size="xs" c="dimmed" hiddenFrom="xl">
                      {row.phone}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom="xl">
                <Stack gap={0}>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {row.phone || '—'}
                  </Text>
                  {row.messenger && (
                    <Text size="xs" c="dimmed">
                      {row.messenger}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <ClientStatusBadge status={row.status} archived={row.archived} />
              </Table.Td>
              <Table.Td>
                <ClientMinersBar row={row} />
              </Table.Td>
              <Table.Td>
                <ClientTasksBar row={row} />
              </Table.Td>
              <Table.Td ta="right">{row.billsCount}</Table.Td>
              <Table.Td ta="right">
                {balanceLines(row.balances, row.currency).map((line) => (
                  <Text key={line.currency} size="sm" c={line.owes ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {line.text}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.manager.name}</Text>
              </Table.Td>
              <Table.Td>
                <ClientRowActions id={row.id} name={row.name} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
