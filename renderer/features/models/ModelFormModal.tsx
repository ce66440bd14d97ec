import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../electron/contract';
import { coolingKinds, efficiencyJPerTh, modelCalls, type MinerModel } from '../../../electron/contract/models';
import { parseDecimal } from '../../../electron/contract/money';
import { FormModal } from '../../components/FormModal';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { coolingLabels, efficiencyText } from './model-format';

// NumberInput reports an emptied field as '', which the schema explains as "must be a number of watts".
type FormValues = Omit<Input<'models.create'>, 'nominalPowerW'> & { nominalPowerW: number | string };

const coolingOptions = coolingKinds.map((kind) => ({ value: kind, label: coolingLabels[kind] }));

/** The J/TH the server will store, shown while typing; null until both figures are valid. */
function efficiencyPreview(values: FormValues): string | null {
  const ghs = parseDecimal(values.nominalHashrateThs.trim(), 3);
  const watts = values.nominalPowerW;
  if (ghs === null || ghs <= 0 || typeof watts !== 'number' || !Number.isInteger(watts) || watts < 1) return null;
  return `${efficiencyText(efficiencyJPerTh(watts, ghs))} J/TH`;
}

/** Add (model = null) or edit a catalogue model; mount it while the form is open. */
export function ModelFormModal({ model, onClose }: { model: MinerModel | null; onClose: () => void }) {
  const form = useForm<FormValues>({
    initialValues: {
      make: model?.make ?? '',
      model: model?.model ?? '',
      nominalHashrateThs: model?.nominalHashrateThs ?? '',
      nominalPowerW: model?.nominalPowerW ?? '',
      algorithm: model?.algorithm ?? 'SHA-256',
      cooling: model?.cooling ?? 'air',
    },
    validate: validateWith(modelCalls['models.create'].input),
  });
  const create = useFormCall('models.create', form, { failureTitle: 'The model was not added' });
  const update = useFormCall('models.update', form, { failureTitle: 'The model was not saved' });

  const submit = form.onSubmit(async (values) => {
    const fields = { ...values, nominalPowerW: Number(values.nominalPowerW) };
    const outcome = model ? await update.run({ id: model.id, ...fields }) : await create.run(fields);
    if (!outcome.ok) return;
    const saved = outcome.value;
    notifications.show({
      color: 'green',
      title: model ? 'Model saved' : 'Model added',
      message: `${saved.make} ${saved.model}: ${saved.nominalHashrateThs} TH/s at ${efficiencyText(saved.efficiencyJPerTh)} J/TH.`,
    });
    onClose();
  });

  const preview = efficiencyPreview(form.values);
  return (
    <FormModal
      title={model ? `Edit ${model.make} ${model.model}` : 'Add model'}
      submitLabel="Save model"
      saving={create.running || update.running}
      procedure={model ? 'models.update' : 'models.create'}
      onSubmit={submit}
      onClose={onClose}
    >
      <SimpleGrid cols={2}>
        <TextInput label="Make" withAsterisk data-autofocus placeholder="Bitmain" {...form.getInputProps('make')} />
        <TextInput label="Model" withAsterisk placeholder="Antminer S21" {...form.getInputProps('model')} />
        <TextInput
          label="Nominal hashrate"
          withAsterisk
          inputMode="decimal"
          placeholder="200"
          rightSection="TH/s"
          rightSectionWidth={48}
          description="Up to three decimals, e.g. 0.6"
          {...form.getInputProps('nominalHashrateThs')}
        />
        <NumberInput
          label="Nominal power"
          withAsterisk
          placeholder="3500"
          rightSection="W"
          allowDecimal={false}
          allowNegative={false}
          hideControls
          description={`Efficiency: ${preview ?? '—'}`}
          {...form.getInputProps('nominalPowerW')}
        />
        <TextInput label="Algorithm" withAsterisk {...form.getInputProps('algorithm')} />
        <Select label="Cooling" data={coolingOptions} allowDeselect={false} {...form.getInputProps('cooling')} />
      </SimpleGrid>
    </FormModal>
  );
}
