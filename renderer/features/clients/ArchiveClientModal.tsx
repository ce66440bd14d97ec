import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClientDetail } from '../../../electron/contract/clients';
import { useCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Permitted } from '../../components/Permitted';

/** Archiving instead of deleting: the service refuses while miners, active contracts or unpaid invoices remain. */
export function ArchiveClientModal({ client, opened, onClose }: { client: ClientDetail; opened: boolean; onClose: () => void }) {
  const archive = useCall('clients.archive', { quiet: true });
  const confirm = async () => {
    const outcome = await archive.run({ id: client.id });
    if (outcome.ok) {
      notifications.show({ color: 'green', title: 'Client archived', message: `${client.name} was archived. Its history is kept.` });
      onClose();
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Archive ${client.name}?`}>
      <Stack>
        <Text size="sm">Archived clients leave the list but keep their history, invoices and logs. Their contact e-mail can be used by another client.</Text>
        <ErrorAlert title="The client was not archived" error={archive.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Permitted procedure="clients.archive">
            <Button color="red" onClick={confirm} loading={archive.running}>
              Archive client
            </Button>
          </Permitted>
        </Group>
      </Stack>
    </Modal>
  );
}
