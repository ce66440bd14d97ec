import { ActionIcon, Anchor, Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { siteRoomKindLabels, type SiteDetail, type SiteRoomKind } from '../../../electron/contract/sites';
import { counted } from '../../../electron/contract/words';
import { RecordsTable } from '../../components/RecordsTable';
import { Permitted } from '../../components/Permitted';

export type SiteRoomWithRacks = SiteDetail['rooms'][number];
export type RackWithCount = SiteRoomWithRacks['racks'][number];

const kindColors: Record<SiteRoomKind, string> = { room: 'blue', container: 'orange', building: 'grape' };

const columns = [
  { label: 'Rack' },
  { label: 'Positions', width: 100, align: 'right' as const },
  { label: 'Miners', width: 240 },
  { label: 'Actions', width: 90, align: 'right' as const },
];

export type RoomActions = {
  onEditRoom: (room: SiteRoomWithRacks) => void;
  onDeleteRoom: (room: SiteRoomWithRacks) => void;
  onAddRack: (room: SiteRoomWithRacks) => void;
  onEditRack: (rack: RackWithCount) => void;
  onDeleteRack: (rack: RackWithCount) => void;
};

/** One room, container or building of a site with its racks and how full each is. */
export function RoomCard({ siteId, room, actions }: { siteId: number; room: SiteRoomWithRacks; actions: RoomActions }) {
  const kind = siteRoomKindLabels[room.kind];
  const positions = room.racks.reduce((sum, rack) => sum + rack.positions, 0);
  const used = room.racks.reduce((sum, rack) => sum + rack.minerCount, 0);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`${kind} ${room.name}`}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Title order={4}>{room.name}</Title>
          <Badge variant="light" color={kindColors[room.kind]}>
            {kind}
          </Badge>
          <Text size="sm" c="dimmed">
            {counted(room.racks.length, 'rack')} · {used} of {positions} positions used
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Permitted procedure="sites.racks.create">
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => actions.onAddRack(room)}>
              Add rack
            </Button>
          </Permitted>
          <Permitted procedure="sites.rooms.update">
            <ActionIcon variant="subtle" aria-label={`Edit ${kind.toLowerCase()} ${room.name}`} onClick={() => actions.onEditRoom(room)}>
              <IconPencil size={16} />
            </ActionIcon>
          </Permitted>
          <Permitted procedure="sites.rooms.delete">
            <ActionIcon variant="subtle" color="red" aria-label={`Delete ${kind.toLowerCase()} ${room.name}`} onClick={() => actions.onDeleteRoom(room)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Permitted>
        </Group>
      </Group>
      <RecordsTable
        label={`Racks in ${kind.toLowerCase()} ${room.name}`}
        columns={columns}
        rows={room.racks}
        loading={false}
        empty={`No racks in ${room.name} yet. Add one to place miners in it.`}
      >
        {(rack) => (
          <Table.Tr>
            <Table.Td fw={500}>{rack.name}</Table.Td>
            <Table.Td ta="right">{rack.positions}</Table.Td>
            <Table.Td>
              <Stack gap={4}>
                <Group gap={6}>
                  <Anchor component={Link} to={`/miners?site=${siteId}&rack=${rack.id}`} size="sm">
                    {rack.minerCount} of {rack.positions} used
                  </Anchor>
                  {rack.minerCount >= rack.positions && (
                    <Text span size="xs" c="dimmed">
                      · full
                    </Text>
                  )}
                </Group>
                <Progress value={(rack.minerCount / rack.positions) * 100} color="teal" size="sm" aria-label={`Rack ${rack.name} fill`} />
              </Stack>
            </Table.Td>
            <Table.Td ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Permitted procedure="sites.racks.update">
                  <ActionIcon variant="subtle" aria-label={`Edit rack ${rack.name}`} onClick={() => actions.onEditRack(rack)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Permitted>
                <Permitted procedure="sites.racks.delete">
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete rack ${rack.name}`} onClick={() => actions.onDeleteRack(rack)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Permitted>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
    </Paper>
  );
}
