import { Badge, Table } from '@mantine/core';
import { formatDecimal } from '../../../electron/contract/money';
import { useQueryCall } from '../../api/useCall';
import { noWrap, RecordsTable } from '../../components/RecordsTable';
import { useDates } from '../../components/useDates';

const columns = [
  { label: 'Read at', width: 200 },
  { label: 'Counter', width: 110 },
  { label: 'As read' },
  { label: 'Counter (kWh)', width: 160, align: 'right' as const },
];

/** A device's latest stored readings, newest first: what imports (and polls) put on record. */
export function ReadingsTable({ deviceId, siteId }: { deviceId: number; siteId: number }) {
  const readings = useQueryCall('power.readings.list', { deviceId, limit: 50 });
  const { dateTime } = useDates(siteId);
  return (
    <RecordsTable
      label="Readings"
      columns={columns}
      loading={readings.isLoading}
      rows={readings.data?.map((reading, id) => ({ ...reading, id }))}
      empty="No readings yet. Import them from a CSV file."
    >
      {(reading) => (
        <Table.Tr>
          <Table.Td style={noWrap}>{dateTime(reading.at)}</Table.Td>
          <Table.Td>{reading.outletIndex === null ? 'Total' : `Outlet ${reading.outletIndex}`}</Table.Td>
          <Table.Td>
            {reading.raw}
            {reading.reset && (
              <Badge ml="xs" variant="light" color="orange">
                After a reset
              </Badge>
            )}
          </Table.Td>
          <Table.Td ta="right">{formatDecimal(reading.counterWh, 3, 3)}</Table.Td>
        </Table.Tr>
      )}
    </RecordsTable>
  );
}
