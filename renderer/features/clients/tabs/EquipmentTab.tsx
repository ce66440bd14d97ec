import { Button, Group, Stack } from '@mantine/core';
import { IconCpu, IconExternalLink } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { ClientDetail } from '../../../../electron/contract/clients';
import { SearchInput } from '../../../components/ListSearch';
import { useShownColumns } from '../../miners/ColumnChooser';
import { readMinerListView, type MinerListView } from '../../miners/miner-list-params';
import { MinerListBody } from '../../miners/MinerListBody';
import { EmptyTab } from './EmptyTab';

/** The client's miners: the Miners table filtered to this client, with its selection, mass actions and drawer. */
export function EquipmentTab({ client }: { client: ClientDetail }) {
  const [view, setView] = useState<MinerListView>(() => ({ ...readMinerListView(new URLSearchParams()), clientIds: [client.id] }));
  const update = useCallback((change: Partial<MinerListView>) => setView((now) => ({ ...now, ...change, clientIds: [client.id] })), [client.id]);
  const [columns] = useShownColumns();
  if (client.counts.assignedMiners === 0)
    return (
      <EmptyTab
        icon={IconCpu}
        title="No miners assigned"
        text={`Assign miners to ${client.name} on the Miners page: select them, then Edit client. They are listed here, with their live status, once assigned.`}
      />
    );
  return (
    <Stack gap="sm" h="max(560px, calc(100dvh - 330px))">
      <Group justify="space-between" align="flex-end">
        <SearchInput
          label={`Search the miners of ${client.name}`}
          placeholder="Search asset ID, IP, MAC, serial, model…"
          width={340}
          value={view.search}
          onSearch={(search) => update({ search })}
        />
        <Button component={Link} to={`/miners?client=${client.id}`} variant="default" leftSection={<IconExternalLink size={16} />}>
          Open in Miners
        </Button>
      </Group>
      <MinerListBody
        view={view}
        update={update}
        columns={columns.filter((column) => column.key !== 'client')}
        label={`Miners of ${client.name}`}
        scopedToClient
      />
    </Stack>
  );
}
