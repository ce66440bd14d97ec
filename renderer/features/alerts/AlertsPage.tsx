import { Button, CloseButton, Group, Pagination, Paper, Select, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { alertKinds, alertKindLabels, type AlertKind } from '../../../electron/contract/alerts.vocab';
import { useCall, useQueryCall } from '../../api/useCall';
import { PageHeader } from '../../components/PageHeader';
import { AcknowledgeModal } from './AcknowledgeModal';
import { alertListInput, alertPageSize } from './alert-params';
import { alertTabs } from './alert-labels';
import { AlertsTable } from './AlertsTable';
import { DesktopNotificationsButton } from './DesktopNotificationsButton';
import { useAlertView } from './useAlertView';
import { Permitted } from '../../components/Permitted';
import { fleetInSightSentence, useScopedDescription } from '../auth/useManagedClientsOf';

/** A filter that came in through the URL (a client or a miner), named, with a way out of it. */
function FilterChip({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <Paper withBorder px="sm" py={4} radius="xl">
      <Group gap={4} wrap="nowrap">
        <Text size="sm">{label}</Text>
        <CloseButton size="sm" aria-label={`Clear the filter ${label}`} onClick={onClear} />
      </Group>
    </Paper>
  );
}

function ClientChip({ clientId, onClear }: { clientId: number; onClear: () => void }) {
  const client = useQueryCall('clients.get', { id: clientId });
  return <FilterChip label={`Client: ${client.data?.name ?? `#${clientId}`}`} onClear={onClear} />;
}

/** Offline miners, low hashrate, high temperatures and unreachable power devices: what fires now, who took it, and the history. */
export function AlertsPage() {
  const [view, update] = useAlertView();
  const list = useQueryCall('alerts.list', alertListInput(view), { placeholderData: (previous) => previous, refetchInterval: 15_000 });
  const sites = useQueryCall('sites.list', { search: '' });
  const evaluate = useCall('alerts.evaluate', { failureTitle: 'The alerts were not checked' });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [acknowledging, setAcknowledging] = useState(false);
  const description = useScopedDescription(
    'Miners offline or under-performing, running hot, and PDUs or meters that stopped answering. The rules are checked every minute (Settings › Alerts).',
    fleetInSightSentence,
  );
  const counts = list.data?.statusCounts;
  const tabCount = (status: string) =>
    !counts ? '' : ` (${status === 'active' ? counts.open + counts.acknowledged : counts[status as keyof typeof counts].toLocaleString()})`;
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / alertPageSize));
  const select = (ids: number[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  const change = (next: Parameters<typeof update>[0]) => {
    setSelected(new Set());
    update(next);
  };
  const checkNow = async () => {
    const outcome = await evaluate.run({});
    if (outcome.ok) {
      const { opened, resolved, active } = outcome.value;
      notifications.show({ title: 'Alerts checked', message: `${opened} opened, ${resolved} resolved; ${active} firing now.` });
    }
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Alerts"
        description={description}
        actions={
          <Group>
            <DesktopNotificationsButton />
            <Permitted procedure="alerts.evaluate">
              <Button variant="default" leftSection={<IconRefresh size={16} />} loading={evaluate.running} onClick={() => void checkNow()}>
                Check now
              </Button>
            </Permitted>
          </Group>
        }
      />
      <Tabs value={view.status} onChange={(status) => change({ status: (status ?? 'active') as typeof view.status })}>
        <Tabs.List>
          {alertTabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
              {tabCount(tab.value)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Text size="sm" c="dimmed" mt={-8}>
        {alertTabs.find((tab) => tab.value === view.status)?.holds}
      </Text>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select
            label="Kind"
            placeholder="Every kind"
            clearable
            w={220}
            data={alertKinds.map((kind) => ({ value: kind, label: alertKindLabels[kind] }))}
            value={view.kind}
            onChange={(kind) => change({ kind: kind as AlertKind | null })}
          />
          <Select
            label="Site"
            placeholder="Every site"
            clearable
            w={220}
            data={(sites.data ?? []).map((site) => ({ value: String(site.id), label: site.name }))}
            value={view.siteId === null ? null : String(view.siteId)}
            onChange={(site) => change({ siteId: site ? Number(site) : null })}
          />
          {view.clientId !== null && <ClientChip clientId={view.clientId} onClear={() => change({ clientId: null })} />}
          {view.minerId !== null && <FilterChip label={`Miner #${view.minerId}`} onClear={() => change({ minerId: null })} />}
        </Group>
        <Permitted procedure="alerts.acknowledge">
          <Button leftSection={<IconCheck size={16} />} disabled={selected.size === 0} onClick={() => setAcknowledging(true)}>
            Acknowledge{selected.size ? ` ${selected.size}` : ''}
          </Button>
        </Permitted>
      </Group>
      <AlertsTable
        rows={list.data?.rows ?? []}
        history={view.status === 'resolved'}
        selected={selected}
        onSelect={select}
        empty={
          <Stack gap={2} py="lg" align="center">
            <Text fw={600}>
              {list.isLoading ? 'Loading alerts…' : view.status === 'resolved' ? 'No resolved alerts in this view.' : 'Nothing is firing in this view.'}
            </Text>
          </Stack>
        }
      />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.data ? `${list.data.total.toLocaleString()} alert${list.data.total === 1 ? '' : 's'}` : ''}
        </Text>
        {pages > 1 && <Pagination total={pages} value={view.page} onChange={(page) => change({ page })} />}
      </Group>
      {acknowledging && (
        <AcknowledgeModal
          ids={[...selected]}
          onClose={() => setAcknowledging(false)}
          onDone={() => {
            setAcknowledging(false);
            setSelected(new Set());
          }}
        />
      )}
    </Stack>
  );
}
