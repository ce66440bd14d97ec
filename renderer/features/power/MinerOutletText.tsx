import { Text } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { wattsText } from './power-format';

/** The PDU outlet a miner is plugged into now, for the miner drawer: "PDU A1 · outlet 4 (3,250 W)". */
export function MinerOutletText({ minerId }: { minerId: number }) {
  const outlet = useQueryCall('power.outlets.ofMiner', { minerId });
  if (outlet.isLoading) return <Text size="sm">…</Text>;
  if (!outlet.data) return <Text size="sm">Not mapped</Text>;
  const { deviceName, outletIndex, powerW } = outlet.data;
  return <Text size="sm">{`${deviceName} · outlet ${outletIndex}${powerW === null ? '' : ` (${wattsText(powerW)})`}`}</Text>;
}
