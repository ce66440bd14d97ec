import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../electron/contract';
import { currencyOptions } from '../../../electron/contract/locale';
import { settingsCalls, type Settings } from '../../../electron/contract/settings';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { LogoInput } from './LogoInput';
import { timeZones } from '../sites/time-zones';
import { SaveOrDiscard } from '../../components/SaveOrDiscard';
import { PermittedFields } from '../../components/Permitted';

type FormValues = Input<'settings.update'>;

const currencies = currencyOptions();

export function OrganisationForm({ settings }: { settings: Settings }) {
  const form = useForm<FormValues>({
    initialValues: {
      organisationName: settings.organisationName,
      address: settings.address,
      taxId: settings.taxId,
      logo: undefined,
      currency: settings.currency,
      timeZone: settings.timeZone,
      energyRatePerKwh: settings.energyRatePerKwh,
      invoicePrefix: settings.invoicePrefix,
      contractPrefix: settings.contractPrefix,
    },
    validate: validateWith(settingsCalls['settings.update'].input),
  });
  const save = useFormCall('settings.update', form, { failureTitle: 'Settings were not saved' });

  const submit = form.onSubmit(async (values) => {
    const outcome = await save.run(values);
    // On success the settings query refreshes and the page remounts this form with the stored values.
    if (outcome.ok) {
      notifications.show({ color: 'green', title: 'Settings saved', message: 'The organisation settings were updated.' });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <PermittedFields procedure="settings.update">
        <Stack maw={760} gap="md">
          <TextInput label="Organisation name" withAsterisk description="Printed on invoices and reports." {...form.getInputProps('organisationName')} />
          <Textarea label="Address" autosize minRows={3} {...form.getInputProps('address')} />
          <TextInput label="Tax ID" description="VAT, EIN or other registration number." {...form.getInputProps('taxId')} />
          <LogoInput
            currentUrl={settings.logoDataUrl}
            value={form.values.logo}
            onChange={(logo) => form.setFieldValue('logo', logo)}
            onInvalid={(message) => form.setFieldError('logo', message)}
            error={form.errors.logo as string | undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Default currency" withAsterisk searchable data={currencies} allowDeselect={false} {...form.getInputProps('currency')} />
            <Select
              label="Site time zone"
              withAsterisk
              searchable
              data={timeZones}
              allowDeselect={false}
              description="Billing periods follow this calendar."
              {...form.getInputProps('timeZone')}
            />
            <TextInput
              label="Default energy rate per kWh"
              withAsterisk
              inputMode="decimal"
              rightSection={form.values.currency}
              rightSectionWidth={52}
              description="Up to six decimals, e.g. 0.0685."
              {...form.getInputProps('energyRatePerKwh')}
            />
            <TextInput
              label="Invoice number prefix"
              description={`Invoices will be numbered like ${form.values.invoicePrefix}${new Date().getFullYear()}-0001.`}
              {...form.getInputProps('invoicePrefix')}
            />
            <TextInput
              label="Contract number prefix"
              description={`Contracts get numbers like ${form.values.contractPrefix || 'HD'}-${new Date().getFullYear()}-0042 when activated.`}
              {...form.getInputProps('contractPrefix')}
            />
          </SimpleGrid>
          <SaveOrDiscard label="Save settings" procedure="settings.update" saving={save.running} dirty={form.isDirty()} onDiscard={() => form.reset()} />
        </Stack>
      </PermittedFields>
    </form>
  );
}
