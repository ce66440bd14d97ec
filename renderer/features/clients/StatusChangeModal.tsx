import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { clientStatuses, statusesNeedingReason, type ClientDetail, type ClientStatus } from '../../../electron/contract/clients';
import { useCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { clientStatusLabel, clientStatusMeaning } from './client-status';
import { Permitted } from '../../components/Permitted';

/** Sets a client's status; a reason is asked for (and required) where the status needs one. */
export function StatusChangeModal(props: { client: ClientDetail; opened: boolean; onClose: () => void; initialStatus?: ClientStatus }) {
  const [status, setStatus] = useState<ClientStatus>(props.initialStatus ?? props.client.status);
  const [reason, setReason] = useState('');
  const setClientStatus = useCall('clients.setStatus', { quiet: true });
  const needsReason = statusesNeedingReason.includes(status);
  const reasonError = setClientStatus.error?.fields?.reason;

  const save = async () => {
    const outcome = await setClientStatus.run({ id: props.client.id, status, reason: reason.trim() || null });
    if (outcome.ok) {
      notifications.show({ color: 'green', title: 'Status changed', message: `${props.client.name} is now ${clientStatusLabel[status]}.` });
      setReason('');
      props.onClose();
    }
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Change status of ${props.client.name}`}>
      <Stack>
        <Select
          label="New status"
          allowDeselect={false}
          data={clientStatuses.map((s) => ({ value: s, label: clientStatusLabel[s] }))}
          value={status}
          onChange={(value) => value && setStatus(value as ClientStatus)}
        />
        <Text size="sm" c="dimmed">
          {clientStatusMeaning[status]}
        </Text>
        <Textarea
          label="Reason"
          withAsterisk={needsReason}
          description={needsReason ? 'Required: it is kept in the status history.' : 'Optional: kept in the status history.'}
          autosize
          minRows={2}
          value={reason}
          error={reasonError ? reasonError.charAt(0).toUpperCase() + reasonError.slice(1) : undefined}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ErrorAlert title="The status was not changed" error={reasonError ? null : setClientStatus.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Permitted procedure="clients.setStatus">
            <Button onClick={save} loading={setClientStatus.running} disabled={status === props.client.status && !reason.trim()}>
              Set status
            </Button>
          </Permitted>
        </Group>
      </Stack>
    </Modal>
  );
}
