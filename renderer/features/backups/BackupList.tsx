import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { BackupFile, BackupKind } from '../../../electron/contract/backups';
import { useQueryCall } from '../../api/useCall';
import { formatBytes } from '../../components/files';
import { backupTime } from './backup-time';
import { RestoreModal } from './RestoreModal';
import { Permitted } from '../../components/Permitted';

export const backupKindLabels: Record<BackupKind, { label: string; color: string }> = {
  manual: { label: 'By hand', color: 'blue' },
  daily: { label: 'Daily', color: 'teal' },
  'before-restore': { label: 'Before a restore', color: 'orange' },
  'before-upgrade': { label: 'Before an upgrade', color: 'grape' },
};

function BackupRow({ backup, onRestore }: { backup: BackupFile; onRestore: () => void }) {
  const kind = backupKindLabels[backup.kind];
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{backupTime(backup.madeAt)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={kind.color}>
          {kind.label}
        </Badge>
      </Table.Td>
      <Table.Td style={{ wordBreak: 'break-all' }}>{backup.name}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{backup.version}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>{formatBytes(backup.sizeBytes)}</Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>
        <Permitted procedure="backups.restore">
          <Button size="compact-sm" variant="light" onClick={onRestore} aria-label={`Restore ${backup.name}`}>
            Restore…
          </Button>
        </Permitted>
      </Table.Td>
    </Table.Tr>
  );
}

/** The backups in the folder, newest first, each with its restore dialog; and a restore from any other file by its path. */
export function BackupList({ folder }: { folder: string }) {
  const backups = useQueryCall('backups.list', {});
  const [restoring, setRestoring] = useState<string | null>(null);
  const [otherFile, setOtherFile] = useState('');
  return (
    <Stack gap="md">
      {backups.data && backups.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No backups in {folder} yet.
        </Text>
      )}
      {backups.data && backups.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="xs" fz="sm" aria-label="Backups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Made</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Size</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.data.map((backup) => (
                <BackupRow key={backup.file} backup={backup} onRestore={() => setRestoring(backup.file)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group align="flex-end" maw={760} wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label="Restore another file"
          description="The full path of a backup elsewhere: a USB drive, or a file brought from another computer."
          placeholder="/media/usb/hashdesk-2026-12-04-0930-v0.1.0.sqlite"
          value={otherFile}
          onChange={(event) => setOtherFile(event.currentTarget.value)}
        />
        <Permitted procedure="backups.restore">
          <Button variant="default" disabled={otherFile.trim() === ''} onClick={() => setRestoring(otherFile.trim())}>
            Check file
          </Button>
        </Permitted>
      </Group>
      {restoring && <RestoreModal file={restoring} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}
