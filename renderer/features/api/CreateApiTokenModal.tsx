import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CreatedApiToken } from '../../../electron/contract/api';
import { FormModal } from '../../components/FormModal';
import { useFormCall } from '../../components/useFormCall';

const terms = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'No expiry (until revoked)' },
];

type Values = { name: string; term: string };

/** Names a new token and its term; the token itself is shown next, once. */
export function CreateApiTokenModal({ onCreated, onClose }: { onCreated: (created: CreatedApiToken) => void; onClose: () => void }) {
  const form = useForm<Values>({
    initialValues: { name: '', term: '90' },
    validate: { name: (value) => (value.trim() ? null : 'Is required') },
  });
  const create = useFormCall('apiTokens.create', form, {
    failureTitle: 'The token was not created',
    fieldsOf: (fields) => ({ ...(fields?.name ? { name: fields.name } : {}), ...(fields?.expiresInDays ? { term: fields.expiresInDays } : {}) }),
  });
  const submit = form.onSubmit(async ({ name, term }) => {
    const outcome = await create.run({ name, ...(term === 'never' ? {} : { expiresInDays: Number(term) }) });
    if (outcome.ok) onCreated(outcome.value);
  });
  return (
    <FormModal title="New API token" submitLabel="Create token" saving={create.running} onSubmit={submit} onClose={onClose}>
      <TextInput
        label="Name"
        description="What uses it, so you know which to revoke: “Nightly invoice export”."
        withAsterisk
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Select label="Expires after" data={terms} allowDeselect={false} {...form.getInputProps('term')} />
    </FormModal>
  );
}
