import '@mantine/charts/styles.css';
import { AreaChart, LineChart } from '@mantine/charts';
import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChartLine, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Input } from '../../../electron/contract';
import { formatChartTime, formatDate, formatDateTime } from '../../../electron/contract/dates';
import { formatDecimal } from '../../../electron/contract/money';
import type { TelemetryMetric, TelemetrySeries } from '../../../electron/contract/telemetry';
import { useQueryCall } from '../../api/useCall';
import { TimeRangeControl, useTimeRange, type TimeRangeKey } from '../../components/TimeRange';
import { useDates } from '../../components/useDates';

/** Which miners a chart covers: one miner, a client's miners or a site's miners. */
export type TelemetryScope = { minerId: number } | { clientId: number } | { siteId: number };

const resolutionWords = { '5m': 'five-minute samples', '1h': 'hourly averages', '1d': 'daily averages' } as const;
const sourceWords = { miner: "the miners' own reports", pdu: 'PDU outlets', nameplate: 'model nameplates', mixed: 'several sources' } as const;

/** A point's time as a short label in the site's zone: time of day for a day's range, day and time for longer ones. */
function tickLabel(at: string, range: TimeRangeKey, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return formatDate(at, zone);
  return formatChartTime(at, zone, range !== '24h');
}

function useSeries(scope: TelemetryScope, metric: TelemetryMetric, from: string, to: string) {
  const input = { ...scope, metric, from, to } as Input<'telemetry.series'>;
  return useQueryCall('telemetry.series', input);
}

/** Chart data: values scaled for reading (TH/s, kW); exact integers stay in the API. */
const toData = (series: TelemetrySeries | undefined, scale: number) =>
  (series?.points ?? []).map((p) => ({ at: p.at, value: p.value === null ? null : p.value / scale }));

function ChartCard({ title, caption, children }: { title: string; caption: string | null; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600} mb={4}>
        {title}
      </Text>
      {caption && (
        <Text size="xs" c="dimmed" mb="sm">
          {caption}
        </Text>
      )}
      {children}
    </Card>
  );
}

/**
 * Hashrate, temperature and power over the last 24 hours, 7 days or 30 days for a miner, a client or a site
 * (sums over the miners; the hottest miner for temperature). Used by the client's Usage tab, the miner drawer and the site drawer.
 */
export function TelemetryCharts({ scope }: { scope: TelemetryScope }) {
  const { range, from, to, choose, refresh } = useTimeRange(60_000);
  const { zone } = useDates('siteId' in scope ? scope.siteId : undefined);
  const settings = useQueryCall('telemetry.settings.get', {});
  const hashrate = useSeries(scope, 'hashrate', from, to);
  const temperature = useSeries(scope, 'temperature', from, to);
  const power = useSeries(scope, 'power', from, to);
  const energy = useSeries(scope, 'energy', from, to);
  const all = [hashrate, temperature, power, energy];

  const loading = all.some((q) => q.isPending);
  const failed = all.find((q) => q.isError)?.error;
  const empty = !loading && !failed && all.every((q) => (q.data?.points.length ?? 0) === 0);
  const totalWh = (energy.data?.points ?? []).reduce((sum, p) => sum + (p.value ?? 0), 0);
  const resolution = hashrate.data ? resolutionWords[hashrate.data.resolution] : null;
  const tick = (at: string) => tickLabel(at, range, zone);
  const common = {
    h: 220,
    dataKey: 'at',
    curveType: 'linear' as const,
    withDots: false,
    connectNulls: false,
    xAxisProps: { tickFormatter: tick, minTickGap: 32 },
    tooltipProps: {
      labelFormatter: (at: unknown) =>
        typeof at === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(at) ? formatDate(at, zone) : formatDateTime(at, zone)) : String(at),
    },
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={4}>Telemetry</Title>
        <Group gap="xs">
          <TimeRangeControl value={range} onChange={choose} />
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={refresh}>
            Refresh
          </Button>
        </Group>
      </Group>
      {loading && <Loader size="sm" />}
      {failed && (
        <Alert color="red" title="The charts could not be loaded">
          {failed.message}
        </Alert>
      )}
      {empty && (
        <Alert icon={<IconChartLine size={18} />} color="gray" title="No telemetry in this range">
          No telemetry yet: miners are polled every {settings.data?.pollIntervalS ?? 60} s once discovery has found them.
        </Alert>
      )}
      {!loading && !failed && !empty && (
        <>
          <Text size="sm" c="dimmed">
            {resolution && `Shown as ${resolution}. `}
            Energy in this range: <b>{formatDecimal(totalWh, 3)} kWh</b>
            {energy.data?.powerSource ? ` (power from ${sourceWords[energy.data.powerSource]}; offline time counts 0 W).` : ' (offline time counts 0 W).'}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 3 }}>
            <ChartCard title="Hashrate" caption={hashrate.data ? `TH/s, ${hashrate.data.miners} miner${hashrate.data.miners === 1 ? '' : 's'}` : null}>
              <AreaChart {...common} data={toData(hashrate.data, 1000)} unit=" TH/s" series={[{ name: 'value', label: 'Hashrate', color: 'blue.6' }]} />
            </ChartCard>
            <ChartCard title="Temperature" caption="°C, the hottest reading">
              <LineChart {...common} data={toData(temperature.data, 1)} unit=" °C" series={[{ name: 'value', label: 'Temperature', color: 'orange.6' }]} />
            </ChartCard>
            <ChartCard title="Power" caption="kW, average">
              <AreaChart {...common} data={toData(power.data, 1000)} unit=" kW" series={[{ name: 'value', label: 'Power', color: 'teal.6' }]} />
            </ChartCard>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
