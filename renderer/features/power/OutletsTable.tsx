import { Badge, Button, Table } from '@mantine/core';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { MinerRef, PowerOutlet } from '../../../electron/contract/power';
import { useCall, useQueryCall } from '../../api/useCall';
import { noWrap, RecordsTable } from '../../components/RecordsTable';
import { useDates } from '../../components/useDates';
import { PluggedSinceModal } from './PluggedSinceModal';
import { MinerPicker } from './MinerPicker';
import { wattsText } from './power-format';
import { Permitted, PermittedFields } from '../../components/Permitted';

const columns = [
  { label: 'Outlet', width: 70 },
  { label: 'Name' },
  { label: 'State', width: 90 },
  { label: 'Power', width: 100, align: 'right' as const },
  { label: 'Miner', width: 240 },
  { label: 'Since', width: 190 },
];

const stateColors = { on: 'green', off: 'gray', unknown: 'yellow' } as const;

/** A PDU's outlets as last read, each with the miner it feeds; picking a miner plugs it in (a miner elsewhere moves here). */
export function OutletsTable({ deviceId, siteId, manual = false }: { deviceId: number; siteId: number; manual?: boolean }) {
  const outlets = useQueryCall('power.outlets.list', { deviceId });
  const assign = useCall('power.outlets.assign', { failureTitle: 'The outlet was not mapped' });
  const [dating, setDating] = useState<(PowerOutlet & { miner: MinerRef }) | null>(null);
  const { dateTime } = useDates(siteId);
  const pick = async (outlet: PowerOutlet, minerId: number | null) => {
    const outcome = await assign.run({ outletId: outlet.id, minerId });
    if (!outcome.ok) return;
    const { movedFrom, unplugged } = outcome.value;
    const miner = outcome.value.outlet.miner;
    const parts = [miner ? `${miner.assetId} is on outlet ${outlet.outletIndex}.` : `Outlet ${outlet.outletIndex} feeds no miner now.`];
    if (movedFrom) parts.push(`It moved from outlet ${movedFrom.outletIndex} of ${movedFrom.deviceName}.`);
    if (unplugged && unplugged.id !== miner?.id) parts.push(`${unplugged.assetId} was unplugged.`);
    notifications.show({ color: 'green', title: 'Outlet mapped', message: parts.join(' ') });
  };
  return (
    <>
      <RecordsTable
        label="Outlets"
        columns={columns}
        loading={outlets.isLoading}
        rows={outlets.data}
        empty={manual ? 'No outlets yet. Number them with Edit, or import readings that name them.' : 'No outlets read yet. Poll the PDU to read its outlets.'}
      >
        {(outlet) => (
          <Table.Tr>
            <Table.Td>{outlet.outletIndex}</Table.Td>
            <Table.Td>{outlet.name ?? '—'}</Table.Td>
            <Table.Td>
              {manual ? (
                '—'
              ) : (
                <Badge variant="light" color={stateColors[outlet.state]}>
                  {outlet.state}
                </Badge>
              )}
            </Table.Td>
            <Table.Td ta="right">{wattsText(outlet.powerW)}</Table.Td>
            <Table.Td>
              <PermittedFields procedure="power.outlets.assign">
                <MinerPicker
                  current={outlet.miner}
                  siteId={siteId}
                  label={`Miner on outlet ${outlet.outletIndex}`}
                  onPick={(minerId) => void pick(outlet, minerId)}
                />
              </PermittedFields>
            </Table.Td>
            <Table.Td style={noWrap}>
              {outlet.miner ? (
                <Permitted procedure="power.outlets.assign">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={`Date the plug-in of outlet ${outlet.outletIndex}`}
                    onClick={() => setDating(outlet as PowerOutlet & { miner: MinerRef })}
                  >
                    {dateTime(outlet.assignedFrom)}
                  </Button>
                </Permitted>
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {dating && <PluggedSinceModal outlet={dating} onClose={() => setDating(null)} />}
    </>
  );
}
