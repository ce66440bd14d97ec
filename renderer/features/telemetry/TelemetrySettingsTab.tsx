import { Badge, Button, Card, Group, Loader, NumberInput, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { Input } from '../../../electron/contract';
import { telemetryCalls, type TelemetrySettings, type TelemetryStatus } from '../../../electron/contract/telemetry';
import { useCall, useQueryCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { StatCard } from '../../components/StatCard';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { useDates } from '../../components/useDates';
import { Permitted, PermittedFields, PermittedSubmit } from '../../components/Permitted';

type FormValues = Input<'telemetry.settings.update'>;

function PollerSettingsForm({ settings }: { settings: TelemetrySettings }) {
  const form = useForm<FormValues>({
    initialValues: { pollIntervalS: settings.pollIntervalS, concurrency: settings.concurrency, timeoutMs: settings.timeoutMs, enabled: settings.enabled },
    validate: validateWith(telemetryCalls['telemetry.settings.update'].input),
  });
  const save = useFormCall('telemetry.settings.update', form, { failureTitle: 'Telemetry settings were not saved' });
  const submit = form.onSubmit(async (values) => {
    const outcome = await save.run(values);
    if (outcome.ok) notifications.show({ color: 'green', title: 'Telemetry settings saved', message: 'The poller uses them from its next cycle.' });
  });
  return (
    <form onSubmit={submit} noValidate>
      <PermittedFields procedure="telemetry.settings.update">
        <Stack maw={760} gap="md">
          <Switch
            label="Poll miners on a timer"
            description="Off: miners are read only when you press Poll now."
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Poll every"
              withAsterisk
              suffix=" s"
              min={10}
              max={3600}
              allowDecimal={false}
              description="10 to 3600 seconds"
              {...form.getInputProps('pollIntervalS')}
            />
            <NumberInput
              label="Miners at once"
              withAsterisk
              min={1}
              max={512}
              allowDecimal={false}
              description="1 to 512"
              {...form.getInputProps('concurrency')}
            />
            <NumberInput
              label="Time per miner"
              withAsterisk
              suffix=" ms"
              min={1000}
              max={60000}
              step={1000}
              allowDecimal={false}
              description="1000 to 60000 ms; a miner slower than this counts as offline"
              {...form.getInputProps('timeoutMs')}
            />
          </SimpleGrid>
          <Group>
            <PermittedSubmit procedure="telemetry.settings.update" saving={save.running}>
              Save telemetry settings
            </PermittedSubmit>
          </Group>
        </Stack>
      </PermittedFields>
    </form>
  );
}

function PollerStatus({ status }: { status: TelemetryStatus }) {
  const { dateTime } = useDates();
  const pollNow = useCall('telemetry.pollNow', { failureTitle: 'The poll did not start' });
  const cycle = status.lastCycle;
  const state = status.running ? 'Polling now' : !status.scheduled ? 'Polls only when asked' : status.enabled ? 'Waiting for the next cycle' : 'Switched off';
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Badge color={status.running ? 'blue' : status.enabled && status.scheduled ? 'green' : 'gray'} variant="light">
            {state}
          </Badge>
          <Text size="sm" c="dimmed">
            Next cycle: {dateTime(status.nextDueAt)} · late starts skipped since the app started: {status.skippedLateStarts}
          </Text>
        </Group>
        <Permitted procedure="telemetry.pollNow">
          <Button size="xs" leftSection={<IconPlayerPlay size={14} />} loading={pollNow.running} disabled={status.running} onClick={() => void pollNow.run({})}>
            Poll now
          </Button>
        </Permitted>
      </Group>
      {cycle ? (
        <>
          <Text size="sm">
            Last cycle started {dateTime(cycle.startedAt)} and took {cycle.durationMs === null ? '—' : `${(cycle.durationMs / 1000).toFixed(1)} s`}.
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <StatCard label="Polled" value={cycle.polled.toLocaleString()} />
            <StatCard label="Answered" value={cycle.answered.toLocaleString()} />
            <StatCard label="Offline" value={cycle.offline.toLocaleString()} />
            <StatCard label="Warnings" value={cycle.warnings.toLocaleString()} />
            <StatCard label="No driver yet" value={cycle.unsupported.toLocaleString()} />
          </SimpleGrid>
          {cycle.notes.length > 0 && (
            <Card withBorder padding="sm">
              <Text size="sm" fw={600} mb="xs">
                Miners the last cycle could not read{cycle.notes.length === 50 ? ' (the first 50)' : ''}
              </Text>
              <Table striped withRowBorders={false} fz="sm">
                <Table.Tbody>
                  {cycle.notes.map((n) => (
                    <Table.Tr key={n.minerId}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{n.assetId}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{n.ip}</Table.Td>
                      <Table.Td>{n.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          No cycle has run since the app started.
        </Text>
      )}
    </Stack>
  );
}

/** Settings › Telemetry: how the poller runs, and how its last cycle went. */
export function TelemetrySettingsTab() {
  const settings = useQueryCall('telemetry.settings.get', {});
  const status = useQueryCall('telemetry.status', {}, { refetchInterval: (query) => (query.state.data?.running ? 1000 : 5000) });
  return (
    <Stack gap="xl">
      <div>
        <SectionHeader
          title="Telemetry poller"
          description="Every miner with an IP address is read on this interval: hashrate, temperatures, fans, pools and power. A miner that does not answer in time counts as offline, at 0 W."
        />
        {settings.data ? <PollerSettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} /> : <Loader />}
      </div>
      <div>
        <SectionHeader title="Status" description="The last cycle of this session, and the miners it could not read." />
        {status.data ? <PollerStatus status={status.data} /> : <Loader />}
      </div>
    </Stack>
  );
}
