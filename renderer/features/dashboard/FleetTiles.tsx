import { ColorSwatch, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBolt, IconCpu, IconGauge } from '@tabler/icons-react';
import { alertKindLabels, alertKinds } from '../../../electron/contract/alerts.vocab';
import type { DashboardSummary } from '../../../electron/contract/dashboard';
import { minerLiveStatuses } from '../../../electron/contract/miners';
import { liveStatusColors, liveStatusLabels } from '../miners/miner-format';
import { countText, efficiencyText, fleetHashrateText, kwText, percentOf } from './dashboard-format';
import { DashboardTile, TileRow } from './DashboardTile';

/** Live hashrate and power of the fleet, miners by live status, and the alerts still firing. */
export function FleetTiles({ summary }: { summary: DashboardSummary }) {
  const { fleet, alerts, sites } = summary;
  const placed = sites.filter((site) => site.miners > 0).length;
  const reported = summary.hashrate24h.filter((hour) => hour.powerW !== null);
  const dayAverageW = reported.length ? Math.round(reported.reduce((sum, hour) => sum + (hour.powerW ?? 0), 0) / reported.length) : null;
  return (
    <>
      <DashboardTile label="Fleet hashrate" icon={IconGauge} color="blue" value={fleetHashrateText(fleet.hashrateGhs)} to="/miners?status=online,warning">
        <Text size="sm" c="dimmed">
          {fleet.answering.toLocaleString('en-US')} of {countText(fleet.miners, 'miner')} answering now
        </Text>
        {fleet.hashrateGhs > 0 && (
          <Text size="sm" mt={6}>
            Efficiency <b>{efficiencyText(fleet.powerW, fleet.hashrateGhs)}</b>
          </Text>
        )}
      </DashboardTile>
      <DashboardTile label="Power draw" icon={IconBolt} color="teal" value={kwText(fleet.powerW)} to="/power">
        <Text size="sm" c="dimmed">
          {placed === 1 ? 'At 1 site' : `Across ${placed} sites`}, as measured or rated
        </Text>
        {dayAverageW !== null && (
          <Text size="sm" mt={6}>
            Last 24 h average <b>{kwText(dayAverageW)}</b>
          </Text>
        )}
      </DashboardTile>
      <DashboardTile label="Miners" icon={IconCpu} color="gray" value={fleet.miners.toLocaleString('en-US')}>
        <Progress.Root size={8} mb={8} mt={4} aria-hidden>
          {minerLiveStatuses.map((status) => (
            <Progress.Section key={status} value={percentOf(fleet.statusCounts[status], fleet.miners)} color={`${liveStatusColors[status]}.6`} />
          ))}
        </Progress.Root>
        <Stack gap={0}>
          {minerLiveStatuses.map((status) => (
            <TileRow
              key={status}
              to={`/miners?status=${status}`}
              lead={<ColorSwatch size={10} color={`var(--mantine-color-${liveStatusColors[status]}-6)`} withShadow={false} />}
              label={liveStatusLabels[status]}
              figure={fleet.statusCounts[status].toLocaleString('en-US')}
            />
          ))}
        </Stack>
      </DashboardTile>
      <DashboardTile label="Open alerts" icon={IconAlertTriangle} color={alerts.active ? 'red' : 'gray'} value={alerts.active.toLocaleString('en-US')}>
        <Stack gap={0}>
          <TileRow to="/alerts" label="All firing now" figure={alerts.active.toLocaleString('en-US')} />
          <TileRow to="/alerts?status=open" label="Not acknowledged" figure={alerts.unacknowledged.toLocaleString('en-US')} />
          {alertKinds
            .filter((kind) => alerts.byKind[kind] > 0)
            .map((kind) => (
              <TileRow key={kind} to={`/alerts?kind=${kind}`} label={alertKindLabels[kind]} figure={alerts.byKind[kind].toLocaleString('en-US')} />
            ))}
          {alerts.active === 0 && (
            <Text size="sm" c="dimmed" mt={4}>
              Nothing firing: every rule is quiet.
            </Text>
          )}
        </Stack>
      </DashboardTile>
    </>
  );
}
