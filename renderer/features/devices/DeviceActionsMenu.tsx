import { Button, Menu } from '@mantine/core';
import { IconArrowBackUp, IconChevronDown, IconPower, IconServer, IconTransfer } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeviceTarget } from '../../../electron/contract/devices';
import type { DeviceActionKind } from '../../../electron/contract/devices.vocab';
import { useCanCall } from '../../api/usePermissions';
import { DeviceActionDialog } from './DeviceActionDialog';
import { Permitted } from '../../components/Permitted';

/** The mass-action bar's "Device actions" menu over the selected miners; each item confirms first. */
export function DeviceActionsMenu({ count, target }: { count: number; target: DeviceTarget }) {
  const [kind, setKind] = useState<DeviceActionKind | null>(null);
  const title = `${count.toLocaleString('en-US')} selected miner${count === 1 ? '' : 's'}`;
  const trigger = (
    <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />}>
      Device actions
    </Button>
  );
  // Every item starts a device action: a role that may not gets the button disabled with the reason, not a menu.
  if (!useCanCall('devices.actions.start').allowed) return <Permitted procedure="devices.actions.start">{trigger}</Permitted>;
  return (
    <>
      <Menu position="top-start">
        <Menu.Target>{trigger}</Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPower size={16} />} onClick={() => setKind('reboot')}>
            Reboot
          </Menu.Item>
          <Menu.Item leftSection={<IconServer size={16} />} onClick={() => setKind('set_pools')}>
            Set pools…
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconTransfer size={16} />} onClick={() => setKind('pool_redirect')}>
            Redirect to holding pool
          </Menu.Item>
          <Menu.Item leftSection={<IconArrowBackUp size={16} />} onClick={() => setKind('pool_restore')}>
            Restore pools
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {kind && <DeviceActionDialog kind={kind} target={target} title={title} onClose={() => setKind(null)} />}
    </>
  );
}
