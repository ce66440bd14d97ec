import { AppShell, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { UserMenu } from '../features/auth/UserMenu';
import { ColorSchemeToggle } from './ColorSchemeToggle';

/**
 * The bar across the top of the app and of the client view: the name, what this screen is, the screen's own buttons
 * (`actions`), the user menu and the light/dark switch.
 */
export function AppHeader({ subtitle, leading, actions }: { subtitle: string; leading?: ReactNode; actions?: ReactNode }) {
  return (
    <AppShell.Header>
      <Group h="100%" px="md" justify="space-between">
        <Group gap="sm">
          {leading}
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Title order={3}>Hashdesk</Title>
          <Text size="sm" c="dimmed" visibleFrom="md">
            {subtitle}
          </Text>
        </Group>
        <Group gap="xs">
          <UserMenu />
          {actions}
          <ColorSchemeToggle />
        </Group>
      </Group>
    </AppShell.Header>
  );
}
