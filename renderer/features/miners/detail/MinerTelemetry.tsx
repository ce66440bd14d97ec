import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { MinerLive } from '../../../../electron/contract/miners.list';
import { useDates } from '../../../components/useDates';
import { durationText, noValue } from '../miner-format';

const powerSourceLabels = { miner: 'reported by the miner', pdu: 'measured at its PDU outlet', nameplate: "the model's nameplate" } as const;

/** The latest values the poller stored, or why there are none yet. */
export function MinerTelemetry({ live }: { live: MinerLive | null }) {
  const { dateTime } = useDates();
  if (!live)
    return (
      <Text c="dimmed" ta="center" py="lg">
        Telemetry arrives with discovery and polling.
      </Text>
    );
  const rows: [string, string][] = [
    ['Polled at', dateTime(live.at)],
    ['Hashrate', live.hashrateThs ? `${live.hashrateThs} TH/s` : noValue],
    ['Hottest board', live.tempMaxC == null ? noValue : `${live.tempMaxC} °C`],
    ['Fans', live.fansRpm.length ? `${live.fansRpm.join(' / ')} rpm` : noValue],
    ['Power', live.powerW == null ? noValue : `${live.powerW.toLocaleString('en-US')} W${live.powerSource ? `, ${powerSourceLabels[live.powerSource]}` : ''}`],
    ['Uptime', durationText(live.uptimeS)],
    ['Pool', live.poolUrl ?? noValue],
    ['Pool user', live.poolUser ?? noValue],
  ];
  return (
    <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
      {rows.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm">{value}</Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
