import { ActionIcon, Button, Group, Menu, Paper, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { DeviceTarget } from '../../../electron/contract/devices';
import { DeviceActionsMenu } from '../devices/DeviceActionsMenu';
import { minersText } from './miner-format';
import type { MassAction } from './MassEditDialog';

/** The actions on the selected miners, shown under the table while anything is selected; `extra` holds task and export. */
export function MassActionBar(props: {
  count: number;
  /** The selection as device actions take it. */
  deviceTarget: DeviceTarget;
  onAction: (action: MassAction) => void;
  onClear: () => void;
  extra: ReactNode;
}) {
  const act = (action: MassAction) => () => props.onAction(action);
  return (
    <Paper withBorder shadow="sm" px="md" py={8} role="toolbar" aria-label="Mass actions">
      <Group gap={6} wrap="wrap">
        <Group gap={4} wrap="nowrap" mr="xs">
          <Tooltip label="Clear selection">
            <ActionIcon variant="subtle" color="gray" aria-label="Clear selection" onClick={props.onClear}>
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
          <Text fw={600} size="sm" title={`${minersText(props.count)} selected`}>
            {props.count.toLocaleString('en-US')} selected
          </Text>
        </Group>
        <Button size="xs" variant="light" onClick={act('client')}>
          Edit client
        </Button>
        <Button size="xs" variant="light" color="green" onClick={act('paid')}>
          Mark paid
        </Button>
        <Button size="xs" variant="light" color="red" onClick={act('unpaid')}>
          Mark unpaid
        </Button>
        <Button size="xs" variant="default" onClick={act('place')}>
          Set site/rack
        </Button>
        <Menu position="top-start">
          <Menu.Target>
            <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />}>
              Tags
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={act('addTags')}>Add tags</Menu.Item>
            <Menu.Item onClick={act('removeTags')}>Remove tags</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button size="xs" variant="default" onClick={act('state')}>
          Set state
        </Button>
        <Button size="xs" variant="default" onClick={act('notes')}>
          Set notes
        </Button>
        <DeviceActionsMenu count={props.count} target={props.deviceTarget} />
        {props.extra}
      </Group>
    </Paper>
  );
}
