import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { PasswordReset } from '../../../electron/contract/auth';

/** The one-time password, shown once: Hashdesk keeps only its hash. */
export function OneTimePasswordModal({ reset, onClose }: { reset: PasswordReset; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={`New password for ${reset.user.name}`} centered>
      <Stack gap="md">
        <Text size="sm">
          Give this one-time password to {reset.user.name} (login <strong>{reset.user.login}</strong>). They must choose their own when they sign in.
        </Text>
        <Group gap="sm">
          <Code fz="xl" px="md" py="xs" aria-label="One-time password">
            {reset.oneTimePassword}
          </Code>
          <CopyButton value={reset.oneTimePassword}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="yellow" variant="light">
          It is shown only now. If it is lost, reset the password again.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
