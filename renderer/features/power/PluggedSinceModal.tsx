import { TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { PowerOutlet } from '../../../electron/contract/power';
import { FormModal } from '../../components/FormModal';
import { useFormCall } from '../../components/useFormCall';

/** Dates back when the miner on an outlet was plugged in (billing meters it from then); refused if it would overlap another plug-in. */
export function PluggedSinceModal({ outlet, onClose }: { outlet: PowerOutlet & { miner: NonNullable<PowerOutlet['miner']> }; onClose: () => void }) {
  const form = useForm({ initialValues: { from: '' } });
  const assign = useFormCall('power.outlets.assign', form, { failureTitle: 'The plug-in was not dated' });
  const submit = form.onSubmit(async ({ from }) => {
    const outcome = await assign.run({ outletId: outlet.id, minerId: outlet.miner.id, from });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Plug-in dated', message: `${outlet.miner.assetId} is on outlet ${outlet.outletIndex} since ${from}.` });
    onClose();
  });
  return (
    <FormModal
      title={`${outlet.miner.assetId} on outlet ${outlet.outletIndex} since`}
      submitLabel="Save date"
      saving={assign.running}
      procedure="power.outlets.assign"
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput
        label="Plugged in since"
        description="The site's local time, like 2026-11-01 08:00 (or with an offset). Billing meters the miner on this outlet from then."
        data-autofocus
        {...form.getInputProps('from')}
      />
    </FormModal>
  );
}
