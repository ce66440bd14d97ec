import { Button, Center, Drawer, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useQueryCall } from '../../../api/useCall';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isNotFound, NotFound, noRecordText, notFoundShownInPage } from '../../../components/NotFound';
import { AuditTable } from '../../audit/AuditTable';
import { LiveStatusBadge } from '../LiveStatusBadge';
import { MinerFormModal } from '../MinerFormModal';
import { AssignmentsTable, IdentityHistoryTable } from './MinerHistoryTables';
import { MinerOverview } from './MinerOverview';
import { MinerTasksTab } from './MinerTasksTab';
import { MinerTelemetry } from './MinerTelemetry';
import { TelemetryCharts } from '../../telemetry/TelemetryCharts';
import { Permitted } from '../../../components/Permitted';

const tabs = {
  overview: 'Overview',
  identity: 'Identity history',
  assignments: 'Assignments',
  tasks: 'Tasks',
  activity: 'Activity',
  telemetry: 'Telemetry',
} as const;
type Tab = keyof typeof tabs;

/** One miner in a side drawer, opened from a row of the table (the URL carries it as ?miner=ID). */
export function MinerDetailDrawer({ minerId, onClose }: { minerId: number | null; onClose: () => void }) {
  const [tab, setTab] = useState<Tab>('overview');
  const [editing, setEditing] = useState(false);
  const id = minerId ?? 0;
  const miner = useQueryCall('miners.get', { id }, { ...notFoundShownInPage, enabled: minerId !== null });
  const history = useQueryCall('miners.history', { id }, { enabled: minerId !== null && tab === 'identity' });
  const detail = miner.data?.id === minerId ? miner.data : undefined;

  return (
    <Drawer
      opened={minerId !== null}
      onClose={onClose}
      position="right"
      size={760}
      title={
        detail ? (
          <Group gap="sm">
            <Title order={3}>{detail.assetId}</Title>
            <Permitted procedure="miners.update">
              <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
                Edit
              </Button>
            </Permitted>
            <LiveStatusBadge status={detail.liveStatus} />
            <Text c="dimmed" size="sm">
              {[detail.ip, `${detail.make} ${detail.model}`.trim()].filter(Boolean).join(' · ')}
            </Text>
          </Group>
        ) : (
          'Miner'
        )
      }
    >
      {isNotFound(miner.error) ? (
        <NotFound title="Miner not found" text={noRecordText('miner', id)} back={{ label: 'Back to miners', onClick: onClose }} />
      ) : !detail ? (
        <Center py="xl">
          {miner.error ? <ErrorAlert title="This miner could not be loaded" error={miner.error.apiError} /> : <Loader aria-label="Loading" />}
        </Center>
      ) : (
        <Tabs value={tab} onChange={(next) => setTab((next as Tab) ?? 'overview')} keepMounted={false}>
          <Tabs.List mb="md">
            {(Object.keys(tabs) as Tab[]).map((key) => (
              <Tabs.Tab key={key} value={key}>
                {tabs[key]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview">
            <MinerOverview miner={detail} />
          </Tabs.Panel>
          <Tabs.Panel value="identity">
            <IdentityHistoryTable rows={history.data?.identity} loading={history.isLoading} />
          </Tabs.Panel>
          <Tabs.Panel value="assignments">
            <AssignmentsTable rows={detail.assignments} loading={false} />
          </Tabs.Panel>
          <Tabs.Panel value="tasks">
            <MinerTasksTab minerId={detail.id} />
          </Tabs.Panel>
          <Tabs.Panel value="activity">
            <AuditTable entity="miner" entityId={String(detail.id)} pageSize={20} />
          </Tabs.Panel>
          <Tabs.Panel value="telemetry">
            <Stack gap="lg">
              <MinerTelemetry live={detail.live} />
              <TelemetryCharts scope={{ minerId: detail.id }} />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      )}
      {editing && detail && <MinerFormModal miner={detail} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
