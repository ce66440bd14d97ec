import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ClientDetail, ClientStatus } from '../../../../electron/contract/clients';
import { useQueryCall } from '../../../api/useCall';
import { ClientStatusBadge } from '../ClientStatusBadge';
import { StatusChangeModal } from '../StatusChangeModal';
import { useDates } from '../../../components/useDates';
import { Permitted } from '../../../components/Permitted';

/** Dune's "Default status" tab: the whole status history with reasons, and set or clear In Default. */
export function DefaultStatusTab({ client }: { client: ClientDetail }) {
  const { dateTime } = useDates();
  const history = useQueryCall('clients.statusHistory', { clientId: client.id });
  const [target, setTarget] = useState<ClientStatus | null>(null);
  const inDefault = client.status === 'in_default';
  return (
    <Stack>
      {!client.archivedAt && (
        <Group>
          {inDefault ? (
            <Permitted procedure="clients.setStatus">
              <Button color="green" onClick={() => setTarget('active')}>
                Clear default
              </Button>
            </Permitted>
          ) : (
            <Permitted procedure="clients.setStatus">
              <Button color="red" variant="light" onClick={() => setTarget('in_default')}>
                Set In Default
              </Button>
            </Permitted>
          )}
        </Group>
      )}
      <Table striped verticalSpacing="xs" aria-label="Status history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>When</Table.Th>
            <Table.Th w={150}>From</Table.Th>
            <Table.Th w={150}>To</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th w={150}>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(history.data ?? []).map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>{dateTime(row.at)}</Table.Td>
              <Table.Td>{row.fromStatus ? <ClientStatusBadge status={row.fromStatus} /> : <Text size="sm">Created</Text>}</Table.Td>
              <Table.Td>
                <ClientStatusBadge status={row.toStatus} />
              </Table.Td>
              <Table.Td>{row.reason ?? '—'}</Table.Td>
              <Table.Td>{row.actor}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {target && <StatusChangeModal client={client} opened onClose={() => setTarget(null)} initialStatus={target} />}
    </Stack>
  );
}
