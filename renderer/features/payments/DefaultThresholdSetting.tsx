import { Button, Group, NumberInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Settings } from '../../../electron/contract/settings';
import { useCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';

/** Settings: after how many days overdue a client is proposed for In Default (on the Clients page). */
export function DefaultThresholdSetting({ settings }: { settings: Settings }) {
  const [days, setDays] = useState<number | string>(settings.defaultAfterDaysOverdue);
  const update = useCall('settings.update', { failureTitle: 'The setting was not saved' });
  const save = async () => {
    const { organisationName, address, taxId, currency, timeZone, energyRatePerKwh, invoicePrefix } = settings;
    const outcome = await update.run({
      organisationName,
      address,
      taxId,
      currency,
      timeZone,
      energyRatePerKwh,
      invoicePrefix,
      defaultAfterDaysOverdue: typeof days === 'number' ? days : Number(days),
    });
    if (outcome.ok) notifications.show({ color: 'green', title: 'Setting saved', message: `Clients are proposed for In Default after ${days} days overdue.` });
  };
  return (
    <Stack gap="sm" maw={760} mt="xl">
      <SectionHeader
        title="Collections"
        description="A client whose oldest unpaid invoice is this many days past its due date is proposed for In Default on the Clients page. Nothing changes until someone confirms."
      />
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
        <Button variant="default" loading={update.running} disabled={days === settings.defaultAfterDaysOverdue} onClick={() => void save()}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
