import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { invoke } from '../../api/client';
import { dropSession } from '../../api/session';
import { ChangePasswordForm } from './ChangePasswordForm';

/** After a reset: the one-time password works for nothing but choosing one's own. */
export function ChangePasswordScreen({ name }: { name: string }) {
  const signOut = () => void invoke('auth.signOut', {}).finally(dropSession);
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420} component="main">
        <Stack gap="md">
          <div>
            <Title order={2}>Choose your password</Title>
            <Text size="sm" c="dimmed">
              {name ? `${name}, you` : 'You'} signed in with a one-time password. Choose your own before going on.
            </Text>
          </div>
          <ChangePasswordForm currentLabel="One-time password" onDone={() => undefined} />
          <Button variant="subtle" size="xs" onClick={signOut}>
            Sign out instead
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
