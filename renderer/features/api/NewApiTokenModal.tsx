import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { CreatedApiToken } from '../../../electron/contract/api';
import { apiOrigin } from './api-origin';

/** The new token, shown this once: Hashdesk keeps only its hash. */
export function NewApiTokenModal({ created, onClose }: { created: CreatedApiToken; onClose: () => void }) {
  const example = `curl -H "Authorization: Bearer ${created.secret}" -H 'content-type: application/json' -d '{}' ${apiOrigin()}/api/auth.me`;
  return (
    <Modal opened onClose={onClose} title={`API token “${created.token.name}”`} size="lg" centered>
      <Stack gap="md">
        <Text size="sm">
          This token acts as {created.token.ownerName}, with whatever their role allows at each call. Send it as <Code>Authorization: Bearer …</Code>.
        </Text>
        <Group gap="sm" wrap="nowrap" align="center">
          <Code fz="sm" px="md" py="xs" style={{ wordBreak: 'break-all', flex: 1 }} aria-label="New API token">
            {created.secret}
          </Code>
          <CopyButton value={created.secret}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy} data-autofocus>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="yellow" variant="light" title="It will not be shown again">
          Hashdesk keeps only a hash of it. Copy it now into the script or password manager that needs it; if it is lost, revoke it and create another.
        </Alert>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Try it
          </Text>
          <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {example}
          </Code>
        </Stack>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
