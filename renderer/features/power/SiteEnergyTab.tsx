import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Card, Group, Loader, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { formatChartTime } from '../../../electron/contract/dates';
import { formatDecimal } from '../../../electron/contract/money';
import { useQueryCall } from '../../api/useCall';
import { TimeRangeControl, timeRanges, useTimeRange } from '../../components/TimeRange';
import { useDates } from '../../components/useDates';

/** A site's metered energy per hour (its site meters, else its PDUs' totals) with how much of each hour readings covered. */
export function SiteEnergyTab() {
  const [siteId, setSiteId] = useState<string | null>(null);
  const sites = useQueryCall('sites.list', { search: '' });
  const chosen = siteId ?? (sites.data?.[0] ? String(sites.data[0].id) : null);
  const { range, from, to, choose } = useTimeRange(3_600_000);
  const series = useQueryCall('power.energy.series', { siteId: Number(chosen), from, to }, { enabled: chosen !== null });
  // Every hour of the range gets a bar; an hour without readings stays empty (unknown), not 0.
  const byHour = new Map((series.data?.points ?? []).map((p) => [Date.parse(p.hour), p]));
  const { zone } = useDates(chosen === null ? undefined : Number(chosen));
  const data = Array.from({ length: timeRanges[range] / 3_600_000 }, (_, i) => {
    const hourMs = Date.parse(from) + i * 3_600_000;
    const point = byHour.get(hourMs);
    return {
      hour: formatChartTime(new Date(hourMs).toISOString(), zone, range !== '24h'),
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
        <TimeRangeControl value={range} onChange={choose} />
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
