import { Alert, Anchor, Button, Checkbox, Divider, Group, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import type { Input } from '../../../electron/contract';
import { clientCalls, type ClientDetail } from '../../../electron/contract/clients';
import { countryCodes } from '../../../electron/contract/countries';
import { currencyOptions } from '../../../electron/contract/locale';
import type { Outcome } from '../../../electron/contract/errors';
import { useQueryCall } from '../../api/useCall';
import { validateWith } from '../../components/zod-form';
import { showFormFailure } from '../../components/useFormCall';
import { onlyManagedClientsSentence, useManagedClientsOf } from '../auth/useManagedClientsOf';
import { PermittedSubmit } from '../../components/Permitted';

export type ClientFormValues = Input<'clients.create'>;

export const emptyClient: ClientFormValues = {
  name: '',
  company: '',
  contactEmail: '',
  billingEmail: '',
  phone: '',
  messenger: '',
  address: '',
  city: '',
  zip: '',
  country: '',
  currency: '',
  groupId: null,
  taxExempt: false,
  taxId: '',
  managerId: undefined as unknown as number, // required: the form refuses to submit without one
  notes: '',
};

export function clientToForm(client: ClientDetail): ClientFormValues {
  return {
    name: client.name,
    company: client.company,
    contactEmail: client.contactEmail,
    billingEmail: client.billingEmail ?? '',
    phone: client.phone,
    messenger: client.messenger,
    address: client.address,
    city: client.city,
    zip: client.zip,
    country: client.country ?? '',
    currency: client.currency ?? '',
    groupId: client.groupId,
    taxExempt: client.taxExempt,
    taxId: client.taxId,
    managerId: client.managerId,
    notes: client.notes,
  };
}

const currencies = currencyOptions();
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryOptions = countryCodes
  .map((code) => ({ value: code, label: `${regionNames.of(code) ?? code} (${code})` }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** Add and edit share this form; the page decides which procedure saves it. */
export function ClientForm(props: {
  initialValues: ClientFormValues;
  submitLabel: string;
  onSubmit: (values: ClientFormValues) => Promise<Outcome<ClientDetail>>;
  saving: boolean;
  /** The procedure the submit button calls (disabled with the reason when the role may not). */
  procedure: 'clients.create' | 'clients.update';
  /** Said once, when no field of the form can show the failure (see useFormCall). */
  failureTitle: string;
  onCancel: () => void;
}) {
  const form = useForm<ClientFormValues>({ initialValues: props.initialValues, validate: validateWith(clientCalls['clients.create'].input) });
  const settings = useQueryCall('settings.get', {});
  const staff = useQueryCall('staff.list', {});
  const groups = useQueryCall('clients.groups.list', {});
  const managedClientsOf = useManagedClientsOf();
  // A role that sees only its own clients keeps them as the manager (the server refuses another).
  useEffect(() => {
    if (managedClientsOf !== null && form.values.managerId !== managedClientsOf) form.setFieldValue('managerId', managedClientsOf);
  }, [managedClientsOf, form]);
  const managerOptions = useMemo(
    () => (staff.data ?? []).filter((s) => s.active || s.id === props.initialValues.managerId).map((s) => ({ value: String(s.id), label: s.name })),
    [staff.data, props.initialValues.managerId],
  );
  const billingCurrencies = [{ value: '', label: `Organisation default (${settings.data?.currency ?? '…'})` }, ...currencies];

  const submit = form.onSubmit(async (values) => {
    const outcome = await props.onSubmit(values);
    if (!outcome.ok) showFormFailure(form, outcome.error, { failureTitle: props.failureTitle });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={880} gap="md">
        {staff.data && managerOptions.length === 0 && (
          <Alert color="yellow" title="No staff members yet">
            Every client needs a manager. Add your team first in{' '}
            <Anchor component={Link} to="/settings?tab=staff">
              Settings → Staff
            </Anchor>
            .
          </Alert>
        )}
        <Title order={4}>Customer</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" withAsterisk description="The contact person’s full name." {...form.getInputProps('name')} />
          <TextInput label="Company" description="Printed on invoices when set." {...form.getInputProps('company')} />
          <TextInput label="Contact e-mail" withAsterisk type="email" {...form.getInputProps('contactEmail')} />
          <TextInput
            label="Billing e-mail"
            type="email"
            description="Invoices go here; empty means the contact e-mail."
            {...form.getInputProps('billingEmail')}
          />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
          <TextInput label="Messenger" description="Telegram, Signal or WhatsApp handle." {...form.getInputProps('messenger')} />
        </SimpleGrid>
        <Divider />
        <Title order={4}>Address</Title>
        <TextInput label="Street address" {...form.getInputProps('address')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="City" {...form.getInputProps('city')} />
          <TextInput label="ZIP / postcode" {...form.getInputProps('zip')} />
          <Select
            label="Country"
            searchable
            clearable
            data={countryOptions}
            {...form.getInputProps('country')}
            value={form.values.country || null}
            onChange={(v) => form.setFieldValue('country', v ?? '')}
          />
        </SimpleGrid>
        <Divider />
        <Title order={4}>Billing and management</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Billing currency"
            searchable
            allowDeselect={false}
            data={billingCurrencies}
            {...form.getInputProps('currency')}
            value={form.values.currency ?? ''}
            onChange={(v) => form.setFieldValue('currency', v ?? '')}
          />
          <Select
            label="Manager"
            withAsterisk
            searchable
            data={managerOptions}
            disabled={managedClientsOf !== null}
            description={managedClientsOf === null ? undefined : `${onlyManagedClientsSentence} You are the manager of the clients you add or edit.`}
            {...form.getInputProps('managerId')}
            value={form.values.managerId ? String(form.values.managerId) : null}
            onChange={(v) => form.setFieldValue('managerId', v ? Number(v) : (undefined as unknown as number))}
          />
          <Select
            label="Client group"
            clearable
            data={(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
            {...form.getInputProps('groupId')}
            value={form.values.groupId ? String(form.values.groupId) : null}
            onChange={(v) => form.setFieldValue('groupId', v ? Number(v) : null)}
          />
          <TextInput label="Tax ID" description="VAT or other registration number of the customer." {...form.getInputProps('taxId')} />
        </SimpleGrid>
        <Checkbox label="Tax exempt" description="No tax is added to this client’s invoices." {...form.getInputProps('taxExempt', { type: 'checkbox' })} />
        <Textarea label="Internal notes" description="Only your staff see these; never printed." autosize minRows={3} {...form.getInputProps('notes')} />
        <Group>
          <PermittedSubmit procedure={props.procedure} saving={props.saving}>
            {props.submitLabel}
          </PermittedSubmit>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
