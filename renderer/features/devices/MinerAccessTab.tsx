import { ActionIcon, Button, Group, Loader, Modal, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Input } from '../../../electron/contract';
import { deviceCalls, minerFamilies, minerFamilyLabels, type HoldingPool, type MinerCredential } from '../../../electron/contract/devices';
import { useCall, useQueryCall } from '../../api/useCall';
import { FormModal } from '../../components/FormModal';
import { SectionHeader } from '../../components/SectionHeader';
import { validateWith } from '../../components/zod-form';
import { useFormCall } from '../../components/useFormCall';
import { RecentRuns } from './RecentRuns';
import { useDates } from '../../components/useDates';
import { Permitted, PermittedSubmit } from '../../components/Permitted';

const everyValue = 'any';
const familyOptions = [{ value: everyValue, label: 'Every family' }, ...minerFamilies.map((f) => ({ value: f, label: minerFamilyLabels[f] }))];

type LoginDraft = { siteId: string; family: string; username: string; password: string };

/** Add or edit a login; the password is write-only: empty keeps the stored one when editing. */
function LoginModal({ login, onClose }: { login: MinerCredential | null; onClose: () => void }) {
  const sites = useQueryCall('sites.list', { search: '' });
  const toInput = (draft: LoginDraft): Input<'devices.credentials.set'> => ({
    siteId: draft.siteId === everyValue ? null : Number(draft.siteId),
    family: draft.family === everyValue ? null : (draft.family as Input<'devices.credentials.set'>['family']),
    username: draft.username,
    ...(draft.password === '' ? {} : { password: draft.password }),
  });
  const form = useForm<LoginDraft>({
    initialValues: {
      siteId: login?.siteId ? String(login.siteId) : everyValue,
      family: login?.family ?? everyValue,
      username: login?.username ?? '',
      password: '',
    },
    validate: (draft) => validateWith(deviceCalls['devices.credentials.set'].input)(toInput(draft)),
  });
  const save = useFormCall('devices.credentials.set', form, { failureTitle: 'The login was not saved' });
  const submit = form.onSubmit(async (draft) => {
    const outcome = await save.run(toInput(draft));
    if (outcome.ok) {
      notifications.show({ color: 'green', title: 'Login saved', message: `The ${outcome.value.username} login is used from the next device action.` });
      onClose();
    }
  });
  return (
    <FormModal title={login ? 'Edit miner login' : 'Add miner login'} submitLabel="Save login" saving={save.running} onSubmit={submit} onClose={onClose}>
      <Select
        label="Site"
        data={[{ value: everyValue, label: 'Every site' }, ...(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))]}
        allowDeselect={false}
        disabled={login !== null}
        {...form.getInputProps('siteId')}
      />
      <Select label="Miner family" data={familyOptions} allowDeselect={false} disabled={login !== null} {...form.getInputProps('family')} />
      <TextInput label="User name" withAsterisk autoComplete="off" data-autofocus {...form.getInputProps('username')} />
      <PasswordInput
        label="Password"
        withAsterisk={login === null}
        autoComplete="new-password"
        description={login ? 'Leave empty to keep the stored password. Stored passwords are never shown.' : 'Stored encrypted; never shown again.'}
        {...form.getInputProps('password')}
      />
    </FormModal>
  );
}

