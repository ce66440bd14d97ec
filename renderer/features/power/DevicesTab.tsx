import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconFileImport, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PowerDevice } from '../../../electron/contract/power';
import { useCall, useQueryCall } from '../../api/useCall';
import { noWrap, RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { DeviceDrawer } from './DeviceDrawer';
import { DeviceFormModal } from './DeviceFormModal';
import { ImportReadingsModal } from './ImportReadingsModal';
import { deviceKindLabels, deviceStateColors, deviceStateLabels, wattsText } from './power-format';
import { useDates } from '../../components/useDates';
import { Permitted } from '../../components/Permitted';

const columns = [
  { label: 'Name' },
  { label: 'State', width: 130 },
  { label: 'Site', width: 140 },
  { label: 'Rack', width: 90 },
  { label: 'Kind', width: 150 },
  { label: 'Profile', width: 160 },
  { label: 'Power now', width: 110, align: 'right' as const },
  { label: 'Last polled', width: 160 },
  { label: 'Message' },
];

/** Every PDU, meter and manual device with the outcome of its last poll; a row opens the device. */
export function DevicesTab() {
  const devices = useQueryCall('power.devices.list', {}, { refetchInterval: 30_000 });
  const { dateTime } = useDates();
  const pollAll = useCall('power.devices.poll', { failureTitle: 'The devices were not polled' });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  // The open device is in the URL (?device=ID), so a link (an alert, a bookmark) opens it.
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('device')) || null;
  const setOpenId = (id: number | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id === null) next.delete('device');
        else next.set('device', String(id));
        return next;
      },
      { replace: true },
    );
  return (
    <div>
      <SectionHeader
        title="PDUs and meters"
        description="Each PDU and meter is read every minute. A PDU gives power and energy per outlet; a meter gives a site's or a PDU feed's totals. A manual device is read by hand: import its readings from a CSV file."
        action={
          <Group gap="xs">
            <Permitted procedure="power.readings.import">
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
                Import readings
              </Button>
            </Permitted>
            <Permitted procedure="power.devices.poll">
              <Button variant="default" leftSection={<IconRefresh size={16} />} loading={pollAll.running} onClick={() => void pollAll.run({})}>
                Poll all now
              </Button>
            </Permitted>
            <Permitted procedure="power.devices.create">
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                Add device
              </Button>
            </Permitted>
          </Group>
        }
      />
      <RecordsTable
        label="Power devices"
        columns={columns}
        loading={devices.isLoading}
        rows={devices.data}
        empty="No PDUs or meters yet. Add one with its address and profile."
      >
        {(device: PowerDevice) => (
          <Table.Tr style={{ cursor: 'pointer' }} onClick={() => setOpenId(device.id)}>
            <Table.Td fw={500}>{device.name}</Table.Td>
            <Table.Td>
              {device.kind === 'manual' ? (
                <Badge variant="light" color="gray">
                  Manual
                </Badge>
              ) : (
                <Badge variant="light" color={deviceStateColors[device.state]}>
                  {deviceStateLabels[device.state]}
                </Badge>
              )}
              {!device.enabled && (
                <Badge ml={4} variant="outline" color="gray">
                  Off
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{device.siteName}</Table.Td>
            <Table.Td>{device.rackName ?? '—'}</Table.Td>
            <Table.Td>{deviceKindLabels[device.kind]}</Table.Td>
            <Table.Td>{device.profileLabel}</Table.Td>
            <Table.Td ta="right">{wattsText(device.powerW)}</Table.Td>
            <Table.Td style={noWrap}>{dateTime(device.lastPolledAt)}</Table.Td>
            <Table.Td>
              {device.stateMessage ? (
                <Tooltip label={device.stateMessage} multiline w={360}>
                  <Text size="sm" lineClamp={1}>
                    {device.stateMessage}
                  </Text>
                </Tooltip>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {adding && <DeviceFormModal device={null} onClose={() => setAdding(false)} onSaved={(saved) => setOpenId(saved.id)} />}
      {importing && <ImportReadingsModal onClose={() => setImporting(false)} />}
      {openId !== null && <DeviceDrawer deviceId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}
