import { Select } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { contract, type Input } from '../../../../electron/contract';
import { contactRoles, type ClientContact, type ContactRole } from '../../../../electron/contract/clients.records';
import { validateWith } from '../../../components/zod-form';
import { FormModal, PersonFields } from '../../../components/FormModal';
import { useFormCall } from '../../../components/useFormCall';

export const roleLabels: Record<ContactRole, string> = { owner: 'Owner', billing: 'Billing', technical: 'Technical' };
const roleOptions = contactRoles.map((role) => ({ value: role, label: roleLabels[role] }));
const contactSchema = contract['clients.contacts.update'].input.omit({ id: true });

type FormValues = Omit<Input<'clients.contacts.create'>, 'clientId'>;

/** Add (contact = null) or edit one person on the client's team; mount it while the form is open. */
export function ContactFormModal({ clientId, contact, onClose }: { clientId: number; contact: ClientContact | null; onClose: () => void }) {
  const form = useForm<FormValues>({
    initialValues: { name: contact?.name ?? '', email: contact?.email ?? '', phone: contact?.phone ?? '', role: contact?.role ?? 'owner' },
    validate: validateWith(contactSchema),
  });
  const create = useFormCall('clients.contacts.create', form, { failureTitle: 'The contact was not added' });
  const update = useFormCall('clients.contacts.update', form, { failureTitle: 'The contact was not saved' });

  const submit = form.onSubmit(async (values) => {
    const outcome = contact ? await update.run({ id: contact.id, ...values }) : await create.run({ clientId, ...values });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: contact ? 'Contact saved' : 'Contact added', message: `${outcome.value.name} is on the team.` });
    onClose();
  });

  return (
    <FormModal
      title={contact ? `Edit ${contact.name}` : 'Add contact'}
      submitLabel="Save contact"
      procedure={contact ? 'clients.contacts.update' : 'clients.contacts.create'}
      saving={create.running || update.running}
      onSubmit={submit}
      onClose={onClose}
    >
      <PersonFields inputProps={(field) => form.getInputProps(field)} />
      <Select
        label="Role"
        description="Owner: signs for the account. Billing: receives bills. Technical: handles machines and outages."
        data={roleOptions}
        allowDeselect={false}
        {...form.getInputProps('role')}
      />
    </FormModal>
  );
}
