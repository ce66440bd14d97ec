import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { FormModal } from '../../components/FormModal';
import { useFormCall } from '../../components/useFormCall';

/** Acknowledges the selected alerts with an optional note; mount it while open. */
export function AcknowledgeModal({ ids, onClose, onDone }: { ids: number[]; onClose: () => void; onDone: () => void }) {
  const form = useForm({ initialValues: { note: '' } });
  const acknowledge = useFormCall('alerts.acknowledge', form, { failureTitle: 'The alerts were not acknowledged' });
  const submit = form.onSubmit(async ({ note }) => {
    const outcome = await acknowledge.run({ ids, note });
    if (!outcome.ok) return;
    const { acknowledged, alreadyAcknowledged } = outcome.value;
    notifications.show({
      color: 'green',
      title: `${acknowledged} alert${acknowledged === 1 ? '' : 's'} acknowledged`,
      message: alreadyAcknowledged ? `${alreadyAcknowledged} had already been acknowledged by someone else.` : 'They stay listed until the condition clears.',
    });
    onDone();
  });
  const count = `${ids.length} alert${ids.length === 1 ? '' : 's'}`;
  return (
    <FormModal
      title={`Acknowledge ${count}`}
      submitLabel="Acknowledge"
      procedure="alerts.acknowledge"
      saving={acknowledge.running}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">You take ownership of {count}: the others see your name and note. An alert stays listed until its condition clears.</Text>
      <Textarea
        label="Note"
        placeholder="What you are doing about it, e.g. Fan replaced, watching it"
        autosize
        minRows={2}
        maxLength={500}
        data-autofocus
        {...form.getInputProps('note')}
      />
    </FormModal>
  );
}
