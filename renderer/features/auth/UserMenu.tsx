import { Button, Loader, Menu, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Suspense, useState } from 'react';
import { invoke } from '../../api/client';
import { dropSession } from '../../api/session';
import { useQueryCall } from '../../api/useCall';
import { lazyNamed } from '../../components/lazyNamed';

const ChangePasswordForm = lazyNamed(() => import('./ChangePasswordForm'), 'ChangePasswordForm');

/** The signed-in person, with Change password and Sign out; nothing on a workstation without accounts. */
export function UserMenu() {
  const status = useQueryCall('auth.status', {}, { staleTime: Infinity });
  const [changing, setChanging] = useState(false);
  const user = status.data?.user;
  if (!user) return null;
  const signOut = () => void invoke('auth.signOut', {}).finally(dropSession);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="subtle" color="gray" leftSection={<IconUserCircle size={18} />} aria-label={`Signed in as ${user.name}`}>
            {user.name}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {user.login} · {user.roleLabel}
          </Menu.Label>
          {user.managedClientsOf !== null && <Menu.Label>You see only the clients you manage.</Menu.Label>}
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChanging(true)}>
            Change password
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {changing && (
        <Modal opened onClose={() => setChanging(false)} title="Change your password" centered>
          <Text size="sm" c="dimmed" mb="sm">
            Your other sessions end; this one stays signed in.
          </Text>
          <Suspense fallback={<Loader aria-label="Loading the form" />}>
            <ChangePasswordForm
              currentLabel="Current password"
              onCancel={() => setChanging(false)}
              onDone={() => {
                setChanging(false);
                notifications.show({ color: 'green', title: 'Password changed', message: 'Use the new password from now on.' });
              }}
            />
          </Suspense>
        </Modal>
      )}
    </>
  );
}
