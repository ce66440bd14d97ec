import { Group, Kbd, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { acceleratorOn, appCommands, type AppCommand, type AppCommandSection } from '../../../electron/contract/app-commands';
import { usePermissions } from '../../api/usePermissions';
import { permissionToOpen } from './run-app-command';
import { acceleratorLabel, onMac } from './shortcut-labels';

const sections: AppCommandSection[] = ['Go to', 'On any page', 'Help'];

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {keys.map((key, index) => (
        <Fragment key={index}>
          {index > 0 && (
            <Text span size="xs" c="dimmed">
              then
            </Text>
          )}
          <Kbd>{key}</Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

/** One section: each command with its keys and, in the desktop app, its menu shortcut. */
function SectionTable({ title, commands, desktop, mac }: { title: string; commands: AppCommand[]; desktop: boolean; mac: boolean }) {
  return (
    <Stack gap={6}>
      <Title order={5}>{title}</Title>
      <Table verticalSpacing={4} horizontalSpacing="xs" aria-label={title}>
        {desktop && (
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Keys</Table.Th>
              <Table.Th>Menu</Table.Th>
            </Table.Tr>
          </Table.Thead>
        )}
        <Table.Tbody>
          {commands.map((command) => {
            const accelerator = desktop ? acceleratorOn(command, mac) : undefined;
            return (
              <Table.Tr key={command.id}>
                <Table.Td>{command.label}</Table.Td>
                <Table.Td>{command.keys && <Keys keys={command.keys} />}</Table.Td>
                {desktop && <Table.Td>{accelerator && <Kbd>{acceleratorLabel(accelerator, mac)}</Kbd>}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * Help › Keyboard shortcuts (or "?"): every command of the app with its keys, the pages limited to those the role can
 * open. The desktop app adds the menu's shortcuts; in a browser only the typed keys are listed, since a browser keeps
 * Ctrl+1…9 and Ctrl+F for itself.
 */
export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const can = usePermissions();
  const desktop = Boolean(window.api);
  const mac = onMac();
  const shown = appCommands.filter((command) => {
    const permission = permissionToOpen(command);
    return (!permission || can(permission).allowed) && (command.keys || desktop);
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="xl" centered>
      <Text size="sm" c="dimmed" mb="md">
        Type the keys anywhere outside a field: <Kbd>g</Kbd> then <Kbd>c</Kbd> opens Clients. Esc closes a dialog.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <SectionTable title="Go to" commands={shown.filter((command) => command.section === 'Go to')} desktop={desktop} mac={mac} />
        <Stack gap="lg">
          {sections.slice(1).map((section) => (
            <SectionTable key={section} title={section} commands={shown.filter((command) => command.section === section)} desktop={desktop} mac={mac} />
          ))}
        </Stack>
      </SimpleGrid>
      {!desktop && (
        <Text size="xs" c="dimmed" mt="md">
          The desktop app&apos;s menus add Ctrl+1…9 for the first nine pages and shortcuts of their own for search, New…, Back and Forward (⌘ on a Mac): a
          browser keeps those keys for itself.
        </Text>
      )}
    </Modal>
  );
}
