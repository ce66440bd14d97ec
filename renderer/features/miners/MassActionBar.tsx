import { ActionIcon, Button, Group, Menu, Paper, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconX } from '@tabler/icons-react';
import type { DeviceTarget } from '../../../electron/contract/devices';
import { DeviceActionsMenu } from '../devices/DeviceActionsMenu';
import { useExportMiners, type ExportRequest } from './export-miners';
import { minersText } from './miner-format';
import type { MassAction } from './MassEditDialog';
import { Permitted, PermittedMenuItem } from '../../components/Permitted';

/**
 * The actions on the selected miners, shown under the table while anything is selected. The frequent
 * ones are buttons; tags, state, notes, contracts and export sit under More, so the bar is one line at 1280 px.
 */
export function MassActionBar(props: {
  count: number;
  /** The selection as device actions take it. */
  deviceTarget: DeviceTarget;
  /** The selection as an export takes it. */
  exportRequest: Omit<ExportRequest, 'format'>;
  onAction: (action: MassAction) => void;
  onCreateTask: () => void;
  onPutOnContract: () => void;
  /** An announcement to the clients of the selected miners; null while the selection is "all matching" (no list of miners). */
  onEmailClients: (() => void) | null;
  onClear: () => void;
}) {
  const act = (action: MassAction) => () => props.onAction(action);
  const { exportMiners, exporting } = useExportMiners();
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
        <Permitted procedure="miners.massEdit">
          <Button size="xs" variant="light" onClick={act('client')}>
            Edit client
          </Button>
        </Permitted>
        <Permitted procedure="miners.massEdit">
          <Button size="xs" variant="light" color="green" onClick={act('paid')}>
            Mark paid
          </Button>
        </Permitted>
        <Permitted procedure="miners.massEdit">
          <Button size="xs" variant="light" color="red" onClick={act('unpaid')}>
            Mark unpaid
          </Button>
        </Permitted>
        <Permitted procedure="miners.massEdit">
          <Button size="xs" variant="default" onClick={act('place')}>
            Set site/rack
          </Button>
        </Permitted>
        <DeviceActionsMenu count={props.count} target={props.deviceTarget} />
        <Permitted procedure="tasks.create">
          <Button size="xs" variant="default" onClick={props.onCreateTask}>
            Create task
          </Button>
        </Permitted>
        <Menu position="top-start">
          <Menu.Target>
            <Button size="xs" variant="default" loading={exporting} rightSection={<IconChevronDown size={14} />}>
              More
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <PermittedMenuItem procedure="miners.massEdit" onClick={act('addTags')}>
              Add tags
            </PermittedMenuItem>
            <PermittedMenuItem procedure="miners.massEdit" onClick={act('removeTags')}>
              Remove tags
            </PermittedMenuItem>
            <PermittedMenuItem procedure="miners.massEdit" onClick={act('state')}>
              Set state
            </PermittedMenuItem>
            <PermittedMenuItem procedure="miners.massEdit" onClick={act('notes')}>
              Set notes
            </PermittedMenuItem>
            <Menu.Divider />
            <PermittedMenuItem procedure="contracts.assignEquipment" onClick={props.onPutOnContract}>
              Put on a contract…
            </PermittedMenuItem>
            <PermittedMenuItem
              procedure="announcements.send"
              disabled={!props.onEmailClients}
              title={props.onEmailClients ? undefined : 'Select the miners one by one (or the page) to e-mail their clients.'}
              onClick={props.onEmailClients ?? undefined}
            >
              E-mail their clients…
            </PermittedMenuItem>
            <Menu.Divider />
            <Menu.Label>Export the selection</Menu.Label>
            <Menu.Item onClick={() => exportMiners({ ...props.exportRequest, format: 'csv' })}>CSV file</Menu.Item>
            <Menu.Item onClick={() => exportMiners({ ...props.exportRequest, format: 'xlsx' })}>Excel workbook (XLSX)</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Paper>
  );
}
