import { Badge, Table } from '@mantine/core';
import type { EnergyCounterEventKind } from '../../../electron/contract/power.vocab';
import { useQueryCall } from '../../api/useCall';
import { noWrap, RecordsTable } from '../../components/RecordsTable';
import { useDates } from '../../components/useDates';

const columns = [
  { label: 'What', width: 100 },
  { label: 'Counter', width: 110 },
  { label: 'Between', width: 320 },
  { label: 'Raw before → after' },
  { label: 'Counted', width: 110, align: 'right' as const },
];

const kindColors: Record<EnergyCounterEventKind, string> = { reset: 'orange', rollover: 'blue', gap: 'gray' };
const kindLabels: Record<EnergyCounterEventKind, string> = { reset: 'Reset', rollover: 'Rollover', gap: 'Gap' };

/** Resets, rollovers and gaps of a device's energy counters, shown rather than smoothed over. */
export function CounterEventsTable({ deviceId }: { deviceId: number }) {
  const events = useQueryCall('power.counters.events', { deviceId, limit: 100 });
  const { dateTime } = useDates();
  return (
    <RecordsTable
      label="Counter events"
      columns={columns}
      loading={events.isLoading}
      rows={events.data}
      empty="No resets, rollovers or gaps: every reading followed the one before."
    >
      {(event) => (
        <Table.Tr>
          <Table.Td>
            <Badge variant="light" color={kindColors[event.kind]}>
              {kindLabels[event.kind]}
            </Badge>
          </Table.Td>
          <Table.Td>{event.outletIndex === null ? 'Total' : `Outlet ${event.outletIndex}`}</Table.Td>
          <Table.Td style={noWrap}>
            {dateTime(event.fromAt)} → {dateTime(event.toAt)}
          </Table.Td>
          <Table.Td>
            {event.beforeRaw} → {event.afterRaw}
          </Table.Td>
          <Table.Td ta="right">{event.countedWh.toLocaleString()} Wh</Table.Td>
        </Table.Tr>
      )}
    </RecordsTable>
  );
}
