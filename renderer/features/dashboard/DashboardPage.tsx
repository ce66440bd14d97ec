import { Card, Grid, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { useGranted } from '../../api/usePermissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useDates } from '../../components/useDates';
import { AuditTable } from '../audit/AuditTable';
import { BillingTiles } from './BillingTiles';
import { ClientShareCard } from './ClientShareCard';
import { FirstRun } from './FirstRun';
import { FleetHashrateChart } from './FleetHashrateChart';
import { FleetTiles } from './FleetTiles';
import { SitePowerCard } from './SitePowerCard';
import { WorkTiles } from './WorkTiles';
import { fleetInSightSentence, useManagedClientsOf } from '../auth/useManagedClientsOf';

/** While the dashboard is shown its figures are read again this often (react-query stops when it is left). */
const REFRESH_MS = 30_000;

const tileColumns = { base: 1, sm: 2, lg: 4 } as const;

const useSummary = (enabled: boolean) => useQueryCall('dashboard.summary', {}, { refetchInterval: REFRESH_MS, enabled });

function Figures({ summary }: { summary: ReturnType<typeof useSummary> }) {
  const { dateTime } = useDates();
  const seesChanges = useGranted('audit.view');
  if (!summary.data) {
    return summary.error ? (
      <ErrorAlert title="The dashboard's figures could not be read" error={summary.error.apiError} />
    ) : (
      <Loader aria-label="Loading the dashboard" />
    );
  }
  const s = summary.data;
  return (
    <Stack gap="md" data-testid="dashboard-figures">
      <ErrorAlert title="The figures could not be refreshed; these are from the last reading" error={summary.error?.apiError} />
      <Text size="xs" c="dimmed" mt={-12}>
        Read {dateTime(s.at)} · refreshed every 30 seconds while shown
      </Text>
      <SimpleGrid cols={tileColumns}>
        <FleetTiles summary={s} />
      </SimpleGrid>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <FleetHashrateChart hours={s.hashrate24h} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SitePowerCard sites={s.sites} totalW={s.fleet.powerW} />
        </Grid.Col>
      </Grid>
      <SimpleGrid cols={tileColumns}>
        <WorkTiles tasks={s.tasks} notice={s.notice} now={s.at} />
        <BillingTiles billing={s.billing} />
      </SimpleGrid>
      <Grid>
        <Grid.Col span={{ base: 12, lg: seesChanges ? 4 : 12 }}>
          <ClientShareCard clients={s.clients} totalMiners={s.fleet.miners} />
        </Grid.Col>
        {/* The change log is its own permission: a role without it has no card asking for it. */}
        {seesChanges && (
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Card withBorder radius="md" padding="md" h="100%" component="section" aria-label="Recent changes">
              <Text fw={600} mb="xs">
                Recent changes
              </Text>
              <AuditTable pageSize={8} sentencesOnly />
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}

export function DashboardPage() {
  const info = useQueryCall('app.info', {});
  const settings = useQueryCall('settings.get', {});
  // Asked for with the page's other reads, not after them: the figures are what the first screen waits for.
  const summary = useSummary(info.data?.isEmpty !== true);
  const scoped = useManagedClientsOf() !== null;
  if (!info.data || !settings.data) return <Loader />;
  if (info.data.isEmpty) return <FirstRun />;
  return (
    <Stack gap={0}>
      <PageHeader
        title={settings.data.organisationName || 'Dashboard'}
        description={`Hashdesk ${info.data.version}${scoped ? ` · ${fleetInSightSentence}` : ''}`}
      />
      <Figures summary={summary} />
    </Stack>
  );
}
