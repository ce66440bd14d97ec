import { Button, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';

const supported = typeof window !== 'undefined' && 'Notification' in window;

/** Asks for permission to show desktop notifications: only when pressed, never on load. */
export function DesktopNotificationsButton() {
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(supported ? Notification.permission : 'unsupported');
  if (permission === 'granted')
    return (
      <Text size="sm" c="dimmed">
        Desktop notifications are on
      </Text>
    );
  if (permission === 'unsupported' || permission === 'denied')
    return (
      <Text size="sm" c="dimmed">
        {permission === 'denied' ? 'Desktop notifications are blocked for this page' : 'This browser cannot show desktop notifications'}
      </Text>
    );
  return (
    <Button variant="default" leftSection={<IconBell size={16} />} onClick={() => void Notification.requestPermission().then(setPermission)}>
      Turn on desktop notifications
    </Button>
  );
}
