import { Box, Card, Group, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { DashboardHour } from '../../../electron/contract/dashboard';
import { useAfterPaint } from '../../components/useAfterPaint';
import { useDates } from '../../components/useDates';
import { fleetHashrateText } from './dashboard-format';

const FleetHashrateArea = lazy(() => import('./FleetHashrateArea').then((module) => ({ default: module.FleetHashrateArea })));

/** The unit the chart's axis reads: PH/s for a fleet past 1 PH/s, else TH/s. */
function axisUnit(hours: readonly DashboardHour[]): { unit: string; per: number } {
  const peak = Math.max(0, ...hours.map((h) => h.hashrateGhs ?? 0));
  return peak >= 1_000_000 ? { unit: 'PH/s', per: 1_000_000 } : { unit: 'TH/s', per: 1_000 };
}

/** The fleet's hashrate hour by hour over the last day, in the organisation's time zone. */
export function FleetHashrateChart({ hours }: { hours: DashboardHour[] }) {
  const { zone } = useDates();
  const tilesPainted = useAfterPaint();
  const { unit, per } = axisUnit(hours);
  const data = hours.map((h) => ({ at: h.hour, value: h.hashrateGhs === null ? null : Math.round((h.hashrateGhs * 100) / per) / 100 }));
  const reported = hours.filter((h) => h.hashrateGhs !== null);
  const average = reported.length ? Math.round(reported.reduce((sum, h) => sum + (h.hashrateGhs ?? 0), 0) / reported.length) : null;
  return (
    <Card withBorder radius="md" padding="md" h="100%" component="section" aria-label="Fleet hashrate, last 24 hours">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Text fw={600}>Fleet hashrate, last 24 hours</Text>
          <Text size="xs" c="dimmed">
            {unit}, hourly averages summed over the miners; the last hour is still filling
          </Text>
        </div>
        {average !== null && (
          <Text size="sm" c="dimmed">
            Average <b>{fleetHashrateText(average)}</b>
          </Text>
        )}
      </Group>
      {reported.length === 0 ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          No hourly readings in the last day: miners are polled once discovery has found them.
        </Text>
      ) : (
        // The chart library is a large script of its own, fetched and run once the tiles are painted.
        <Suspense fallback={<Box h={220} />}>{tilesPainted ? <FleetHashrateArea data={data} unit={unit} zone={zone} /> : <Box h={220} />}</Suspense>
      )}
    </Card>
  );
}
