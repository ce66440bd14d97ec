import { Button, Divider, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import type { Input } from '../../../../electron/contract';
import { contractCalls, type ContractDetail } from '../../../../electron/contract/contracts';
import { contractEquipmentKinds, type ContractType } from '../../../../electron/contract/contracts.vocab';
import { describeIssues } from '../../../../electron/contract/errors';
import { useCall, useQueryCall } from '../../../api/useCall';
import { Permitted, PermittedSubmit } from '../../../components/Permitted';
import { sentenceCase } from '../../../components/zod-form';
import { ClientSelect } from '../../miners/ClientPickers';
import { BillingFields } from './BillingFields';
import { DaysInput, DecimalInput } from './FormInputs';
import { blankContractForm, contractToForm, fieldsOf, formToInput, missingFields, withDefaults, type ContractFormValues } from './contract-form';
import { TermFields } from './TermFields';
import { TypeChooser } from './TypeChooser';

/** What happens after a save: on to the equipment, to the contract's page, or activate it at once (Infinity). */
export type AfterSave = 'equipment' | 'detail' | 'activate';

/** The fields an active contract may still change (the service refuses the rest). */
const changeableWhenActive = ['autoRenew', 'noticeDays', 'powerCapKw', 'meteringDeviceIds', 'depositAmount', 'netDays', 'notes'] as const;

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** Step 1 of the wizard: type, client, site, term and money; also edits a draft, or the few fields an active contract may change. */
export function DetailsStep(props: {
  existing: ContractDetail | null;
  preset: Partial<ContractFormValues>;
  onSaved: (contract: ContractDetail, next: AfterSave) => void;
  onCancel: () => void;
}) {
  const { existing } = props;
  const locked = existing !== null && existing.status !== 'draft';
  const form = useForm<ContractFormValues>({ initialValues: existing ? contractToForm(existing) : blankContractForm(props.preset) });
  const { values } = form;
  const applied = useRef<Partial<ContractFormValues>>({});
  const defaults = useQueryCall(
    'contracts.defaults',
    { clientId: values.clientId ?? 0, siteId: values.siteId ?? 0, ...(isDate(values.startsAt) && { startsAt: values.startsAt }) },
    { enabled: values.clientId !== null && values.siteId !== null, placeholderData: (previous) => previous },
  );
  const sites = useQueryCall('sites.list', {});
  const devices = useQueryCall('power.devices.list', { siteId: values.siteId ?? undefined }, { enabled: values.siteId !== null });
  const create = useCall('contracts.create', { failureTitle: 'The draft was not saved' });
  const update = useCall('contracts.update', { failureTitle: 'The contract was not saved' });
  const currency = defaults.data?.currency ?? existing?.currency ?? '';
  const show = fieldsOf(values.type, values.billingMethod);

  // Pre-fill what the server knows (start, rate, fees, notice) into the fields nobody has typed in yet.
  const defaultsData = defaults.data;
  useEffect(() => {
    if (!defaultsData || locked) return;
    const untouched = (field: keyof ContractFormValues) =>
      form.getValues()[field] === (applied.current[field] ?? (existing ? contractToForm(existing)[field] : blankContractForm()[field]));
    const change = withDefaults(form.getValues(), defaultsData, (field) => !existing && untouched(field));
    applied.current = { ...applied.current, ...change };
    if (Object.keys(change).length) form.setValues(change);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the server's figures change, not on every keystroke
  }, [defaultsData]);

  const chooseType = (type: ContractType) => form.setValues({ type, billingMethod: type === 'lease' ? 'fixed' : 'metered' });

  const save = (next: AfterSave) =>
    form.onSubmit(async (current) => {
      const input = formToInput(current, {
        energyRatePerKwh: defaultsData?.energyRatePerKwh ?? null,
        startsAt: existing ? contractToForm(existing).startsAt : null,
      });
      const parsed = existing ? null : contractCalls['contracts.create'].input.safeParse(input);
      const problems = { ...(parsed && !parsed.success ? sentenceCase(describeIssues(parsed.error).fields) : {}), ...(locked ? {} : missingFields(current)) };
      if (Object.keys(problems).length) return form.setErrors(problems);
      const outcome = !existing
        ? await create.run(input as Input<'contracts.create'>)
        : await update.run({ id: existing.id, ...(locked ? Object.fromEntries(changeableWhenActive.map((key) => [key, input[key]])) : input) });
      if (!outcome.ok) return form.setErrors(sentenceCase(outcome.error.fields));
      props.onSaved(outcome.value, next);
    });

  const equipment = values.type ? contractEquipmentKinds[values.type] : 'miners';
  // What every button calls first; "Next" then puts miners picked in the Miners table on the draft, "Save and activate" activates.
  const saveCall = existing ? 'contracts.update' : 'contracts.create';
  return (
    <form onSubmit={save(locked || !equipment ? 'detail' : 'equipment')} noValidate>
      <Stack gap="md" maw={1080}>
        <TypeChooser value={values.type} onChange={chooseType} error={form.errors.type as string | undefined} disabled={existing !== null} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <ClientSelect
            label="Client"
            required
            value={values.clientId}
            onChange={(id) => form.setFieldValue('clientId', id)}
            error={form.errors.clientId as string | undefined}
            disabled={existing !== null}
          />
          <Select
            label="Site"
            withAsterisk
            placeholder="Where the equipment is"
            data={(sites.data ?? []).map((site) => ({ value: String(site.id), label: `${site.name} (${site.effectiveTimeZone})` }))}
            value={values.siteId === null ? null : String(values.siteId)}
            onChange={(id) => form.setValues({ siteId: id === null ? null : Number(id), meteringDeviceIds: [] })}
            error={form.errors.siteId}
            disabled={existing !== null}
          />
          <TextInput label="Currency" readOnly variant="filled" value={currency ? `${currency} (the client’s)` : 'Pick the client'} />
        </SimpleGrid>
        <Divider />
        <Title order={4}>Term</Title>
        <TermFields form={form} defaults={defaultsData} locked={locked} />
        <Divider />
        <Title order={4}>Billing</Title>
        {values.type ? (
          <BillingFields form={form} defaults={defaultsData} currency={currency} locked={locked} />
        ) : (
          <Text c="dimmed">Choose the contract type first.</Text>
        )}
        <Divider />
        <Title order={4}>Limits and payment</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {show.powerCap && (
            <DecimalInput form={form} field="powerCapKw" label="Power cap" unit="kW" description="Optional maximum power for this contract's equipment." />
          )}
          <DecimalInput form={form} field="depositAmount" label="Deposit" unit={currency} description="Optional." />
          <DaysInput form={form} field="netDays" label="Payment terms" description="Invoices are due this many days after issue." max={365} />
        </SimpleGrid>
        {show.metering && (
          <MultiSelect
            label="Metering devices"
            description="PDUs or meters that measure this contract's equipment as a whole, such as the client's container. Without them, metered billing reads the PDU outlets its miners sit on."
            placeholder={values.siteId === null ? 'Pick the site first' : values.meteringDeviceIds.length ? undefined : 'None'}
            data={(devices.data ?? []).map((d) => ({ value: String(d.id), label: `${d.name} (${d.kind === 'pdu' ? 'PDU' : 'meter'})` }))}
            disabled={values.siteId === null}
            {...form.getInputProps('meteringDeviceIds')}
          />
        )}
        <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          {!locked && equipment && (
            <Permitted procedure={saveCall}>
              <Button variant="default" onClick={() => save('detail')()} loading={create.running || update.running}>
                Save draft
              </Button>
            </Permitted>
          )}
          {locked ? (
            <PermittedSubmit procedure="contracts.update" saving={update.running}>
              Save changes
            </PermittedSubmit>
          ) : equipment ? (
            <PermittedSubmit procedure={[saveCall, 'contracts.assignEquipment']} saving={create.running || update.running}>
              Next: assign {equipment === 'sites' ? 'sites' : 'equipment'}
            </PermittedSubmit>
          ) : (
            <>
              <Permitted procedure={saveCall}>
                <Button variant="default" onClick={() => save('detail')()} loading={create.running || update.running}>
                  Save draft
                </Button>
              </Permitted>
              <Permitted procedure={[saveCall, 'contracts.activate']}>
                <Button onClick={() => save('activate')()} loading={create.running || update.running}>
                  Save and activate
                </Button>
              </Permitted>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}
