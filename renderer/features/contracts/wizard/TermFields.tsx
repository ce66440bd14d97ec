import { Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ContractDefaults } from '../../../../electron/contract/contracts';
import { contractTermLabels, contractTerms, type ContractTerm } from '../../../../electron/contract/contracts.vocab';
import { localDateOf } from '../contract-format';
import type { ContractFormValues } from './contract-form';
import { DaysInput } from './FormInputs';

const termOptions = contractTerms.map((term) => ({ value: term, label: contractTermLabels[term] }));

/** Term, start (today 00:00 at the site by default), the end computed from the term or overridden, auto-renewal and notice. */
export function TermFields({
  form,
  defaults,
  locked,
}: {
  form: UseFormReturnType<ContractFormValues>;
  defaults: ContractDefaults | undefined;
  locked: boolean;
}) {
  const { term, startsAt } = form.values;
  const override = term === 'custom';
  const computedEnd = defaults && !override ? defaults.endsByTerm[term] : null;
  const endText = override ? form.values.endsAt : computedEnd ? localDateOf(computedEnd, defaults!.timeZone) : '';

  const setOverride = (on: boolean) => {
    if (on) form.setValues({ term: 'custom', endsAt: endText });
    else form.setValues({ term: '1y', endsAt: '' });
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Contract term"
          withAsterisk
          data={termOptions}
          allowDeselect={false}
          disabled={locked}
          {...form.getInputProps('term')}
          onChange={(value) => value && form.setFieldValue('term', value as ContractTerm)}
        />
        <TextInput
          type="date"
          label="Start date"
          withAsterisk
          description={defaults ? `00:00 in ${defaults.timeZone}` : 'In the site’s time zone'}
          disabled={locked}
          {...form.getInputProps('startsAt')}
        />
        <Stack gap={4}>
          <TextInput
            type="date"
            label="End date"
            description={override ? 'Set by hand (custom term)' : startsAt ? 'Calculated from the term' : 'Pick the start first'}
            readOnly={!override}
            disabled={locked}
            variant={override ? 'default' : 'filled'}
            {...form.getInputProps('endsAt')}
            value={endText}
          />
        </Stack>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stack gap="sm">
          <Switch
            label="Override the end date"
            description="Sets a specific end: the term becomes Custom."
            checked={override}
            disabled={locked}
            onChange={(event) => setOverride(event.currentTarget.checked)}
          />
          <Switch
            label="Auto-renew"
            description="Renews on the end date for another term unless the client gives notice."
            {...form.getInputProps('autoRenew', { type: 'checkbox' })}
          />
        </Stack>
        <DaysInput
          form={form}
          field="noticeDays"
          label="Notice period"
          description="Days before the end the client must give notice to stop a renewal."
          max={730}
        />
      </SimpleGrid>
    </Stack>
  );
}
