import { Stack, Text } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { wattsText } from './power-format';
import { useDates } from '../../components/useDates';

/**
 * The PDU outlet a miner is plugged into now, for the miner drawer ("PDU A1 · outlet 4 (3,250 W)"),
 * with the outlets it was on before: a move keeps the history.
 */
export function MinerOutletText({ minerId }: { minerId: number }) {
  const outlet = useQueryCall('power.outlets.ofMiner', { minerId });
  const history = useQueryCall('power.outlets.history', { minerId });
  const { dateTime } = useDates();
  if (outlet.isLoading) return <Text size="sm">…</Text>;
  const earlier = (history.data ?? []).filter((row) => row.toAt !== null).slice(0, 3);
  return (
    <Stack gap={0}>
      <Text size="sm">
        {outlet.data
          ? `${outlet.data.deviceName} · outlet ${outlet.data.outletIndex}${outlet.data.powerW === null ? '' : ` (${wattsText(outlet.data.powerW)})`}`
          : 'Not mapped'}
      </Text>
      {earlier.map((row) => (
        <Text key={row.id} size="xs" c="dimmed">
          Before: {row.deviceName} · outlet {row.outletIndex}, until {dateTime(row.toAt)}
        </Text>
      ))}
    </Stack>
  );
}
