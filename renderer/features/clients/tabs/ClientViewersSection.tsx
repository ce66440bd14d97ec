import { Badge, Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ClientViewer } from '../../../../electron/contract/portal';
import { useCall, useQueryCall } from '../../../api/useCall';
import { Permitted } from '../../../components/Permitted';
import { RecordsTable } from '../../../components/RecordsTable';
import { SectionHeader } from '../../../components/SectionHeader';
import { useDates } from '../../../components/useDates';
import { ClientViewerModal } from './ClientViewerModal';

const columns = [
  { label: 'Name' },
  { label: 'Login' },
  { label: 'Last sign-in' },
  { label: 'Access', width: 160 },
  { label: 'Actions', width: 130, align: 'right' as const },
];

function ToggleViewer({ viewer }: { viewer: ClientViewer }) {
  const toggle = useCall('clients.viewers.setEnabled', { failureTitle: 'The login was not changed' });
  return (
    <Permitted procedure="clients.viewers.setEnabled">
      <Button
        size="xs"
        variant="light"
        color={viewer.enabled ? 'red' : 'green'}
        loading={toggle.running}
        onClick={() => void toggle.run({ staffId: viewer.staffId, enabled: !viewer.enabled })}
        aria-label={`${viewer.enabled ? 'Turn off' : 'Turn on'} the login of ${viewer.name}`}
      >
        {viewer.enabled ? 'Turn off' : 'Turn on'}
      </Button>
    </Permitted>
  );
}

/** People of the client who may sign in to its client view: their own miners, contracts and invoices, read only. */
export function ClientViewersSection({ clientId, clientName }: { clientId: number; clientName: string }) {
  const viewers = useQueryCall('clients.viewers.list', { clientId });
  const { dateTime } = useDates();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <SectionHeader
        title="Client view logins"
        description="People of the client who may sign in to see this client's miners, contracts and invoices, read only, and nothing else."
        action={
          <Permitted procedure="clients.viewers.create">
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              Add viewer
            </Button>
          </Permitted>
        }
      />
      <RecordsTable
        label="Client view logins"
        columns={columns}
        loading={viewers.isLoading}
        rows={viewers.data?.map((viewer) => ({ ...viewer, id: viewer.staffId }))}
        empty="No one at this client can sign in yet."
      >
        {(viewer) => (
          <Table.Tr>
            <Table.Td fw={500}>{viewer.name}</Table.Td>
            <Table.Td>{viewer.login ?? <Text c="dimmed">—</Text>}</Table.Td>
            <Table.Td>{dateTime(viewer.lastSignInAt)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={viewer.enabled ? 'green' : 'gray'}>
                {viewer.enabled ? 'Can sign in' : 'Turned off'}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">
              <ToggleViewer viewer={viewer} />
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {adding && <ClientViewerModal clientId={clientId} clientName={clientName} onClose={() => setAdding(false)} />}
    </>
  );
}
