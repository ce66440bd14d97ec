import { Group, Loader, NumberInput, Stack, Switch, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { alertCalls, alertThresholdRanges, type AlertRule } from '../../../electron/contract/alerts';
import { alertKindLabels, alertThresholdUnits, type AlertKind } from '../../../electron/contract/alerts.vocab';
import type { Input } from '../../../electron/contract';
import { useQueryCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { PermittedFields, PermittedSubmit } from '../../components/Permitted';

type FormValues = Input<'alerts.rules.update'>;

/** What each rule watches, in a sentence. */
const ruleHelp: Record<AlertKind, string> = {
  miner_offline: 'A miner the poller cannot reach for longer than this.',
  hashrate_low:
    "A miner's hashrate below this share of its nominal (the model's, else the firmware's own figure). Also what makes it 'warning' in the Miners table.",
  temp_high: "A miner's hottest reading at or above this. Also what makes it 'warning' in the Miners table.",
  power_device_unreachable: 'A PDU or meter that has not answered for longer than this.',
  power_cap: "A contract's equipment drawing more than the contract's power cap for longer than this.",
};

function RulesForm({ rules }: { rules: AlertRule[] }) {
  const form = useForm<FormValues>({
    initialValues: { rules: rules.map(({ kind, enabled, threshold, desktop }) => ({ kind, enabled, threshold, desktop })) },
    validate: validateWith(alertCalls['alerts.rules.update'].input),
  });
  const save = useFormCall('alerts.rules.update', form, { failureTitle: 'The alert rules were not saved' });
  const submit = form.onSubmit(async (values) => {
    const outcome = await save.run(values);
    if (outcome.ok) notifications.show({ color: 'green', title: 'Alert rules saved', message: 'They were checked at once and apply from now on.' });
  });
  return (
    <form onSubmit={submit} noValidate>
      <PermittedFields procedure="alerts.rules.update">
        <Stack maw={960} gap="md">
          <Table verticalSpacing="sm" aria-label="Alert rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Alert</Table.Th>
                <Table.Th>On</Table.Th>
                <Table.Th>Threshold</Table.Th>
                <Table.Th>Desktop notification</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.rules.map((rule, i) => {
                const range = alertThresholdRanges[rule.kind];
                const label = alertKindLabels[rule.kind];
                return (
                  <Table.Tr key={rule.kind}>
                    <Table.Td maw={380}>
                      <Text fw={600} size="sm">
                        {label}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {ruleHelp[rule.kind]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch aria-label={`${label}: on`} {...form.getInputProps(`rules.${i}.enabled`, { type: 'checkbox' })} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`${label}: threshold`}
                        w={200}
                        min={range.min}
                        max={range.max}
                        allowDecimal={false}
                        description={`${range.min} to ${range.max} ${alertThresholdUnits[rule.kind]}`}
                        {...form.getInputProps(`rules.${i}.threshold`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Switch aria-label={`${label}: desktop notification`} {...form.getInputProps(`rules.${i}.desktop`, { type: 'checkbox' })} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed">
            E-mail to staff comes with the mail service. Desktop notifications show while Hashdesk is open, once you turn them on from the Alerts page.
          </Text>
          <Group>
            <PermittedSubmit procedure="alerts.rules.update" saving={save.running}>
              Save alert rules
            </PermittedSubmit>
          </Group>
        </Stack>
      </PermittedFields>
    </form>
  );
}

/** Settings › Alerts: each rule's switch, threshold and desktop notification. */
export function AlertRulesTab() {
  const rules = useQueryCall('alerts.rules.get', {});
  return (
    <div>
      <SectionHeader title="Alert rules" description="Checked every minute against the latest telemetry and power readings." />
      {rules.data ? <RulesForm key={rules.data.map((r) => r.updatedAt).join()} rules={rules.data} /> : <Loader />}
    </div>
  );
}
