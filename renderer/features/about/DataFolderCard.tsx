import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCopy, IconFolderOpen } from '@tabler/icons-react';
import type { AppInfo } from '../../../electron/contract/app';
import { useCall } from '../../api/useCall';

/**
 * Where the database, logs, secrets key and documents live. The desktop window opens the folder in the OS file
 * manager (app.openDataFolder); a browser (serve, office network) cannot, so it offers the path to copy.
 */
export function DataFolderCard({ info }: { info: AppInfo }) {
  const open = useCall('app.openDataFolder', { failureTitle: 'The data folder did not open' });
  const opensHere = Boolean(window.api) && info.canOpenDataFolder;
  return (
    <Stack gap={6}>
      <Text fw={600}>Data folder</Text>
      <Text size="sm" c="dimmed" maw={720}>
        The database (with attached documents), the key that seals stored passwords, the logs, and the backups until another backup folder is chosen. To move
        Hashdesk to a new PC, make a backup in Settings › Backups and restore it there.
      </Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Code aria-label="Data folder path" style={{ wordBreak: 'break-all' }}>
          {info.dataFolder}
        </Code>
        {opensHere ? (
          <Button variant="light" leftSection={<IconFolderOpen size={16} />} loading={open.running} onClick={() => void open.run({})}>
            Open folder
          </Button>
        ) : (
          <CopyButton value={info.dataFolder}>
            {({ copied, copy }) => (
              <Button variant="light" leftSection={<IconCopy size={16} />} onClick={copy}>
                {copied ? 'Copied' : 'Copy path'}
              </Button>
            )}
          </CopyButton>
        )}
      </Group>
    </Stack>
  );
}
