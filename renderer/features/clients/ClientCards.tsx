import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ClientListRow } from '../../../electron/contract/clients.list';
import { balanceText } from './client-balance';
import { ClientMinersBar, ClientTasksBar } from './ClientBars';
import { ClientRowActions } from './ClientRowActions';
import { ClientStatusBadge } from './ClientStatusBadge';

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right" truncate>
        {children}
      </Text>
    </Group>
  );
}

export function ClientCards({ rows }: { rows: ClientListRow[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} aria-label="Clients">
      {rows.map((row) => (
        <Card key={row.id} withBorder radius="md" padding="md" aria-label={`Client ${row.name}`}>
          <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/clients/${row.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {row.name}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                #{row.id} · {row.company || row.contactEmail}
              </Text>
            </Stack>
            <ClientStatusBadge status={row.status} archived={row.archived} />
          </Group>
          <Stack gap={6}>
            <Line label="E-mail">{row.contactEmail}</Line>
            <Line label="Phone">{row.phone || '—'}</Line>
            <Line label="Manager">{row.manager.name}</Line>
            <Line label="Bills">{row.billsCount}</Line>
            <Line label="Balance">{balanceText(row.balances, row.currency)}</Line>
            <Text size="xs" c="dimmed" mt={4}>
              Miners
            </Text>
            <ClientMinersBar row={row} />
            <Text size="xs" c="dimmed">
              Tasks
            </Text>
            <ClientTasksBar row={row} />
          </Stack>
          <Group justify="flex-end" mt="sm">
            <ClientRowActions id={row.id} name={row.name} />
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}
