import { Alert, Button, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupStatus } from '../../../electron/contract/backups';
import { useQueryCall } from '../../api/useCall';
import { backupTime } from './backup-time';
import { FinishRestore } from './BackupStatusAlerts';
import { RestoreModal, RestoreLimits } from './RestoreModal';
import { BackupList } from './BackupList';

function LatestBackup({ onRestore }: { onRestore: (file: string) => void }) {
  const backups = useQueryCall('backups.list', {});
  const latest = backups.data?.[0];
  if (!backups.data) return null;
  if (!latest) return <Text size="sm">There is no backup in the backup folder. If you keep one elsewhere, give its path below.</Text>;
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm">
        Latest backup: <b>{latest.name}</b>, made {backupTime(latest.madeAt)}.
      </Text>
      <Button color="red" onClick={() => onRestore(latest.file)}>
        Restore the latest backup…
      </Button>
    </Group>
  );
}

/** Shown instead of the app when the database failed its check at start: what SQLite found, and the backups to restore. */
export function DamagedDatabaseScreen({ status, onContinue }: { status: BackupStatus; onContinue: (() => void) | null }) {
  const [restoring, setRestoring] = useState<string | null>(null);
  const { health } = status;
  const unopenable = health.check === 'open';
  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={2}>{unopenable ? 'Hashdesk could not open its database' : 'Hashdesk found damage in its database'}</Title>
        <Alert color="red" icon={<IconAlertTriangle size={20} />} title="What SQLite reports" role="alert">
          <Stack gap={4}>
            {health.problems.map((problem) => (
              <Code key={problem} block>
                {problem}
              </Code>
            ))}
          </Stack>
        </Alert>
        <Text size="sm">
          {unopenable
            ? `The file ${status.dataFolder}/hashdesk.db was left exactly as it is. Restore a backup to go on working; the damaged file is kept as a safety copy first.`
            : 'Working on a damaged database can lose more data. Restore a backup: the damaged database is kept as a safety copy first, so nothing is thrown away.'}
        </Text>
        <FinishRestore status={status} />
        {!status.pendingRestore && <LatestBackup onRestore={setRestoring} />}
        <RestoreLimits />
        <BackupList folder={status.settings.folder} />
        {onContinue && (
          <Group>
            <Button variant="subtle" color="gray" onClick={onContinue}>
              Open Hashdesk anyway
            </Button>
          </Group>
        )}
      </Stack>
      {restoring && <RestoreModal file={restoring} onClose={() => setRestoring(null)} />}
    </Container>
  );
}
