import { Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../electron/contract';
import { staffCalls, type StaffMember } from '../../../electron/contract/staff';
import { validateWith } from '../../components/zod-form';
import { FormModal, PersonFields } from '../../components/FormModal';
import { useFormCall } from '../../components/useFormCall';

type FormValues = Input<'staff.create'>;

/** Add (member = null) or edit a staff member; mount it while the form is open. */
export function StaffFormModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const form = useForm<FormValues>({
    initialValues: { name: member?.name ?? '', email: member?.email ?? '', phone: member?.phone ?? '', active: member?.active ?? true },
    validate: validateWith(staffCalls['staff.create'].input),
  });
  const create = useFormCall('staff.create', form, { failureTitle: 'The staff member was not added' });
  const update = useFormCall('staff.update', form, { failureTitle: 'The staff member was not saved' });

  const submit = form.onSubmit(async (values) => {
    const outcome = member ? await update.run({ id: member.id, ...values }) : await create.run(values);
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: member ? 'Staff member saved' : 'Staff member added', message: `${outcome.value.name} is on the staff list.` });
    onClose();
  });

  return (
    <FormModal
      title={member ? `Edit ${member.name}` : 'Add staff member'}
      submitLabel="Save staff member"
      procedure={member ? 'staff.update' : 'staff.create'}
      saving={create.running || update.running}
      onSubmit={submit}
      onClose={onClose}
    >
      <PersonFields inputProps={(field) => form.getInputProps(field)} />
      <Switch
        label="Active"
        description="Only active staff can be chosen as a client's manager; inactive people stay on their old clients."
        {...form.getInputProps('active', { type: 'checkbox' })}
      />
    </FormModal>
  );
}
