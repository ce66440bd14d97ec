import { Alert, Badge, Button, Code, Group, Modal, SegmentedControl, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiToken, CreatedApiToken } from '../../../electron/contract/api';
import { useCall, useQueryCall } from '../../api/useCall';
import { usePermissions } from '../../api/usePermissions';
import { noWrap, RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { useDates } from '../../components/useDates';
import { CreateApiTokenModal } from './CreateApiTokenModal';
import { NewApiTokenModal } from './NewApiTokenModal';

const stateBadges: Record<ApiToken['state'], { color: string; label: string }> = {
  active: { color: 'green', label: 'Active' },
  expired: { color: 'gray', label: 'Expired' },
  revoked: { color: 'red', label: 'Revoked' },
};

function RevokeModal({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const revoke = useCall('apiTokens.revoke', { failureTitle: 'The token was not revoked' });
  const confirm = async () => {
    const outcome = await revoke.run({ id: token.id });
    if (!outcome.ok) return;
    notifications.show({ color: 'green', title: 'Token revoked', message: `“${token.name}” no longer works.` });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Revoke “${token.name}”?`} centered>
      <Text size="sm">
        Anything still using this token ({token.prefix}…, acting as {token.ownerName}) is refused from its next call. This cannot be undone; a new token can be
        created instead.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" loading={revoke.running} onClick={confirm} data-autofocus>
          Revoke token
        </Button>
      </Group>
    </Modal>
  );
}

/** The signed-in person's personal API tokens (an administrator may show everyone's): create, shown once, and revoke. */
export function ApiTokensSection({ accountsExist }: { accountsExist: boolean }) {
  const can = usePermissions();
  const administers = can('users.admin').granted && accountsExist;
  const [everyone, setEveryone] = useState(false);
  const tokens = useQueryCall('apiTokens.list', { everyone: administers && everyone });
  const { dateTime } = useDates();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const showOwner = administers && everyone;
  const columns = [
    { label: 'Name' },
    ...(showOwner ? [{ label: 'Acts as' }] : []),
    { label: 'Token', width: 170 },
    { label: 'Created', width: 160 },
    { label: 'Last used', width: 160 },
    { label: 'Expires', width: 160 },
    { label: 'Status', width: 120 },
    { label: 'Actions', width: 100, align: 'right' as const },
  ];

  return (
    <div>
      <SectionHeader
        title="Personal API tokens"
        description="A token lets a script call the API as you, with whatever your role allows at the time of each call. It is shown once when created; revoke it when the script no longer needs it."
        action={
          accountsExist && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New token
            </Button>
          )
        }
      />
      {!accountsExist ? (
        <Alert color="blue" variant="light" title="Tokens come with user accounts">
          Each token acts as a person with their role, and this workstation has no user accounts yet. Create the administrator in Settings › Users &amp; roles
          first. Until then the API answers to the token <Code>npm run serve</Code> prints.
        </Alert>
      ) : (
        <>
          {administers && (
            <SegmentedControl
              mb="sm"
              aria-label="Whose tokens"
              value={everyone ? 'everyone' : 'mine'}
              onChange={(value) => setEveryone(value === 'everyone')}
              data={[
                { value: 'mine', label: 'My tokens' },
                { value: 'everyone', label: 'Everyone’s tokens' },
              ]}
            />
          )}
          <RecordsTable
            label="API tokens"
            columns={columns}
            loading={tokens.isLoading}
            rows={tokens.data}
            empty={showOwner ? 'Nobody has an API token.' : 'You have no API tokens. Create one for each script or tool that calls Hashdesk.'}
          >
            {(token) => (
              <Table.Tr>
                <Table.Td fw={500}>{token.name}</Table.Td>
                {showOwner && <Table.Td>{token.ownerName}</Table.Td>}
                <Table.Td style={noWrap}>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td style={noWrap}>{dateTime(token.createdAt)}</Table.Td>
                <Table.Td style={noWrap}>{token.lastUsedAt ? dateTime(token.lastUsedAt) : <Text c="dimmed">Never</Text>}</Table.Td>
                <Table.Td style={noWrap}>{token.expiresAt ? dateTime(token.expiresAt) : <Text c="dimmed">No expiry</Text>}</Table.Td>
                <Table.Td>
                  <Badge color={stateBadges[token.state].color} title={token.revokedAt ? `Revoked ${dateTime(token.revokedAt)}` : undefined}>
                    {stateBadges[token.state].label}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {token.state !== 'revoked' && (
                    <Button variant="subtle" color="red" size="compact-sm" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          </RecordsTable>
        </>
      )}
      {creating && (
        <CreateApiTokenModal
          onClose={() => setCreating(false)}
          onCreated={(made) => {
            setCreating(false);
            setCreated(made);
          }}
        />
      )}
      {created && <NewApiTokenModal created={created} onClose={() => setCreated(null)} />}
      {revoking && <RevokeModal token={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}