function LoginsSection() {
  const { dateTime } = useDates();
  const logins = useQueryCall('devices.credentials.list', {});
  const remove = useCall('devices.credentials.delete', { failureTitle: 'The login was not deleted' });
  const [editing, setEditing] = useState<MinerCredential | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MinerCredential | null>(null);
  const scopeOf = (login: MinerCredential) => `${login.siteName ?? 'every site'}, ${login.family ? minerFamilyLabels[login.family] : 'every family'}`;
  return (
    <Stack gap="xs">
      <SectionHeader
        title="Miner logins"
        description="The user name and password Hashdesk uses to reboot miners and change their pools. The most specific login wins: site and family, then family, then site, then every site and family. Without one, the firmware's factory login is tried."
        action={
          <Permitted procedure="devices.credentials.set">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              Add login
            </Button>
          </Permitted>
        }
      />
      {!logins.data ? (
        <Loader />
      ) : logins.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No logins stored: every action uses the factory login of each family.
        </Text>
      ) : (
        <Table withTableBorder aria-label="Miner logins">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Site</Table.Th>
              <Table.Th>Family</Table.Th>
              <Table.Th>User name</Table.Th>
              <Table.Th>Password</Table.Th>
              <Table.Th>Changed</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {logins.data.map((login) => (
              <Table.Tr key={login.id}>
                <Table.Td>{login.siteName ?? 'Every site'}</Table.Td>
                <Table.Td>{login.family ? minerFamilyLabels[login.family] : 'Every family'}</Table.Td>
                <Table.Td>{login.username}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    Stored (hidden)
                  </Text>
                </Table.Td>
                <Table.Td>{dateTime(login.updatedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Permitted procedure="devices.credentials.set" label="Edit">
                      <ActionIcon variant="subtle" aria-label={`Edit login ${login.username}`} onClick={() => setEditing(login)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Permitted>
                    <Permitted procedure="devices.credentials.delete" label="Delete">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete login ${login.username}`} onClick={() => setDeleting(login)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Permitted>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <LoginModal login={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <Modal opened onClose={() => setDeleting(null)} title={`Delete the ${deleting.username} login?`} centered>
          <Text size="sm">Miners of {scopeOf(deleting)} then use the next login that fits them, or their factory login.</Text>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.running}
              data-autofocus
              onClick={async () => {
                if ((await remove.run({ id: deleting.id })).ok) setDeleting(null);
              }}
            >
              Delete login
            </Button>
          </Group>
        </Modal>
      )}
    </Stack>
  );
}

function HoldingPoolForm({ pool }: { pool: HoldingPool | null }) {
  const form = useForm({ initialValues: { url: pool?.url ?? '', worker: pool?.worker ?? '', password: '' } });
  const save = useFormCall('devices.holdingPool.set', form, { failureTitle: 'The holding pool was not saved' });
  const toInput = (v: { url: string; worker: string; password: string }): Input<'devices.holdingPool.set'> => ({
    url: v.url,
    worker: v.worker,
    ...(v.password === '' ? {} : { password: v.password }),
  });
  const submit = form.onSubmit(async (values) => {
    const errors = validateWith(deviceCalls['devices.holdingPool.set'].input)(toInput(values));
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    const outcome = await save.run(toInput(values));
    if (outcome.ok) {
      form.setFieldValue('password', '');
      notifications.show({ color: 'green', title: 'Holding pool saved', message: `Unpaid miners are redirected to ${outcome.value.url}.` });
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Holding pool">
      <Stack gap="xs" maw={760}>
        <SectionHeader
          title="Holding pool"
          description={`Where an unpaid client's miners are pointed until the client pays. Each miner mines as the holding worker followed by "." and its asset ID (facility.A-001), so its shares can be told apart.`}
        />
        <Group align="flex-start" grow>
          <TextInput label="Pool URL" placeholder="stratum+tcp://pool.example.com:3333" withAsterisk {...form.getInputProps('url')} />
          <TextInput label="Holding worker" placeholder="facility" withAsterisk {...form.getInputProps('worker')} />
          <PasswordInput
            label="Pool password"
            autoComplete="new-password"
            placeholder={pool ? 'Stored (hidden)' : 'x'}
            description={pool ? 'Leave empty to keep it' : 'Empty sends "x"'}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('password')}
          />
        </Group>
        <Group>
          <PermittedSubmit procedure="devices.holdingPool.set" saving={save.running}>
            Save holding pool
          </PermittedSubmit>
        </Group>
      </Stack>
    </form>
  );
}

/** Settings › Miner access: the logins used for device actions and the holding pool of unpaid miners. */
export function MinerAccessTab() {
  const pool = useQueryCall('devices.holdingPool.get', {});
  return (
    <Stack gap="xl">
      {pool.isSuccess ? <HoldingPoolForm key={pool.data?.updatedAt ?? 'none'} pool={pool.data} /> : <Loader />}
      <LoginsSection />
      <RecentRuns />
    </Stack>
  );
}
