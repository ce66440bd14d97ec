import { ActionIcon, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { CustomRole } from '../../../electron/contract/auth';
import { builtInRoleKeys, builtInRoles } from '../../../electron/contract/roles';
import { useCall, useQueryCall } from '../../api/useCall';
import { Permitted } from '../../components/Permitted';
import { RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { RoleFormModal } from './RoleFormModal';

const columns = [
  { label: 'Role' },
  { label: 'What it is for' },
  { label: 'Permissions', width: 120 },
  { label: 'Clients', width: 130 },
  { label: 'People', width: 90 },
  { label: 'Actions', width: 100, align: 'right' as const },
];

/** The built-in roles, and the custom roles a facility makes from the permissions. */
export function RolesSection() {
  const roles = useQueryCall('roles.list', {});
  const [editing, setEditing] = useState<{ role: CustomRole | null } | null>(null);
  const remove = useCall('roles.delete', { failureTitle: 'The role was not deleted' });

  return (
    <div>
      <SectionHeader
        title="Roles"
        description={`Built in: ${builtInRoleKeys.map((key) => builtInRoles[key].label).join(', ')}. Make your own from the permissions, area by area.`}
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ role: null })}>
            New role
          </Button>
        }
      />
      <RecordsTable
        label="Custom roles"
        columns={columns}
        loading={roles.isLoading}
        rows={roles.data}
        empty="No custom roles yet. The built-in roles cover most offices."
      >
        {(role) => (
          <Table.Tr>
            <Table.Td fw={500}>{role.name}</Table.Td>
            <Table.Td>{role.description || <Text c="dimmed">—</Text>}</Table.Td>
            <Table.Td>{role.permissions.length}</Table.Td>
            <Table.Td>{role.onlyManagedClients ? 'Only their own' : 'All'}</Table.Td>
            <Table.Td>{role.userCount}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={`Edit role ${role.name}`} onClick={() => setEditing({ role })}>
                  <IconPencil size={16} />
                </ActionIcon>
                <Permitted procedure="roles.delete">
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete role ${role.name}`} onClick={() => void remove.run({ id: role.id })}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Permitted>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {editing && <RoleFormModal role={editing.role} onClose={() => setEditing(null)} />}
    </div>
  );
}
