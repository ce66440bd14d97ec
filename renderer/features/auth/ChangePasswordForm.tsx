import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { minPasswordLength } from '../../../electron/contract/auth.vocab';
import { useFormCall } from '../../components/useFormCall';

type Values = { currentPassword: string; newPassword: string; repeated: string };

/** The signed-in person chooses a new password; their other sessions end. */
export function ChangePasswordForm({ currentLabel, onDone, onCancel }: { currentLabel: string; onDone: () => void; onCancel?: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', repeated: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Is required'),
      newPassword: (value) => (value.length >= minPasswordLength ? null : `Must be at least ${minPasswordLength} characters long`),
      repeated: (value, values) => (value === values.newPassword ? null : 'Does not match the new password'),
    },
  });
  const change = useFormCall('auth.changePassword', form, { failureTitle: 'The password was not changed' });
  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    const outcome = await change.run({ currentPassword, newPassword });
    if (!outcome.ok) return;
    queryClient.setQueryData(['auth.status', {}], outcome.value);
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput label={currentLabel} autoComplete="current-password" withAsterisk data-autofocus {...form.getInputProps('currentPassword')} />
        <PasswordInput label="New password" autoComplete="new-password" withAsterisk {...form.getInputProps('newPassword')} />
        <PasswordInput label="New password again" autoComplete="new-password" withAsterisk {...form.getInputProps('repeated')} />
        <Text size="xs" c="dimmed">
          At least {minPasswordLength} characters, not containing your login. A few words make a good one.
        </Text>
        <Group justify="flex-end" mt="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={change.running}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
