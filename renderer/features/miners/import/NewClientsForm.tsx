import { Group, ScrollArea, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ImportNewClient } from '../../../../electron/contract/miners.import';
import { useQueryCall } from '../../../api/useCall';

/** The name and manager chosen for one new client, by its e-mail. */
export type NewClientChoice = { name: string; managerId: number | null };
export type NewClientChoices = Map<string, NewClientChoice>;

/** What the preview proposes: the name the file gives (or none) and the manager suggested (the person importing, when on the staff). */
export function initialChoices(clients: readonly ImportNewClient[], suggestedManagerId: number | null): NewClientChoices {
  return new Map(clients.map((client) => [client.email, { name: client.name, managerId: client.managerId ?? suggestedManagerId }]));
}

export const choicesComplete = (choices: NewClientChoices) => [...choices.values()].every((choice) => choice.name.trim() !== '' && choice.managerId !== null);

/** The commit's `newClients`: one entry per new e-mail, with the name and manager chosen. */
export const choicesToInput = (choices: NewClientChoices) =>
  [...choices].map(([email, choice]) => ({ email, name: choice.name.trim(), managerId: choice.managerId ?? 0 }));

/**
 * "Add client" for every e-mail of the file that no client has: the person importing names each new
 * client and chooses its manager before anything is created (as MoonOne asks when an import brings a new e-mail).
 */
export function NewClientsForm(props: { clients: readonly ImportNewClient[]; choices: NewClientChoices; onChange: (choices: NewClientChoices) => void }) {
  const staff = useQueryCall('staff.list', { includeInactive: false });
  const managers = (staff.data ?? []).map((member) => ({ value: String(member.id), label: member.name }));
  const set = (email: string, change: Partial<NewClientChoice>) => {
    const next = new Map(props.choices);
    next.set(email, { ...(next.get(email) ?? { name: '', managerId: null }), ...change });
    props.onChange(next);
  };
  const setAllManagers = (managerId: number | null) => props.onChange(new Map([...props.choices].map(([email, choice]) => [email, { ...choice, managerId }])));
  const count = props.clients.length;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={4}>{count === 1 ? 'Add 1 new client' : `Add ${count} new clients`}</Title>
          <Text size="sm" c="dimmed">
            {count === 1
              ? 'This e-mail belongs to no client yet. Give the new client a name and a manager; it is created when you import.'
              : `These ${count} e-mails belong to no client yet. Give each new client a name and a manager; they are created when you import.`}
          </Text>
        </div>
        {count > 1 && (
          <Select
            label="Manager for all"
            placeholder="Choose…"
            data={managers}
            value={null}
            onChange={(value) => setAllManagers(value ? Number(value) : null)}
            w={200}
            style={{ flexShrink: 0 }}
          />
        )}
      </Group>
      <ScrollArea.Autosize mah={240}>
        <Table withTableBorder verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>E-mail</Table.Th>
              <Table.Th w={70}>Rows</Table.Th>
              <Table.Th w={230}>Client name</Table.Th>
              <Table.Th w={200}>Manager</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.clients.map((client) => {
              const choice = props.choices.get(client.email) ?? { name: '', managerId: null };
              return (
                <Table.Tr key={client.email}>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {client.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{client.rows}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Client name for ${client.email}`}
                      placeholder="Client name"
                      required
                      maxLength={200}
                      value={choice.name}
                      onChange={(event) => set(client.email, { name: event.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Manager for ${client.email}`}
                      placeholder="Choose a manager"
                      required
                      data={managers}
                      value={choice.managerId === null ? null : String(choice.managerId)}
                      onChange={(value) => set(client.email, { managerId: value ? Number(value) : null })}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
