import { Button, Group, NumberInput, Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Input } from '../../../electron/contract';
import type { Settings } from '../../../electron/contract/settings';
import { useCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { Permitted, PermittedFields } from '../../components/Permitted';

/** The organisation's fields settings.update always needs, as saved, so one setting changes alone. */
function savedFields(settings: Settings): Input<'settings.update'> {
  const { organisationName, address, taxId, currency, timeZone, energyRatePerKwh, invoicePrefix } = settings;
  return { organisationName, address, taxId, currency, timeZone, energyRatePerKwh, invoicePrefix };
}

/**
 * Settings › Collections: after how many days overdue a client is proposed for In Default (on the Clients page),
 * and whether a receipt is e-mailed for each payment recorded (the Record payment dialog can still opt out).
 */
export function DefaultThresholdSetting({ settings }: { settings: Settings }) {
  const [days, setDays] = useState<number | string>(settings.defaultAfterDaysOverdue);
  const update = useCall('settings.update', { failureTitle: 'The setting was not saved' });
  const save = async () => {
    const outcome = await update.run({ ...savedFields(settings), defaultAfterDaysOverdue: typeof days === 'number' ? days : Number(days) });
    if (outcome.ok) notifications.show({ color: 'green', title: 'Setting saved', message: `Clients are proposed for In Default after ${days} days overdue.` });
  };
  const setReceipts = async (on: boolean) => {
    const outcome = await update.run({ ...savedFields(settings), sendPaymentReceipts: on });
    const message = on ? 'A receipt is e-mailed for each payment recorded.' : 'No receipt is e-mailed unless asked for when recording a payment.';
    if (outcome.ok) notifications.show({ color: 'green', title: 'Setting saved', message });
  };
  return (
    <Stack gap="sm" maw={760} mt="xl">
      <SectionHeader
        title="Collections"
        description="A client whose oldest unpaid invoice is this many days past its due date is proposed for In Default on the Clients page. Nothing changes until someone confirms."
      />
      <PermittedFields procedure="settings.update">
        <Group align="flex-end">
          <NumberInput
            label="Propose In Default after"
            suffix=" days overdue"
            min={1}
            max={365}
            allowDecimal={false}
            w={240}
            value={days}
            error={update.error?.fields?.defaultAfterDaysOverdue}
            onChange={setDays}
          />
          <Permitted procedure="settings.update">
            <Button variant="default" loading={update.running} disabled={days === settings.defaultAfterDaysOverdue} onClick={() => void save()}>
              Save
            </Button>
          </Permitted>
        </Group>
        <Switch
          label="E-mail a receipt for each payment recorded"
          description="With the Payment receipt template (Settings › E-mail), to the client's billing address. The Record payment dialog can leave it out for one payment."
          checked={settings.sendPaymentReceipts}
          disabled={update.running}
          onChange={(event) => void setReceipts(event.currentTarget.checked)}
        />
      </PermittedFields>
    </Stack>
  );
}
