import { Button, Group, NumberInput, PasswordInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Input } from '../../../electron/contract';
import { mailCalls, type MailSettings } from '../../../electron/contract/mail';
import { mailDefaultPorts, mailSecurityLabels, mailSecurityModes, type MailSecurity } from '../../../electron/contract/mail.vocab';
import { useFormCall } from '../../components/useFormCall';
import { validateWith } from '../../components/zod-form';
import { SaveOrDiscard } from '../../components/SaveOrDiscard';
import { PermittedFields } from '../../components/Permitted';

type FormValues = Omit<Input<'mail.settings.update'>, 'password' | 'replyTo' | 'username'> & { username: string; password: string; replyTo: string };

/** The facility's SMTP server: address, port, security, login and sender. The password is written, never read back. */
export function MailServerForm({ settings }: { settings: MailSettings }) {
  const [changingPassword, setChangingPassword] = useState(!settings.passwordSet);
  const form = useForm<FormValues>({
    initialValues: {
      host: settings.host,
      port: settings.port,
      security: settings.security,
      username: settings.username,
      password: '',
      fromName: settings.fromName,
      fromAddress: settings.fromAddress,
      replyTo: settings.replyTo ?? '',
    },
    validate: (values) => validateWith(mailCalls['mail.settings.update'].input)(toInput(values)),
  });
  const save = useFormCall('mail.settings.update', form, { failureTitle: 'The e-mail settings were not saved' });

  /** No login: no password. A saved password is kept unless a new one is typed. */
  function toInput(values: FormValues): Input<'mail.settings.update'> {
    const password = !values.username.trim() ? null : changingPassword && values.password ? values.password : undefined;
    return { ...values, password, replyTo: values.replyTo || null };
  }

  const submit = form.onSubmit(async (values) => {
    const outcome = await save.run(toInput(values));
    if (outcome.ok) notifications.show({ color: 'green', title: 'E-mail settings saved', message: 'Waiting mail in the outbox is tried again now.' });
  });

  const setSecurity = (next: MailSecurity) => {
    if (form.values.port === mailDefaultPorts[form.values.security]) form.setFieldValue('port', mailDefaultPorts[next]);
    form.setFieldValue('security', next);
  };

  return (
    <form onSubmit={submit} noValidate>
      <PermittedFields procedure="mail.settings.update">
        <Stack maw={760} gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Mail server" withAsterisk placeholder="smtp.example.com" style={{ gridColumn: 'span 2' }} {...form.getInputProps('host')} />
            <NumberInput label="Port" withAsterisk min={1} max={65535} allowDecimal={false} {...form.getInputProps('port')} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Security
            </Text>
            <SegmentedControl
              aria-label="Security"
              value={form.values.security}
              onChange={(value) => setSecurity(value as MailSecurity)}
              data={mailSecurityModes.map((mode) => ({ value: mode, label: mailSecurityLabels[mode] }))}
            />
            <Text size="xs" c="dimmed">
              STARTTLS usually listens on port 587, TLS on 465; None sends in plain text and suits only a relay on this network.
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="User name"
              description="Leave empty when the server takes mail without a login."
              autoComplete="off"
              {...form.getInputProps('username')}
            />
            {changingPassword ? (
              <PasswordInput
                label="Password"
                description={settings.passwordSet ? 'Type the new password, or leave empty to keep the saved one.' : 'Kept sealed on this computer.'}
                autoComplete="new-password"
                disabled={!form.values.username.trim()}
                {...form.getInputProps('password')}
              />
            ) : (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Password
                </Text>
                <Group gap="xs">
                  <Text size="sm">A password is saved.</Text>
                  <Button size="compact-sm" variant="light" onClick={() => setChangingPassword(true)}>
                    Change password
                  </Button>
                </Group>
              </Stack>
            )}
            <TextInput label="Sender name" withAsterisk placeholder="Northwind Hosting billing" {...form.getInputProps('fromName')} />
            <TextInput label="Sender address" withAsterisk type="email" placeholder="billing@example.com" {...form.getInputProps('fromAddress')} />
            <TextInput
              label="Reply-to address"
              type="email"
              description="Where clients' answers go, when not to the sender."
              {...form.getInputProps('replyTo')}
            />
          </SimpleGrid>
          <SaveOrDiscard
            label="Save e-mail settings"
            procedure="mail.settings.update"
            saving={save.running}
            dirty={form.isDirty()}
            onDiscard={() => form.reset()}
          />
        </Stack>
      </PermittedFields>
    </form>
  );
}
