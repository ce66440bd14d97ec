import { ActionIcon, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { StaffMember } from '../../../electron/contract/staff';
import { useQueryCall } from '../../api/useCall';
import { RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { ClientGroupsSection } from './ClientGroupsSection';
import { StaffFormModal } from './StaffFormModal';
import { Permitted } from '../../components/Permitted';
import { useGranted } from '../../api/usePermissions';

const columns = [
  { label: 'Name' },
  { label: 'E-mail' },
  { label: 'Phone' },
  { label: 'Status', width: 110 },
  { label: 'Clients managed', width: 170, align: 'right' as const },
  { label: 'Actions', width: 80, align: 'right' as const },
];

/** Settings → Staff: the people who manage clients, and the groups clients are sorted into. */
export function StaffTab() {
  const staff = useQueryCall('staff.list', { includeInactive: true });
  const [editing, setEditing] = useState<{ member: StaffMember | null } | null>(null);
  const seesClients = useGranted('clients.view');

  return (
    <Stack gap={40}>
      <div>
        <SectionHeader
          title="Staff members"
          description="Every client has a manager from this list. People who leave are set inactive rather than deleted, so their clients keep their history."
          action={
            <Permitted procedure="staff.create">
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ member: null })}>
                Add staff member
              </Button>
            </Permitted>
          }
        />
        <RecordsTable
          label="Staff members"
          columns={columns}
          loading={staff.isLoading}
          rows={staff.data}
          empty="No staff yet. Add the people who manage clients; each new client needs a manager."
        >
          {(member) => (
            <Table.Tr>
              <Table.Td fw={500}>{member.name}</Table.Td>
              <Table.Td>{member.email ?? <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td>{member.phone || <Text c="dimmed">—</Text>}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={member.active ? 'green' : 'gray'}>
                  {member.active ? 'Active' : 'Inactive'}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{member.clientCount}</Table.Td>
              <Table.Td ta="right">
                <Permitted procedure="staff.update">
                  <ActionIcon variant="subtle" aria-label={`Edit ${member.name}`} onClick={() => setEditing({ member })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Permitted>
              </Table.Td>
            </Table.Tr>
          )}
        </RecordsTable>
      </div>
      {/* Client groups are the clients' own records: shown to a role that may see clients. */}
      {seesClients && <ClientGroupsSection />}
      {editing && <StaffFormModal member={editing.member} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
