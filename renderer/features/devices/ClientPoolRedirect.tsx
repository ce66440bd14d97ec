import { Button, Group, Paper, Text } from '@mantine/core';
import { IconCash, IconTransfer } from '@tabler/icons-react';
import { useState } from 'react';
import { useQueryCall } from '../../api/useCall';
import { Permitted } from '../../components/Permitted';
import { clientTarget } from './device-format';
import { DeviceActionDialog } from './DeviceActionDialog';

/**
 * The client page's pool redirect line: how many of its miners are on the holding pool, "Redirect unpaid
 * miners", and "Client paid: restore pools" (until billing records payments, a person says the client paid).
 */
export function ClientPoolRedirect({ clientId, clientName }: { clientId: number; clientName: string }) {
  const [open, setOpen] = useState<'pool_redirect' | 'pool_restore' | null>(null);
  const count = useQueryCall('devices.redirects.count', { target: clientTarget(clientId, false) });
  const redirected = count.data?.redirected ?? 0;
  return (
    <Paper withBorder px="md" py="xs" role="region" aria-label="Pool redirect">
      <Group justify="space-between">
        <Text size="sm" c={redirected > 0 ? 'orange' : 'dimmed'} fw={redirected > 0 ? 600 : undefined}>
          {redirected > 0
            ? `${redirected.toLocaleString('en-US')} miner${redirected === 1 ? '' : 's'} redirected to the holding pool`
            : 'No miners redirected to the holding pool'}
        </Text>
        <Group gap="xs">
          <Permitted procedure="devices.actions.start">
            <Button size="xs" variant="light" color="orange" leftSection={<IconTransfer size={14} />} onClick={() => setOpen('pool_redirect')}>
              Redirect unpaid miners
            </Button>
          </Permitted>
          <Permitted procedure="devices.actions.start">
            <Button
              size="xs"
              variant="light"
              color="green"
              leftSection={<IconCash size={14} />}
              disabled={redirected === 0}
              onClick={() => setOpen('pool_restore')}
            >
              Client paid: restore pools
            </Button>
          </Permitted>
        </Group>
      </Group>
      {open && (
        <DeviceActionDialog
          kind={open}
          target={clientTarget(clientId, open === 'pool_redirect')}
          title={open === 'pool_redirect' ? `${clientName}'s unpaid miners` : `${clientName}'s redirected miners`}
          onClose={() => setOpen(null)}
        />
      )}
    </Paper>
  );
}
