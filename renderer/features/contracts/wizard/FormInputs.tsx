import { NumberInput, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ContractFormValues } from './contract-form';

const unit = (text: string) => (
  <Text size="xs" c="dimmed" pr={8} style={{ whiteSpace: 'nowrap' }}>
    {text}
  </Text>
);

/** Money typed as decimal text: the input never turns it into a number. */
export function DecimalInput(props: {
  form: UseFormReturnType<ContractFormValues>;
  field: keyof ContractFormValues;
  label: string;
  unit: string;
  description?: string;
  required?: boolean;
  disabled?: boolean;
}) {
  return (
    <TextInput
      label={props.label}
      description={props.description}
      withAsterisk={props.required}
      inputMode="decimal"
      autoComplete="off"
      disabled={props.disabled}
      rightSection={unit(props.unit)}
      rightSectionWidth={props.unit.length * 7 + 16}
      {...props.form.getInputProps(props.field)}
    />
  );
}

/** A whole number of days (notice period, payment terms). */
export function DaysInput(props: {
  form: UseFormReturnType<ContractFormValues>;
  field: 'noticeDays' | 'netDays';
  label: string;
  description: string;
  max: number;
}) {
  return (
    <NumberInput
      label={props.label}
      description={props.description}
      min={0}
      max={props.max}
      allowDecimal={false}
      rightSection={unit('days')}
      {...props.form.getInputProps(props.field)}
    />
  );
}
