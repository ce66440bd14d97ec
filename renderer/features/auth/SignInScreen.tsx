import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { invoke } from '../../api/client';
import { keepSession } from '../../api/session';

/** Signing in: the login and password, and why the last session ended or the last attempt was refused. */
export function SignInScreen({ notice, onSignedIn }: { notice: string | null; onSignedIn: () => void }) {
  const queryClient = useQueryClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    const outcome = await invoke('auth.signIn', { login, password });
    setRunning(false);
    if (!outcome.ok) {
      setRefusal(outcome.error.message);
      return;
    }
    keepSession(outcome.value.token);
    onSignedIn();
    queryClient.setQueryData(['auth.status', {}], outcome.value.status);
    await queryClient.invalidateQueries();
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={400} component="main">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md">
            <div>
              <Title order={2}>Sign in to Hashdesk</Title>
              <Text size="sm" c="dimmed">
                Use the login an administrator gave you.
              </Text>
            </div>
            {notice && !refusal && (
              <Alert color="blue" variant="light">
                {notice}
              </Alert>
            )}
            {refusal && (
              <Alert color="red" variant="light" title="Not signed in" role="alert">
                {refusal}
              </Alert>
            )}
            <TextInput
              label="Login"
              autoComplete="username"
              required
              data-autofocus
              autoFocus
              value={login}
              onChange={(e) => setLogin(e.currentTarget.value)}
            />
            <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            <Button type="submit" loading={running} disabled={!login || !password}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
