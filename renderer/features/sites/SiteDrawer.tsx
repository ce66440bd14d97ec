import { Button, Drawer, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { siteRoomKindLabels, type SiteDetail } from '../../../electron/contract/sites';
import { counted } from '../../../electron/contract/words';
import { useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isNotFound, NotFound, noRecordText, notFoundShownInPage } from '../../components/NotFound';
import { useConfirmDelete } from '../../components/useConfirmDelete';
import { minersText } from '../miners/miner-format';
import { TelemetryCharts } from '../telemetry/TelemetryCharts';
import { RackFormModal, RoomFormModal } from './LayoutFormModals';
import { RoomCard, type RackWithCount, type SiteRoomWithRacks } from './RoomCard';
import { organisationDefaultText } from './time-zones';
import { Permitted } from '../../components/Permitted';

type Editing = { what: 'room'; room: SiteRoomWithRacks | null } | { what: 'rack'; roomId: number; rack: RackWithCount | null } | null;

const roomName = (room: SiteRoomWithRacks) => `${siteRoomKindLabels[room.kind]} ${room.name}`;

/** A site's layout: its rooms and containers, each with its racks, all editable in small modals. */
export function SiteDrawer({ siteId, onEditSite, onClose }: { siteId: number | null; onEditSite: (site: SiteDetail) => void; onClose: () => void }) {
  const site = useQueryCall('sites.get', { id: siteId ?? 0 }, { ...notFoundShownInPage, enabled: siteId !== null });
  const [editing, setEditing] = useState<Editing>(null);
  const roomDeletion = useConfirmDelete('sites.rooms.delete', {
    noun: 'room',
    nameOf: roomName,
    consequence: (room) =>
      room.racks.length === 0
        ? `${roomName(room)} will be removed from the site. The audit log keeps a record of it.`
        : `${roomName(room)} and its ${counted(room.racks.length, 'rack')} will be removed from the site. Racks that still hold miners keep it from being deleted.`,
  });
  const rackDeletion = useConfirmDelete('sites.racks.delete', {
    noun: 'rack',
    nameOf: (rack: RackWithCount) => `Rack ${rack.name}`,
    consequence: (rack) =>
      rack.minerCount === 0
        ? `Rack ${rack.name} and its ${rack.positions} positions will be removed. The audit log keeps a record of it.`
        : `Rack ${rack.name} still holds ${counted(rack.minerCount, 'miner')}; a rack is only deleted once its miners are moved elsewhere.`,
  });
  const detail = site.data;

  return (
    <Drawer opened={siteId !== null} onClose={onClose} position="right" size="xl" title={<Text fw={700}>{detail?.name ?? 'Site'}</Text>}>
      {isNotFound(site.error) ? (
        <NotFound title="Site not found" text={noRecordText('site', siteId ?? '')} back={{ label: 'Back to sites', onClick: onClose }} />
      ) : (
        <ErrorAlert title="The site could not be loaded" error={site.error?.apiError} />
      )}
      {!detail && !site.error && <Loader aria-label="Loading" />}
      {detail && (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Text size="sm">
                <Text span c="dimmed">
                  Time zone:{' '}
                </Text>
                {detail.timeZone ?? organisationDefaultText(detail.effectiveTimeZone)}
              </Text>
              {detail.address && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {detail.address}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                {counted(detail.roomCount, 'room or container', 'rooms or containers')} · {counted(detail.rackCount, 'rack')} · {minersText(detail.minerCount)}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Permitted procedure="sites.update">
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => onEditSite(detail)}>
                  Edit site
                </Button>
              </Permitted>
              <Permitted procedure="sites.rooms.create">
                <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ what: 'room', room: null })}>
                  Add room or container
                </Button>
              </Permitted>
            </Group>
          </Group>
          <Tabs defaultValue="layout" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="layout">Rooms and racks</Tabs.Tab>
              <Tabs.Tab value="charts">Charts</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="layout" pt="md">
              <Stack gap="md">
                {detail.rooms.length === 0 && (
                  <Text c="dimmed" ta="center" py="lg">
                    No rooms or containers yet. Add one, then add its racks, to place miners at this site.
                  </Text>
                )}
                {detail.rooms.map((room) => (
                  <RoomCard
                    key={room.id}
                    siteId={detail.id}
                    room={room}
                    actions={{
                      onEditRoom: (target) => setEditing({ what: 'room', room: target }),
                      onDeleteRoom: roomDeletion.ask,
                      onAddRack: (target) => setEditing({ what: 'rack', roomId: target.id, rack: null }),
                      onEditRack: (rack) => setEditing({ what: 'rack', roomId: rack.roomId, rack }),
                      onDeleteRack: rackDeletion.ask,
                    }}
                  />
                ))}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="charts" pt="md">
              <TelemetryCharts scope={{ siteId: detail.id }} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
      {editing?.what === 'room' && detail && <RoomFormModal siteId={detail.id} room={editing.room} onClose={() => setEditing(null)} />}
      {editing?.what === 'rack' && <RackFormModal roomId={editing.roomId} rack={editing.rack} onClose={() => setEditing(null)} />}
      {roomDeletion.modal}
      {rackDeletion.modal}
    </Drawer>
  );
}
