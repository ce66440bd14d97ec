import { Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ContractDetail } from '../../../../electron/contract/contracts';
import { maxLeaseExtensions } from '../../../../electron/contract/contracts.vocab';
import { FormModal } from '../../../components/FormModal';
import { useFormCall } from '../../../components/useFormCall';
import { instantText, localDateOf, localDateTimeOf, plural } from '../contract-format';

/** Moves the end later; a Lease at most three times, and the server says why a fourth is refused. */
export function ExtendDialog({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const form = useForm({ initialValues: { endsAt: localDateOf(contract.endsAt, contract.timeZone), note: '' } });
  const extend = useFormCall('contracts.extend', form, { failureTitle: 'The contract was not extended' });
  const lease = contract.type === 'lease';
  const submit = form.onSubmit(async (values) => {
    const outcome = await extend.run({ id: contract.id, endsAt: values.endsAt, ...(values.note.trim() && { note: values.note }) });
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: 'Contract extended',
      message: `${contract.reference} now ends ${instantText(outcome.value.endsAt, contract.timeZone)}.`,
    });
    onClose();
  });
  return (
    <FormModal
      title={`Extend ${contract.reference}`}
      submitLabel="Extend"
      saving={extend.running}
      procedure="contracts.extend"
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        It ends {instantText(contract.endsAt, contract.timeZone)} ({contract.timeZone}).
        {lease &&
          ` A Lease may be extended ${maxLeaseExtensions} times; ${contract.extensionCount === 0 ? 'none used yet' : `${plural(contract.extensionCount, 'extension')} used`}.`}
      </Text>
      <TextInput type="date" label="New end date" withAsterisk description={`00:00 in ${contract.timeZone}`} data-autofocus {...form.getInputProps('endsAt')} />
      <Textarea label="Note" placeholder="Why, or what was agreed" autosize minRows={2} {...form.getInputProps('note')} />
    </FormModal>
  );
}

/** Ends the contract early at an instant for a reason; its equipment is released at that instant. */
export function TerminateDialog({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const form = useForm({ initialValues: { endsAt: localDateTimeOf(new Date().toISOString(), contract.timeZone), reason: '' } });
  const terminate = useFormCall('contracts.terminate', form, { failureTitle: 'The contract was not terminated' });
  const submit = form.onSubmit(async (values) => {
    if (!values.reason.trim()) return form.setErrors({ reason: 'Say why the contract ends early' });
    const outcome = await terminate.run({ id: contract.id, endsAt: values.endsAt, reason: values.reason });
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: 'Contract terminated',
      message: `${contract.reference} ends ${instantText(outcome.value.terminatedAt, contract.timeZone)}.`,
    });
    onClose();
  });
  const release =
    contract.type === 'lease'
      ? 'Its miners are released at that instant and go back to unassigned stock.'
      : contract.type === 'hosted'
        ? 'Its miners leave the contract at that instant and stay the client’s.'
        : contract.type === 'om'
          ? 'Its sites leave the contract at that instant.'
          : 'The hashrate stops at that instant.';
  return (
    <FormModal
      title={`Terminate ${contract.reference} early`}
      submitLabel="Terminate contract"
      saving={terminate.running}
      procedure="contracts.terminate"
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">
        {release} Billing counts up to it by the hour. It was due to end {instantText(contract.endsAt, contract.timeZone)}.
      </Text>
      <TextInput
        type="datetime-local"
        label="Ends at"
        withAsterisk
        description={`Site time (${contract.timeZone}); now by default, past or future`}
        {...form.getInputProps('endsAt')}
      />
      <Textarea
        label="Reason"
        withAsterisk
        placeholder="e.g. Client moved the fleet to another facility"
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
