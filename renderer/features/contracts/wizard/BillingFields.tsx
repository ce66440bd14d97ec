import { Radio, SimpleGrid, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ContractDefaults } from '../../../../electron/contract/contracts';
import { billingMethodLabels, billingMethods } from '../../../../electron/contract/contracts.vocab';
import { fieldsOf, type ContractFormValues } from './contract-form';
import { DecimalInput } from './FormInputs';

function rateSource(defaults: ContractDefaults | undefined, rate: string): string {
  if (!defaults) return 'Pre-filled from the client’s pricing, else the organisation’s.';
  if (rate.trim() !== defaults.energyRatePerKwh)
    return `Typed for this contract (the ${defaults.energyRateSource === 'client' ? 'client’s' : 'organisation’s'} rate is ${defaults.energyRatePerKwh}).`;
  return defaults.energyRateSource === 'client'
    ? 'The client’s rate in force on the start date.'
    : 'The organisation’s rate: the client has no rate of its own on the start date.';
}

/** The money of the contract, by type: billing method and rate, fees, or the Infinity price. */
export function BillingFields({
  form,
  defaults,
  currency,
  locked,
}: {
  form: UseFormReturnType<ContractFormValues>;
  defaults: ContractDefaults | undefined;
  currency: string;
  locked: boolean;
}) {
  const show = fieldsOf(form.values.type, form.values.billingMethod);
  return (
    <Stack gap="sm">
      {show.billingMethod && (
        <Radio.Group label="Billing method" withAsterisk {...form.getInputProps('billingMethod')} readOnly={locked}>
          <SimpleGrid cols={{ base: 2, lg: 4 }} mt="xs">
            {billingMethods.map((method) => (
              <Radio key={method} value={method} label={billingMethodLabels[method]} disabled={locked} />
            ))}
          </SimpleGrid>
        </Radio.Group>
      )}
      {show.infinity && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DecimalInput form={form} field="contractedThs" label="Contracted hashrate" unit="TH/s" required disabled={locked} />
          <DecimalInput form={form} field="pricePerThsDay" label="Price per TH/s per day" unit={`${currency}/TH/s·day`} required disabled={locked} />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {show.energyRate && (
          <DecimalInput
            form={form}
            field="energyRatePerKwh"
            label="Rate per kWh"
            unit={`${currency}/kWh`}
            required
            description={rateSource(defaults, form.values.energyRatePerKwh)}
            disabled={locked}
          />
        )}
        {show.fixedMonthlyFee && (
          <DecimalInput
            form={form}
            field="fixedMonthlyFee"
            label={form.values.type === 'om' ? 'Monthly fee' : 'Fixed monthly fee'}
            unit={`${currency}/month`}
            required={form.values.type === 'om'}
            description={form.values.type === 'om' ? 'For operating the client’s sites.' : 'For the whole contract; a fee per miner may come on top.'}
            disabled={locked}
          />
        )}
        {show.hostingFee && (
          <DecimalInput
            form={form}
            field="hostingFeePerMinerMonth"
            label={form.values.type === 'om' ? 'Fee per miner on those sites' : 'Hosting fee per miner'}
            unit={`${currency}/month`}
            description={defaults?.hostingFeePerMinerMonth ? `The client’s fee is ${defaults.hostingFeePerMinerMonth}.` : 'Optional.'}
            disabled={locked}
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}
