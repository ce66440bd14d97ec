import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Card, Group, Loader, SegmentedControl, Select, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatDecimal } from '../../../electron/contract/money';
import { useQueryCall } from '../../api/useCall';

const ranges = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
type RangeKey = keyof typeof ranges;

/** A site's metered energy per hour (its site meters, else its PDUs' totals) with how much of each hour readings covered. */
export function SiteEnergyTab() {
  const [siteId, setSiteId] = useState<string | null>(null);
  const [range, setRange] = useState<RangeKey>('24h');
  const [anchor, setAnchor] = useState(() => Date.now());
  const sites = useQueryCall('sites.list', { search: '' });
  const chosen = siteId ?? (sites.data?.[0] ? String(sites.data[0].id) : null);
  const { from, to } = useMemo(() => {
    const end = Math.ceil(anchor / 3_600_000) * 3_600_000;
    return { from: new Date(end - ranges[range]).toISOString(), to: new Date(end).toISOString() };
  }, [anchor, range]);
  const series = useQueryCall('power.energy.series', { siteId: Number(chosen), from, to }, { enabled: chosen !== null });
  // Every hour of the range gets a bar; an hour without readings stays empty (unknown), not 0.
  const byHour = new Map((series.data?.points ?? []).map((p) => [Date.parse(p.hour), p]));
  const label: Intl.DateTimeFormatOptions = range === '24h' ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: '2-digit' };
  const data = Array.from({ length: ranges[range] / 3_600_000 }, (_, i) => {
    const hourMs = Date.parse(from) + i * 3_600_000;
    const point = byHour.get(hourMs);
    return {
      hour: new Date(hourMs).toLocaleString(undefined, label),
      kWh: point ? point.energyWh / 1000 : null,
      coverage: point ? Math.round((100 * point.coveredS) / (3600 * Math.max(1, series.data?.counters ?? 1))) : 0,
    };
  });
  const partial = data.filter((p) => p.kWh !== null && p.coverage < 100).length;
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm">
        <Group>
          <Select
            aria-label="Site"
            placeholder="Choose a site"
            data={(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={chosen}
            onChange={setSiteId}
          />
          <Text fw={600}>Metered energy per hour</Text>
        </Group>
        <SegmentedControl
          size="xs"
          aria-label="Time range"
          value={range}
          onChange={(next) => {
            setRange(next as RangeKey);
            setAnchor(Date.now());
          }}
          data={[
            { value: '24h', label: '24 h' },
            { value: '7d', label: '7 days' },
            { value: '30d', label: '30 days' },
          ]}
        />
      </Group>
      {series.isLoading && <Loader size="sm" />}
      {series.error && (
        <Alert color="red" title="The energy could not be loaded">
          {series.error.message}
        </Alert>
      )}
      {series.data && series.data.counters === 0 && (
        <Alert color="gray" title="No energy counters at this site yet">
          Add a site meter or PDUs in the Devices tab; energy is counted from their second reading.
        </Alert>
      )}
      {series.data && series.data.counters > 0 && series.data.points.length === 0 && (
        <Alert color="gray" title="No energy counted in this range">
          Energy is counted between two readings of a counter; it shows here once the devices have been polled twice.
        </Alert>
      )}
      {series.data && series.data.counters > 0 && series.data.points.length > 0 && (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            Total <b>{formatDecimal(series.data.totalWh, 3)} kWh</b> from {series.data.counters} counter{series.data.counters === 1 ? '' : 's'}.
            {partial > 0 && ` ${partial} hour${partial === 1 ? ' was' : 's were'} not fully covered by readings (gaps are marked, not filled in).`}
          </Text>
          <BarChart
            h={260}
            data={data}
            dataKey="hour"
            unit=" kWh"
            series={[{ name: 'kWh', label: 'Energy', color: 'teal.6' }]}
            xAxisProps={{ minTickGap: 24 }}
          />
        </>
      )}
    </Card>
  );
}
