import { SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Input } from '../../../electron/contract';
import { mailCalls, type AnnouncementAudience } from '../../../electron/contract/mail';
import { useQueryCall } from '../../api/useCall';
import { FormModal } from '../../components/FormModal';
import { useFormCall } from '../../components/useFormCall';
import { validateWith } from '../../components/zod-form';
import { counted } from '../../../electron/contract/words';

type Pick = 'all' | 'group' | 'site';
type FormValues = { subject: string; body: string; pick: Pick; groupId: string | null; siteId: string | null };

/**
 * A new announcement: an e-mail to every client, a group's, a site's, or (from the Miners table) the clients of
 * the selected miners, each copy through the outbox.
 */
export function AnnouncementDialog({ minerIds, onClose }: { minerIds?: number[]; onClose: () => void }) {
  const groups = useQueryCall('clients.groups.list', {}, { enabled: !minerIds });
  const sites = useQueryCall('sites.list', { search: '' }, { enabled: !minerIds });
  const form = useForm<FormValues>({
    initialValues: { subject: '', body: 'Dear {{client.name}},\n\n\n\nKind regards,\n{{organisation.name}}', pick: 'all', groupId: null, siteId: null },
    validate: (values) => {
      const errors = validateWith(mailCalls['announcements.send'].input)(toInput(values));
      if (values.pick === 'group' && !values.groupId) errors.groupId = 'Choose a group';
      if (values.pick === 'site' && !values.siteId) errors.siteId = 'Choose a site';
      return errors;
    },
  });
  const send = useFormCall('announcements.send', form, { failureTitle: 'The announcement was not sent' });

  function audienceOf(values: FormValues): AnnouncementAudience {
    if (minerIds) return { kind: 'miners', minerIds };
    if (values.pick === 'group') return { kind: 'group', groupId: Number(values.groupId) };
    if (values.pick === 'site') return { kind: 'site', siteId: Number(values.siteId) };
    return { kind: 'all' };
  }
  const toInput = (values: FormValues): Input<'announcements.send'> => ({ subject: values.subject, body: values.body, audience: audienceOf(values) });

  const submit = form.onSubmit(async (values) => {
    const outcome = await send.run(toInput(values));
    if (!outcome.ok) return;
    notifications.show({
      color: 'green',
      title: 'Announcement queued',
      message: `${outcome.value.audienceText}: ${counted(outcome.value.recipients.length, 'e-mail')} in the outbox.`,
    });
    onClose();
  });

  return (
    <FormModal
      title="New announcement"
      submitLabel="Send announcement"
      saving={send.running}
      procedure="announcements.send"
      onSubmit={submit}
      onClose={onClose}
      size="lg"
    >
      {minerIds ? (
        <Text size="sm">To the clients of {counted(minerIds.length, 'selected miner')}, one e-mail each.</Text>
      ) : (
        <Stack gap="xs">
          <SegmentedControl
            aria-label="Audience"
            value={form.values.pick}
            onChange={(value) => form.setFieldValue('pick', value as Pick)}
            data={[
              { value: 'all', label: 'All clients' },
              { value: 'group', label: 'A group' },
              { value: 'site', label: 'A site’s clients' },
            ]}
          />
          {form.values.pick === 'group' && (
            <Select
              label="Client group"
              withAsterisk
              data={(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
              {...form.getInputProps('groupId')}
            />
          )}
          {form.values.pick === 'site' && (
            <Select
              label="Site"
              withAsterisk
              description="Every client with a miner at this site."
              data={(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
              {...form.getInputProps('siteId')}
            />
          )}
        </Stack>
      )}
      <TextInput label="Subject" withAsterisk data-autofocus {...form.getInputProps('subject')} />
      <Textarea
        label="Text"
        withAsterisk
        autosize
        minRows={8}
        maxRows={18}
        description="{{client.name}}, {{client.company}} and {{organisation.name}} are filled in for each client."
        {...form.getInputProps('body')}
      />
    </FormModal>
  );
}
