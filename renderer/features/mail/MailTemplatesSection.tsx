import { Badge, Group, Loader, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Input } from '../../../electron/contract';
import { mailCalls, type MailTemplate } from '../../../electron/contract/mail';
import { mailTemplateKinds, mailTemplateLabels, type MailTemplateKind } from '../../../electron/contract/mail.vocab';
import { useQueryCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { useFormCall } from '../../components/useFormCall';
import { validateWith } from '../../components/zod-form';
import { SaveOrDiscard } from '../../components/SaveOrDiscard';
import { PermittedFields } from '../../components/Permitted';

/** The words of each kind of message, with the placeholders it may use. */
export function MailTemplatesSection() {
  const templates = useQueryCall('mail.templates.list', {});
  const [kind, setKind] = useState<MailTemplateKind>('invoice');
  const template = templates.data?.find((t) => t.kind === kind);
  return (
    <Stack maw={760} gap="sm" mt="xl">
      <SectionHeader
        title="Templates"
        description="The subject and text of each e-mail. Placeholders in double braces are filled in when the e-mail is queued; a placeholder not listed is refused."
      />
      <SegmentedControl
        aria-label="Template"
        value={kind}
        onChange={(value) => setKind(value as MailTemplateKind)}
        data={mailTemplateKinds.map((k) => ({ value: k, label: mailTemplateLabels[k] }))}
      />
      {template ? <TemplateForm key={`${template.kind}-${template.updatedAt ?? 'built-in'}`} template={template} /> : <Loader />}
    </Stack>
  );
}

function TemplateForm({ template }: { template: MailTemplate }) {
  const form = useForm<Input<'mail.templates.update'>>({
    initialValues: { kind: template.kind, subject: template.subject, body: template.body },
    validate: validateWith(mailCalls['mail.templates.update'].input),
  });
  const save = useFormCall('mail.templates.update', form, { failureTitle: 'The template was not saved' });
  const submit = form.onSubmit(async (values) => {
    const outcome = await save.run(values);
    if (outcome.ok)
      notifications.show({
        color: 'green',
        title: 'Template saved',
        message: `The ${mailTemplateLabels[template.kind].toLowerCase()} e-mail uses the new words.`,
      });
  });
  return (
    <form onSubmit={submit} noValidate>
      <PermittedFields procedure="mail.templates.update">
        <Stack gap="sm">
          <TextInput label="Subject" withAsterisk {...form.getInputProps('subject')} />
          <Textarea label="Text" withAsterisk autosize minRows={6} maxRows={16} {...form.getInputProps('body')} />
          <Group gap={6} aria-label="Placeholders">
            <Text size="xs" c="dimmed">
              Placeholders:
            </Text>
            {template.placeholders.map((name) => (
              <Badge key={name} variant="light" color="gray" tt="none">
                {`{{${name}}}`}
              </Badge>
            ))}
          </Group>
          <SaveOrDiscard label="Save template" procedure="mail.templates.update" saving={save.running} dirty={form.isDirty()} onDiscard={() => form.reset()}>
            {!template.edited && (
              <Text size="xs" c="dimmed">
                Built-in words, not edited yet.
              </Text>
            )}
          </SaveOrDiscard>
        </Stack>
      </PermittedFields>
    </form>
  );
}
