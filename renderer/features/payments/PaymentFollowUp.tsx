import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RecordedPayment } from '../../../electron/contract/payments';
import { useCall } from '../../api/useCall';
import { clientStatusLabel } from '../clients/client-status';
import { clientTarget } from '../devices/device-format';
import { DeviceActionDialog } from '../devices/DeviceActionDialog';
import { Permitted } from '../../components/Permitted';

/**
 * After a payment that cleared the client's debt: offers to put back the pools of its miners on the holding
 * pool (the same restore confirmation as the client page) and, when the client is In Default, to set it Active.
 * Renders nothing when there is nothing to offer.
 */
export function PaymentFollowUp({
  clientId,
  clientName,
  recorded,
  onClose,
}: {
  clientId: number;
  clientName: string;
  recorded: RecordedPayment;
  onClose: () => void;
}) {
  const [restoring, setRestoring] = useState(false);
  const setStatus = useCall('clients.setStatus', { failureTitle: 'The status was not changed' });
  const inDefault = recorded.clientStatus === 'in_default';
  if (!recorded.debtCleared || (!recorded.offerRestorePools && !inDefault)) return null;
  if (restoring)
    return <DeviceActionDialog kind="pool_restore" target={clientTarget(clientId, false)} title={`${clientName}'s redirected miners`} onClose={onClose} />;

  const activate = async () => {
    const outcome = await setStatus.run({ id: clientId, status: 'active', reason: 'Debt paid' });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Status changed', message: `${clientName} is Active again.` });
    if (!recorded.offerRestorePools) onClose();
  };

  const miners = `${recorded.redirectedMiners.toLocaleString('en-US')} miner${recorded.redirectedMiners === 1 ? ' is' : 's are'}`;
  return (
    <Modal opened onClose={onClose} title={`${clientName} owes nothing now`} centered>
      <Stack gap="sm">
        <Text size="sm">
          This payment cleared the debt.
          {recorded.offerRestorePools ? ` ${miners} still on the holding pool.` : ''}
          {inDefault ? ` The client is ${clientStatusLabel.in_default}.` : ''}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Not now
          </Button>
          {inDefault && (
            <Permitted procedure="clients.setStatus">
              <Button variant="light" color="green" loading={setStatus.running} onClick={() => void activate()}>
                Set Active
              </Button>
            </Permitted>
          )}
          {recorded.offerRestorePools && (
            <Permitted procedure="devices.actions.start">
              <Button color="green" onClick={() => setRestoring(true)}>
                Restore pools
              </Button>
            </Permitted>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
