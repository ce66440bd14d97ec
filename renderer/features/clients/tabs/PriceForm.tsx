import { Group, Paper, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { contract, type Input } from '../../../../electron/contract';
import type { Settings } from '../../../../electron/contract/settings';
import { validateWith } from '../../../components/zod-form';
import { useFormCall } from '../../../components/useFormCall';
import { PermittedFields, PermittedSubmit } from '../../../components/Permitted';

type FormValues = Omit<Input<'clients.pricing.set'>, 'clientId'>;
const priceSchema = contract['clients.pricing.set'].input.omit({ clientId: true });

/** Today as YYYY-MM-DD in the site's calendar, which is what valid-from dates mean. */
export function siteToday(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** "Add price from date": appends a row to the client's price history. */
export function PriceForm({ clientId, currency, settings }: { clientId: number; currency: string; settings: Settings }) {
  const form = useForm<FormValues>({
    initialValues: { validFrom: siteToday(settings.timeZone), energyRatePerKwh: '', hostingFeePerMinerMonth: '' },
    validate: validateWith(priceSchema),
  });
  const setPrice = useFormCall('clients.pricing.set', form, { failureTitle: 'The price was not added' });

  const submit = form.onSubmit(async (values) => {
    const outcome = await setPrice.run({ clientId, ...values });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Price added', message: `The price from ${outcome.value.validFrom} is in the history.` });
    form.setValues({ energyRatePerKwh: '', hostingFeePerMinerMonth: '' });
  });

  return (
    <Paper withBorder radius="md" p="md" mb="lg" component="form" onSubmit={submit} noValidate aria-label="Add price from date">
      <Text fw={600}>Add price from date</Text>
      <Text size="sm" c="dimmed" mb="sm">
        Rows are never overwritten: a new valid-from date adds a row, and bills use the row in force on each day.
      </Text>
      <PermittedFields procedure="clients.pricing.set">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput label="Valid from" type="date" withAsterisk description="First day the price applies." {...form.getInputProps('validFrom')} />
          <TextInput
            label="Energy rate per kWh"
            inputMode="decimal"
            placeholder={settings.energyRatePerKwh}
            rightSection={currency}
            rightSectionWidth={52}
            description={`Blank: the global rate, now ${settings.energyRatePerKwh} ${settings.currency}.`}
            {...form.getInputProps('energyRatePerKwh')}
          />
          <TextInput
            label="Hosting fee per miner per month"
            inputMode="decimal"
            placeholder="0.00"
            rightSection={currency}
            rightSectionWidth={52}
            description="Blank: no hosting fee."
            {...form.getInputProps('hostingFeePerMinerMonth')}
          />
        </SimpleGrid>
      </PermittedFields>
      <Group mt="md">
        <PermittedSubmit procedure="clients.pricing.set" saving={setPrice.running}>
          Add price
        </PermittedSubmit>
      </Group>
    </Paper>
  );
}
