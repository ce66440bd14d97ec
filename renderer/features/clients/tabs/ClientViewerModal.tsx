import { PasswordInput, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { contract, type Input } from '../../../../electron/contract';
import { validateWith } from '../../../components/zod-form';
import { FormModal } from '../../../components/FormModal';
import { useFormCall } from '../../../components/useFormCall';

type FormValues = Omit<Input<'clients.viewers.create'>, 'clientId' | 'email'> & { email: string };
const viewerSchema = contract['clients.viewers.create'].input.omit({ clientId: true });

/** A new person of the client with a login to the client view (their miners, contracts and invoices, read only). */
export function ClientViewerModal({ clientId, clientName, onClose }: { clientId: number; clientName: string; onClose: () => void }) {
  const form = useForm<FormValues>({
    initialValues: { name: '', email: '', login: '', password: '', mustChangePassword: true },
    validate: (values) => validateWith(viewerSchema)({ ...values, email: values.email.trim() || undefined }),
  });
  const create = useFormCall('clients.viewers.create', form, { failureTitle: 'The viewer was not added' });
  const submit = form.onSubmit(async ({ email, ...values }) => {
    const outcome = await create.run({ clientId, ...values, email: email.trim() || undefined });
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: 'Viewer added',
      message: `${outcome.value.name} can sign in as “${outcome.value.login}” and see ${clientName}.`,
    });
    onClose();
  });
  return (
    <FormModal
      title={`Add a viewer of ${clientName}`}
      submitLabel="Add viewer"
      procedure="clients.viewers.create"
      saving={create.running}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput label="Name" required {...form.getInputProps('name')} />
      <TextInput label="E-mail" description="Optional." {...form.getInputProps('email')} />
      <TextInput label="Login" required description="Letters, digits and . _ @ -" {...form.getInputProps('login')} />
      <PasswordInput label="First password" required description="At least 10 characters, not containing the login." {...form.getInputProps('password')} />
      <Switch label="They choose their own password at first sign-in" {...form.getInputProps('mustChangePassword', { type: 'checkbox' })} />
    </FormModal>
  );
}
