import { Alert, Autocomplete, Group, Loader, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLockOpen } from '@tabler/icons-react';
import type { Input } from '../../../electron/contract';
import { officeLanCalls, type OfficeLanStatus } from '../../../electron/contract/office-lan';
import { useQueryCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { useFormCall } from '../../components/useFormCall';
import { validateWith } from '../../components/zod-form';
import { OfficeLanStatusAlert } from './OfficeLanStatusAlert';
import { PermittedSubmit } from '../../components/Permitted';

type FormValues = Input<'officeLan.update'>;

const addressOf = ({ host, port, tlsCertPath }: FormValues) => `${tlsCertPath ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

function OfficeLanForm({ status }: { status: OfficeLanStatus }) {
  const form = useForm<FormValues>({ initialValues: status.setting, validate: validateWith(officeLanCalls['officeLan.update'].input) });
  const save = useFormCall('officeLan.update', form, { failureTitle: 'The office network setting was not saved' });
  const submit = form.onSubmit(async (values) => {
    const outcome = await save.run(values);
    if (outcome.ok)
      notifications.show({
        color: 'green',
        title: 'Office network setting saved',
        message: values.enabled ? `From the next start, Hashdesk serves ${addressOf(values)}.` : 'From the next start, Hashdesk serves this computer only.',
      });
  });
  const { enabled, host, tlsCertPath } = form.values;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Switch
          label="Serve Hashdesk to the office network"
          description="Other office computers open it in a browser; everyone signs in with their own login, and the server answers only at this address."
          {...form.getInputProps('enabled', { type: 'checkbox' })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Autocomplete
            label="Address"
            withAsterisk={enabled}
            description="This computer's office-network address or host name"
            placeholder={status.machineAddresses[0] ?? 'hashdesk-office'}
            data={status.machineAddresses}
            {...form.getInputProps('host')}
          />
          <NumberInput
            label="Port"
            withAsterisk
            min={1}
            max={65535}
            allowDecimal={false}
            description="Above 1023 needs no administrator rights"
            {...form.getInputProps('port')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Certificate file" description="PEM, a full path; with its key, Hashdesk serves HTTPS" {...form.getInputProps('tlsCertPath')} />
          <TextInput label="Key file" description="The certificate's private key (PEM, a full path)" {...form.getInputProps('tlsKeyPath')} />
        </SimpleGrid>
        {enabled && !tlsCertPath && (
          <Alert color="yellow" variant="light" icon={<IconLockOpen size={18} />} title="Without a certificate, the office network sees everything">
            Passwords and data cross the network unencrypted, readable by anyone on it. Give a certificate and key, or put a reverse proxy with TLS in front
            (see the README, Serving the office network).
          </Alert>
        )}
        <Group>
          <PermittedSubmit procedure="officeLan.update" saving={save.running}>
            Save office network setting
          </PermittedSubmit>
          <Text size="sm" c="dimmed">
            {enabled && host ? `Takes effect at the next start: ${addressOf(form.values)}` : 'Takes effect at the next start of Hashdesk.'}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/** Settings › Office network (administrators only): serve the app to browsers on other office computers. */
export function OfficeLanTab() {
  const status = useQueryCall('officeLan.get', {});
  if (!status.data) return <Loader />;
  return (
    <Stack gap="md" maw={760}>
      <SectionHeader
        title="Office network"
        description="Let other computers of the office use Hashdesk in a browser. Sign-in is required for every page and call, and sessions lock after the idle time set in Users & roles."
      />
      <OfficeLanStatusAlert status={status.data} />
      <OfficeLanForm key={JSON.stringify(status.data.setting)} status={status.data} />
    </Stack>
  );
}
