import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconRestore } from '@tabler/icons-react';
import type { BackupStatus } from '../../../electron/contract/backups';
import { useCall } from '../../api/useCall';
import { backupTime } from './backup-time';
import { Permitted } from '../../components/Permitted';

/** The restart that finishes a restore: the desktop app restarts itself; `npm run serve` is restarted by whoever started it. */
export function FinishRestore({ status }: { status: BackupStatus }) {
  const restart = useCall('backups.restart', { failureTitle: 'Hashdesk did not restart' });
  const cancel = useCall('backups.restore.cancel', { failureTitle: 'The restore was not cancelled' });
  const pending = status.pendingRestore;
  if (!pending) return null;
  return (
    <Alert color="yellow" icon={<IconRestore size={18} />} title="Restart Hashdesk to finish the restore" role="status">
      <Stack gap="xs">
        <Text size="sm">
          <b>{pending.name}</b> replaces the database when Hashdesk next starts. The current database is saved first as <Code>{pending.safetyCopy}</Code>.
          {status.canRestart ? '' : ' Stop npm run serve (Ctrl+C) and start it again.'}
        </Text>
        <Group gap="xs">
          {status.canRestart && (
            <Permitted procedure="backups.restart">
              <Button size="xs" color="yellow" loading={restart.running} onClick={() => void restart.run({})}>
                Restart now
              </Button>
            </Permitted>
          )}
          <Permitted procedure="backups.restore.cancel">
            <Button size="xs" variant="default" loading={cancel.running} onClick={() => void cancel.run({})}>
              Cancel the restore
            </Button>
          </Permitted>
        </Group>
      </Stack>
    </Alert>
  );
}

/** What happened lately: a restore finished at this start, a daily backup that failed (with SQLite's or the disk's reason). */
export function BackupStatusAlerts({ status }: { status: BackupStatus }) {
  const restored = status.restoredAtStart;
  const failure = status.lastDailyFailure;
  return (
    <>
      <FinishRestore status={status} />
      {restored?.ok && (
        <Alert color="green" icon={<IconCircleCheck size={18} />} title="The backup was restored at this start">
          <Text size="sm">
            The database now comes from <Code>{restored.from}</Code>.
            {restored.safetyCopy && (
              <>
                {' '}
                The one it replaced was saved as <Code>{restored.safetyCopy}</Code>.
              </>
            )}
          </Text>
        </Alert>
      )}
      {restored && !restored.ok && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="The restore did not happen" role="alert">
          <Text size="sm">{restored.error} The database was left as it was.</Text>
        </Alert>
      )}
      {failure && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="The daily backup failed" role="alert">
          <Text size="sm">
            {backupTime(failure.at)}: {failure.error} It is tried again every hour; check the folder below, or make a backup by hand.
          </Text>
        </Alert>
      )}
    </>
  );
}
