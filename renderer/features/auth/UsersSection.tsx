import { Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { IconDots, IconKey, IconLock, IconLockOpen, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { PasswordReset, UserAccount } from '../../../electron/contract/auth';
import { useCall, useQueryCall } from '../../api/useCall';
import { PermittedMenuItem } from '../../components/Permitted';
import { noWrap, RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { useDates } from '../../components/useDates';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { SetLoginModal } from './SetLoginModal';

const columns = [
  { label: 'Name' },
  { label: 'Login' },
  { label: 'Role' },
  { label: 'Last sign-in', width: 170 },
  { label: 'Status', width: 190 },
  { label: 'Actions', width: 80, align: 'right' as const },
];

function StatusBadge({ user, dateTime }: { user: UserAccount; dateTime: (iso: string | null) => string }) {
  if (!user.active) return <Badge color="gray">Inactive staff</Badge>;
  if (!user.login) return <Text c="dimmed">No login</Text>;
  if (!user.loginEnabled) return <Badge color="gray">Login disabled</Badge>;
  if (user.lockedUntil) return <Badge color="red">Locked until {dateTime(user.lockedUntil).split(', ').at(-1)}</Badge>;
  if (user.mustChangePassword) return <Badge color="yellow">Must change password</Badge>;
  return <Badge color="green">Can sign in</Badge>;
}

/** Staff members with their logins: give one, change a role, reset a password, disable a login. */
export function UsersSection() {
  const users = useQueryCall('users.list', {});
  const { dateTime } = useDates();
  const [setting, setSetting] = useState<UserAccount | null>(null);
  const [reset, setReset] = useState<PasswordReset | null>(null);
  const resetPassword = useCall('users.resetPassword', { failureTitle: 'The password was not reset' });
  const disable = useCall('users.disableLogin', { failureTitle: 'The login was not disabled' });
  const enable = useCall('users.enableLogin', { failureTitle: 'The login was not enabled' });
  const rows = users.data?.map((user) => ({ ...user, id: user.staffId }));

  return (
    <div>
      <SectionHeader
        title="Users"
        description="Staff members who may sign in. Give a login and a role here; add people on the Staff tab first. A reset gives a one-time password the person must change when they next sign in."
      />
      <RecordsTable
        label="Users"
        columns={columns}
        loading={users.isLoading}
        rows={rows}
        empty="No staff yet. Add people on the Staff tab, then give them logins here."
      >
        {(user) => (
          <Table.Tr>
            <Table.Td fw={500}>{user.name}</Table.Td>
            <Table.Td>{user.login ?? <Text c="dimmed">—</Text>}</Table.Td>
            <Table.Td>{user.roleLabel ?? <Text c="dimmed">—</Text>}</Table.Td>
            <Table.Td style={noWrap}>{dateTime(user.lastSignInAt)}</Table.Td>
            <Table.Td>
              <StatusBadge user={user} dateTime={dateTime} />
            </Table.Td>
            <Table.Td ta="right">
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="subtle" size="compact-sm" aria-label={`Login actions for ${user.name}`}>
                    <IconDots size={16} />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconUserPlus size={16} />} disabled={!user.active} onClick={() => setSetting(user)}>
                    {user.login ? 'Change login or role…' : 'Give a login…'}
                  </Menu.Item>
                  {user.login && (
                    <>
                      <PermittedMenuItem
                        procedure="users.resetPassword"
                        leftSection={<IconKey size={16} />}
                        onClick={async () => {
                          const outcome = await resetPassword.run({ staffId: user.staffId });
                          if (outcome.ok) setReset(outcome.value);
                        }}
                      >
                        Reset password
                      </PermittedMenuItem>
                      {user.loginEnabled ? (
                        <PermittedMenuItem
                          procedure="users.disableLogin"
                          leftSection={<IconLock size={16} />}
                          color="red"
                          onClick={() => void disable.run({ staffId: user.staffId })}
                        >
                          Disable login
                        </PermittedMenuItem>
                      ) : (
                        <PermittedMenuItem
                          procedure="users.enableLogin"
                          leftSection={<IconLockOpen size={16} />}
                          onClick={() => void enable.run({ staffId: user.staffId })}
                        >
                          Enable login
                        </PermittedMenuItem>
                      )}
                    </>
                  )}
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      <Group mt="xs">
        <Text size="xs" c="dimmed">
          Disabling a login or resetting a password ends that person&apos;s sessions at once.
        </Text>
      </Group>
      {setting && <SetLoginModal user={setting} onClose={() => setSetting(null)} />}
      {reset && <OneTimePasswordModal reset={reset} onClose={() => setReset(null)} />}
    </div>
  );
}
