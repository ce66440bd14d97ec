import { ActionIcon, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ClientContact, ContactRole } from '../../../../electron/contract/clients.records';
import { useQueryCall } from '../../../api/useCall';
import { ClientViewersSection } from './ClientViewersSection';
import { ContactFormModal, roleLabels } from './ContactFormModal';
import { RecordsTable } from '../../../components/RecordsTable';
import { SectionHeader } from '../../../components/SectionHeader';
import { useConfirmDelete } from '../../../components/useConfirmDelete';
import { Permitted } from '../../../components/Permitted';

const roleColors: Record<ContactRole, string> = { owner: 'violet', billing: 'teal', technical: 'blue' };

const columns = [
  { label: 'Name' },
  { label: 'E-mail' },
  { label: 'Phone' },
  { label: 'Role', width: 130 },
  { label: 'Actions', width: 100, align: 'right' as const },
];

/** The people at the customer: who owns the account, who receives bills, who to call about machines. */
export function TeamTab({ clientId, clientName }: { clientId: number; clientName: string }) {
  const contacts = useQueryCall('clients.contacts.list', { clientId });
  const [editing, setEditing] = useState<{ contact: ClientContact | null } | null>(null);
  const deletion = useConfirmDelete('clients.contacts.delete', {
    noun: 'contact',
    nameOf: (contact: ClientContact) => contact.name,
    consequence: (contact) => `${contact.name} will be removed from this client's team. The activity log keeps a record of the deletion.`,
  });

  return (
    <>
      <SectionHeader
        title="Contacts"
        description="The customer's people: who owns the account, who receives bills and who handles technical issues."
        action={
          <Permitted procedure="clients.contacts.create">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ contact: null })}>
              Add contact
            </Button>
          </Permitted>
        }
      />
      <RecordsTable
        label="Contacts"
        columns={columns}
        loading={contacts.isLoading}
        rows={contacts.data}
        empty="No contacts yet. Add the people at the customer who own the account, receive bills or handle technical issues."
      >
        {(contact) => (
          <Table.Tr>
            <Table.Td fw={500}>{contact.name}</Table.Td>
            <Table.Td>{contact.email ?? <Text c="dimmed">—</Text>}</Table.Td>
            <Table.Td>{contact.phone || <Text c="dimmed">—</Text>}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={roleColors[contact.role]}>
                {roleLabels[contact.role]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Permitted procedure="clients.contacts.update">
                  <ActionIcon variant="subtle" aria-label={`Edit ${contact.name}`} onClick={() => setEditing({ contact })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Permitted>
                <Permitted procedure="clients.contacts.delete">
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete ${contact.name}`} onClick={() => deletion.ask(contact)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Permitted>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {editing && <ContactFormModal clientId={clientId} contact={editing.contact} onClose={() => setEditing(null)} />}
      {deletion.modal}
      <ClientViewersSection clientId={clientId} clientName={clientName} />
    </>
  );
}
