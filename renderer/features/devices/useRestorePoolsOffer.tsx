import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState, type ReactNode } from 'react';
import type { DeviceTarget } from '../../../electron/contract/devices';
import type { MinerFilters } from '../../../electron/contract/miners.list';
import { invoke } from '../../api/client';
import { useCanCall } from '../../api/usePermissions';
import { DeviceActionDialog } from './DeviceActionDialog';

/**
 * After miners are marked paid: when some of them are on the holding pool, a notice offers "Restore their
 * pools", which opens the restore confirmation. A filter selection is asked again with paid = yes, since the
 * miners it named as unpaid are paid now. Render `dialog` in the page.
 */
export function useRestorePoolsOffer(): { offer: (target: { minerIds: number[] } | { filter: MinerFilters }) => void; dialog: ReactNode } {
  const [target, setTarget] = useState<DeviceTarget | null>(null);
  const mayRestore = useCanCall('devices.actions.start').granted;
  const offer = useCallback(
    (selection: { minerIds: number[] } | { filter: MinerFilters }) => {
      if (!mayRestore) return; // an offer the role could only be refused
      const paidNow: DeviceTarget = 'filter' in selection ? { filter: { ...selection.filter, paid: true } } : { minerIds: selection.minerIds };
      void invoke('devices.redirects.count', { target: paidNow }).then((outcome) => {
        if (!outcome.ok || outcome.value.redirected === 0) return;
        const n = outcome.value.redirected;
        const id = `restore-offer-${Date.now()}`;
        notifications.show({
          id,
          color: 'orange',
          title: `${n.toLocaleString('en-US')} of them ${n === 1 ? 'is' : 'are'} on the holding pool`,
          autoClose: 20_000,
          message: (
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm">Redirected while unpaid.</Text>
              <Button
                size="xs"
                style={{ flexShrink: 0 }}
                variant="light"
                onClick={() => {
                  notifications.hide(id);
                  setTarget(paidNow);
                }}
              >
                Restore their pools
              </Button>
            </Group>
          ),
        });
      });
    },
    [mayRestore],
  );
  const dialog = target && <DeviceActionDialog kind="pool_restore" target={target} title="the miners just marked paid" onClose={() => setTarget(null)} />;
  return { offer, dialog };
}
