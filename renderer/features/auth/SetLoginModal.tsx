import { PasswordInput, Select, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { UserAccount } from '../../../electron/contract/auth';
import { minPasswordLength } from '../../../electron/contract/auth.vocab';
import { builtInRoleKeys, builtInRoles, isBuiltInRoleKey } from '../../../electron/contract/roles';
import { useQueryCall } from '../../api/useCall';
import { FormModal } from '../../components/FormModal';
import { useFormCall } from '../../components/useFormCall';

type Values = { login: string; role: string; password: string; mustChangePassword: boolean };

const roleValue = (user: UserAccount) => user.roleKey ?? (user.roleId ? `custom:${user.roleId}` : 'technician');

/** Gives a staff member a login, a role and a first password, or changes their login or role. */
export function SetLoginModal({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const customRoles = useQueryCall('roles.list', {});
  const firstLogin = user.login === null;
  const form = useForm<Values>({
    initialValues: { login: user.login ?? '', role: roleValue(user), password: '', mustChangePassword: true },
    validate: {
      login: (value) => (value.trim().length >= 3 ? null : 'Must be at least 3 characters'),
      password: (value) => ((!value && !firstLogin) || value.length >= minPasswordLength ? null : `Must be at least ${minPasswordLength} characters long`),
    },
  });
  const save = useFormCall('users.setLogin', form, { failureTitle: 'The login was not saved' });
  const roles = [
    { group: 'Built-in roles', items: builtInRoleKeys.map((key) => ({ value: key, label: builtInRoles[key].label })) },
    ...(customRoles.data?.length ? [{ group: 'Custom roles', items: customRoles.data.map((role) => ({ value: `custom:${role.id}`, label: role.name })) }] : []),
  ];
  const description = (value: string) =>
    isBuiltInRoleKey(value) ? builtInRoles[value].description : customRoles.data?.find((r) => `custom:${r.id}` === value)?.description;

  const submit = form.onSubmit(async (values) => {
    const role = isBuiltInRoleKey(values.role) ? { roleKey: values.role } : { roleId: Number(values.role.replace('custom:', '')) };
    const outcome = await save.run({
      staffId: user.staffId,
      login: values.login,
      ...role,
      ...(values.password ? { password: values.password, mustChangePassword: values.mustChangePassword } : {}),
    });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Login saved', message: `${user.name} signs in as “${outcome.value.login}” (${outcome.value.roleLabel}).` });
    onClose();
  });

  return (
    <FormModal
      title={firstLogin ? `Give ${user.name} a login` : `Login of ${user.name}`}
      submitLabel="Save login"
      saving={save.running}
      procedure="users.setLogin"
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput
        label="Login"
        withAsterisk
        data-autofocus
        autoComplete="off"
        description="Letters, digits and . _ @ -; not case-sensitive."
        {...form.getInputProps('login')}
      />
      <Select label="Role" withAsterisk data={roles} allowDeselect={false} description={description(form.values.role)} {...form.getInputProps('role')} />
      <PasswordInput
        label={firstLogin ? 'First password' : 'New password'}
        withAsterisk={firstLogin}
        autoComplete="new-password"
        description={firstLogin ? `At least ${minPasswordLength} characters, not containing the login.` : 'Leave empty to keep the current password.'}
        {...form.getInputProps('password')}
      />
      <Switch
        label="Ask for a new password at the first sign-in"
        disabled={!form.values.password}
        {...form.getInputProps('mustChangePassword', { type: 'checkbox' })}
      />
    </FormModal>
  );
}
