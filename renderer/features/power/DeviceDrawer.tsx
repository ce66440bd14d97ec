import { Alert, Badge, Button, Drawer, Group, Loader, Modal, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPencil, IconPlugConnected, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { PowerDevice, PowerTestResult } from '../../../electron/contract/power';
import { useCall, useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isNotFound, NotFound, noRecordText, notFoundShownInPage } from '../../components/NotFound';
import { CounterEventsTable } from './CounterEventsTable';
import { DeviceFormModal } from './DeviceFormModal';
import { ImportReadingsModal } from './ImportReadingsModal';
import { OutletsTable } from './OutletsTable';
import { ReadingsTable } from './ReadingsTable';
import { TestOutcome } from './TestOutcome';
import { deviceKindLabels, deviceStateColors, deviceStateLabels, wattsText } from './power-format';
import { useDates } from '../../components/useDates';
import { Permitted } from '../../components/Permitted';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

/** One device: its settings, Test connection and Poll now (Import readings for a manual one), its readings, outlets with their miners, and its counters' events. */
export function DeviceDrawer({ deviceId, onClose }: { deviceId: number; onClose: () => void }) {
  const device = useQueryCall('power.devices.get', { id: deviceId }, notFoundShownInPage);
  const test = useCall('power.devices.test', { failureTitle: 'The test did not run' });
  const poll = useCall('power.devices.poll', { failureTitle: 'The device was not polled' });
  const remove = useCall('power.devices.delete', { failureTitle: 'The device was not deleted' });
  const [tested, setTested] = useState<PowerTestResult | null>(null);
  const [editing, setEditing] = useState<PowerDevice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [importing, setImporting] = useState(false);
  const d = device.data;
  const manual = d?.kind === 'manual';
  const { dateTime } = useDates(d?.siteId);

  const runTest = async () => {
    setTested(null);
    const outcome = await test.run({ id: deviceId });
    if (outcome.ok) setTested(outcome.value);
  };
  const confirmDelete = async () => {
    const outcome = await remove.run({ id: deviceId });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Device deleted', message: `${d?.name ?? 'The device'} was deleted with its outlets.` });
    onClose();
  };

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={<Text fw={700}>{d?.name ?? 'Power device'}</Text>}>
      {isNotFound(device.error) ? (
        <NotFound title="Power device not found" text={noRecordText('PDU or meter', deviceId)} back={{ label: 'Back to PDUs and meters', onClick: onClose }} />
      ) : (
        <ErrorAlert title="The device could not be loaded" error={device.error?.apiError} />
      )}
      {!d && !device.error && <Loader aria-label="Loading" />}
      {d && (
        <Stack gap="md">
          <Group justify="space-between">
            <Group gap="xs">
              {manual ? (
                <Badge variant="light" color="gray">
                  Read by hand
                </Badge>
              ) : (
                <>
                  <Badge variant="light" color={deviceStateColors[d.state]}>
                    {deviceStateLabels[d.state]}
                  </Badge>
                  <Text size="sm">{wattsText(d.powerW)}</Text>
                </>
              )}
            </Group>
            <Group gap="xs">
              {manual ? (
                <Permitted procedure="power.readings.import">
                  <Button size="xs" variant="default" leftSection={<IconFileImport size={14} />} onClick={() => setImporting(true)}>
                    Import readings
                  </Button>
                </Permitted>
              ) : (
                <>
                  <Permitted procedure="power.devices.test">
                    <Button size="xs" variant="default" leftSection={<IconPlugConnected size={14} />} loading={test.running} onClick={() => void runTest()}>
                      Test connection
                    </Button>
                  </Permitted>
                  <Permitted procedure="power.devices.poll">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconRefresh size={14} />}
                      loading={poll.running}
                      onClick={() => void poll.run({ id: deviceId })}
                    >
                      Poll now
                    </Button>
                  </Permitted>
                </>
              )}
              <Permitted procedure="power.devices.update">
                <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(d)}>
                  Edit
                </Button>
              </Permitted>
              <Permitted procedure="power.devices.delete">
                <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setConfirming(true)}>
                  Delete
                </Button>
              </Permitted>
            </Group>
          </Group>
          {tested && <TestOutcome result={tested} />}
          {d.stateMessage && (
            <Alert color={d.state === 'ok' ? 'yellow' : 'red'} title="Last poll">
              {d.stateMessage}
            </Alert>
          )}
          {manual ? (
            <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
              <Field label="Kind" value={deviceKindLabels[d.kind]} />
              <Field label="Site" value={d.siteName} />
              <Field label="Rack" value={d.rackName ?? '—'} />
              <Field label="Outlets" value={String(d.outletCount)} />
              <Field label="Readings" value="Imported from CSV files; never polled" />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
              <Field label="Kind" value={deviceKindLabels[d.kind]} />
              <Field label="Profile" value={d.profileLabel} />
              <Field label="Address" value={`${d.host}:${d.port}`} />
              <Field label="Site" value={d.siteName} />
              <Field label="Rack" value={d.rackName ?? '—'} />
              <Field
                label={d.kind === 'pdu' ? 'SNMP' : 'Modbus'}
                value={
                  d.snmp
                    ? `v${d.snmp.version}${d.snmp.user ? `, user ${d.snmp.user}` : ''}${d.hasSecret ? ', secret stored' : ', no secret'}`
                    : `unit ${d.modbus?.unitId ?? 1}`
                }
              />
              <Field label="Last polled" value={dateTime(d.lastPolledAt)} />
              <Field label="Last answer" value={dateTime(d.lastOkAt)} />
              <Field label="Polling" value={d.enabled ? 'Every minute' : 'Off'} />
            </SimpleGrid>
          )}
          <Tabs defaultValue={manual ? 'readings' : d.kind === 'pdu' ? 'outlets' : 'events'} keepMounted={false}>
            <Tabs.List>
              {manual && <Tabs.Tab value="readings">Readings</Tabs.Tab>}
              {d.kind !== 'meter' && <Tabs.Tab value="outlets">Outlets</Tabs.Tab>}
              <Tabs.Tab value="events">Counter events</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="readings" pt="md">
              <ReadingsTable deviceId={d.id} siteId={d.siteId} />
            </Tabs.Panel>
            <Tabs.Panel value="outlets" pt="md">
              <OutletsTable deviceId={d.id} siteId={d.siteId} manual={manual} />
            </Tabs.Panel>
            <Tabs.Panel value="events" pt="md">
              <CounterEventsTable deviceId={d.id} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
      {editing && <DeviceFormModal device={editing} onClose={() => setEditing(null)} />}
      {importing && <ImportReadingsModal onClose={() => setImporting(false)} />}
      {confirming && d && (
        <Modal opened onClose={() => setConfirming(false)} title={`Delete ${d.name}?`} centered>
          <Text size="sm">
            {d.name} and its outlets are removed. A device with energy or outlet assignments on record is kept for billing and miner histories: disable it
            instead, and it stops being polled. The audit log keeps a record of either.
          </Text>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" loading={remove.running} onClick={() => void confirmDelete()} data-autofocus>
              Delete device
            </Button>
          </Group>
        </Modal>
      )}
    </Drawer>
  );
}
