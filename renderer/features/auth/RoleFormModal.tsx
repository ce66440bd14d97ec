import { Checkbox, Fieldset, SimpleGrid, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CustomRole } from '../../../electron/contract/auth';
import { type GrantablePermission, grantablePermissionInfo } from '../../../electron/contract/permissions';
import { FormModal } from '../../components/FormModal';
import { useFormCall } from '../../components/useFormCall';
import { permissionAreas } from './permission-areas';

type Values = { name: string; description: string; permissions: GrantablePermission[]; onlyManagedClients: boolean };

/** Create (role = null) or edit a custom role: a name, a line on what it is for, and its permissions by area. */
export function RoleFormModal({ role, onClose }: { role: CustomRole | null; onClose: () => void }) {
  const form = useForm<Values>({
    initialValues: {
      name: role?.name ?? '',
      description: role?.description ?? '',
      permissions: role?.permissions ?? [],
      onlyManagedClients: role?.onlyManagedClients ?? false,
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Is required'),
      permissions: (value) => (value.length ? null : 'Choose at least one permission'),
    },
  });
  const create = useFormCall('roles.create', form, { failureTitle: 'The role was not created' });
  const update = useFormCall('roles.update', form, { failureTitle: 'The role was not saved' });
  const submit = form.onSubmit(async (values) => {
    const outcome = role ? await update.run({ id: role.id, ...values }) : await create.run(values);
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: role ? 'Role saved' : 'Role created',
      message: `“${outcome.value.name}” grants ${outcome.value.permissions.length} permissions.`,
    });
    onClose();
  });

  return (
    <FormModal
      title={role ? `Edit role “${role.name}”` : 'New role'}
      submitLabel="Save role"
      saving={create.running || update.running}
      procedure={role ? 'roles.update' : 'roles.create'}
      onSubmit={submit}
      onClose={onClose}
      size="xl"
    >
      <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
      <Textarea label="What it is for" autosize minRows={1} {...form.getInputProps('description')} />
      <Switch
        label="Only the clients they manage"
        description="People with this role see and change only the clients whose manager they are, with those clients' contracts, invoices and payments. A client they add is theirs."
        {...form.getInputProps('onlyManagedClients', { type: 'checkbox' })}
      />
      <Checkbox.Group label="Permissions" withAsterisk {...form.getInputProps('permissions')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {permissionAreas.map((area) => (
            <Fieldset key={area.label} legend={area.label} p="sm">
              {area.permissions.map((permission) => (
                <Checkbox
                  key={permission}
                  value={permission}
                  mb={6}
                  label={grantablePermissionInfo[permission].label}
                  description={grantablePermissionInfo[permission].description}
                />
              ))}
            </Fieldset>
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {role && role.userCount > 0 && (
        <Text size="xs" c="dimmed">
          {role.userCount} {role.userCount === 1 ? 'person holds' : 'people hold'} this role: they get the new permissions at their next step.
        </Text>
      )}
    </FormModal>
  );
}
