import { Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../electron/contract';
import { staffCalls, type StaffMember } from '../../../electron/contract/staff';
import { useCall } from '../../api/useCall';
import { sentenceCase, validateWith } from '../../components/zod-form';
import { FormModal, PersonFields } from '../../components/FormModal';

type FormValues = Input<'staff.create'>;

/** Add (member = null) or edit a staff member; mount it while the form is open. */
export function StaffFormModal({ member, onClose }: { member: StaffMember | null; onClose: () => void }) {
  const create = useCall('staff.create', { failureTitle: 'The staff member was not added' });
  const update = useCall('staff.update', { failureTitle: 'The staff member was not saved' });
  const form = useForm<FormValues>({
    initialValues: { name: member?.name ?? '', email: member?.email ?? '', phone: member?.phone ?? '', active: member?.active ?? true },
    validate: validateWith(staffCalls['staff.create'].input),
  });

  const submit = form.onSubmit(async (values) => {
    const outcome = member ? await update.run({ id: member.id, ...values }) : await create.run(values);
    if (!outcome.ok) return form.setErrors(sentenceCase(outcome.error.fields));
    notifications.show({ color: 'green', title: member ? 'Staff member saved' : 'Staff member added', message: `${outcome.value.name} is on the staff list.` });
    onClose();
  });

  return (
    <FormModal
      title={member ? `Edit ${member.name}` : 'Add staff member'}
      submitLabel="Save staff member"
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
