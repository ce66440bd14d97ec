import { Button, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { minPasswordLength } from '../../../electron/contract/auth.vocab';
import { useState } from 'react';
import { invoke } from '../../api/client';
import { keepSession } from '../../api/session';
import { showFormFailure } from '../../components/useFormCall';

type Values = { name: string; login: string; password: string; repeated: string };

/** A workstation without accounts is open to whoever sits at it; creating the administrator turns sign-in on. */
export function CreateAdministratorCard() {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { name: '', login: '', password: '', repeated: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Is required'),
      login: (value) => (value.trim().length >= 3 ? null : 'Must be at least 3 characters'),
      password: (value) => (value.length >= minPasswordLength ? null : `Must be at least ${minPasswordLength} characters long`),
      repeated: (value, values) => (value === values.password ? null : 'Does not match the password'),
    },
  });
  const [running, setRunning] = useState(false);
  // Not useFormCall: its refresh of every query on success would run before the new session is kept, and be refused.
  const submit = form.onSubmit(async ({ name, login, password }) => {
    setRunning(true);
    const outcome = await invoke('auth.setupAdministrator', { name, login, password });
    setRunning(false);
    if (!outcome.ok) return showFormFailure(form, outcome.error, { failureTitle: 'The administrator was not created' });
    keepSession(outcome.value.token);
    queryClient.setQueryData(['auth.status', {}], outcome.value.status);
    await queryClient.invalidateQueries();
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3}>Create the administrator</Title>
          <Text size="sm" c="dimmed" maw={720}>
            Nobody has a login yet, so anyone at this computer can do everything. Create the administrator to turn sign-in on: from then on everyone signs in,
            and what they may do follows their role. You are signed in as the administrator at once.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Your name" withAsterisk {...form.getInputProps('name')} />
            <TextInput label="Login" withAsterisk autoComplete="username" {...form.getInputProps('login')} />
            <PasswordInput
              label="Password"
              withAsterisk
              autoComplete="new-password"
              description={`At least ${minPasswordLength} characters, not containing the login.`}
              {...form.getInputProps('password')}
            />
            <PasswordInput label="Password again" withAsterisk autoComplete="new-password" {...form.getInputProps('repeated')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={running}>
              Create the administrator
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
