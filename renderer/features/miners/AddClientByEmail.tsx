import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall, useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Permitted } from '../../components/Permitted';

/**
 * "No client has this e-mail": instead of a Confirm that would fail, the mass edit offers to add the
 * client here (name and manager, as the import does), so the miners can go to it without leaving the dialog.
 */
export function AddClientByEmail({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [managerId, setManagerId] = useState<string | null>(null);
  const staff = useQueryCall('staff.list', { includeInactive: false }, { enabled: open });
  const create = useCall('clients.create', { quiet: true });
  if (!open)
    return (
      <Group gap="xs" mt={4} wrap="nowrap">
        <Text size="sm" c="orange">
          No client has this contact e-mail.
        </Text>
        <Permitted procedure="clients.create">
          <Button size="compact-sm" variant="light" leftSection={<IconUserPlus size={14} />} onClick={() => setOpen(true)}>
            Add client
          </Button>
        </Permitted>
      </Group>
    );
  const ready = name.trim() !== '' && managerId !== null;
  return (
    <Paper withBorder p="sm" mt="xs" role="group" aria-label="Add client">
      <Stack gap="xs">
        <Text size="sm">
          A new client with the contact e-mail <b>{email}</b>:
        </Text>
        <Group grow align="flex-start">
          <TextInput label="Name" withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <Select
            label="Manager"
            withAsterisk
            placeholder="Choose…"
            data={(staff.data ?? []).map((member) => ({ value: String(member.id), label: member.name }))}
            value={managerId}
            onChange={setManagerId}
          />
        </Group>
        <ErrorAlert title="The client was not added" error={create.error} />
        <Group justify="flex-end">
          <Button
            size="xs"
            disabled={!ready}
            loading={create.running}
            onClick={() => ready && create.run({ name: name.trim(), contactEmail: email, managerId: Number(managerId) })}
          >
            Add client
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
