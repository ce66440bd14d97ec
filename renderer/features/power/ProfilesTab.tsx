import { ActionIcon, Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { PowerProfileView } from '../../../electron/contract/power';
import { useCall, useQueryCall } from '../../api/useCall';
import { RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { ProfileFormModal, type ProfileDraft } from './ProfileFormModal';
import { Permitted } from '../../components/Permitted';

const columns = [
  { label: 'Profile' },
  { label: 'Kind', width: 110 },
  { label: 'Source', width: 110 },
  { label: 'Devices', width: 90, align: 'right' as const },
  { label: 'Actions', width: 120, align: 'right' as const },
];

/** Built-in profiles and the ones staff wrote for other PDU and meter models. */
export function ProfilesTab() {
  const profiles = useQueryCall('power.profiles.list', {});
  const remove = useCall('power.profiles.delete', { failureTitle: 'The profile was not deleted' });
  const [draft, setDraft] = useState<ProfileDraft | null>(null);
  const [deleting, setDeleting] = useState<PowerProfileView | null>(null);
  const rows = profiles.data?.map((p) => ({ ...p, id: p.id ?? -(profiles.data?.indexOf(p) ?? 0) - 1 }));

  const confirmDelete = async (profile: PowerProfileView) => {
    const outcome = await remove.run({ id: profile.id! });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Profile deleted', message: `${profile.label} was deleted.` });
    setDeleting(null);
  };

  return (
    <div>
      <SectionHeader
        title="Profiles"
        description="How a model is read: OID templates and scales for a PDU, a register map for a meter. Copy a built-in profile to start from it."
        action={
          <Permitted procedure="power.profiles.create">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDraft({ id: null, kind: 'pdu', name: '', definition: null })}>
              New profile
            </Button>
          </Permitted>
        }
      />
      <RecordsTable label="Power profiles" columns={columns} loading={profiles.isLoading} rows={rows} empty="No profiles.">
        {(profile) => (
          <Table.Tr>
            <Table.Td fw={500}>{profile.label}</Table.Td>
            <Table.Td>{profile.kind === 'pdu' ? 'PDU' : 'Meter'}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={profile.builtIn ? 'gray' : 'blue'}>
                {profile.builtIn ? 'Built-in' : 'Custom'}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">{profile.deviceCount}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Permitted procedure="power.profiles.create">
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Copy ${profile.label}`}
                    onClick={() => setDraft({ id: null, kind: profile.kind, name: `${profile.label} copy`, definition: profile.definition })}
                  >
                    <IconCopy size={16} />
                  </ActionIcon>
                </Permitted>
                {!profile.builtIn && (
                  <>
                    <Permitted procedure="power.profiles.update">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Edit ${profile.label}`}
                        onClick={() => setDraft({ id: profile.id, kind: profile.kind, name: profile.label, definition: profile.definition })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Permitted>
                    <Permitted procedure="power.profiles.delete">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${profile.label}`} onClick={() => setDeleting(profile)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Permitted>
                  </>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {draft && <ProfileFormModal draft={draft} onClose={() => setDraft(null)} />}
      {deleting && (
        <Modal opened onClose={() => setDeleting(null)} title={`Delete ${deleting.label}?`} centered>
          <Text size="sm">The profile is removed; a profile still used by a device is kept until those devices use another one.</Text>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button color="red" loading={remove.running} onClick={() => void confirmDelete(deleting)} data-autofocus>
              Delete profile
            </Button>
          </Group>
        </Modal>
      )}
    </div>
  );
}
