import { Button, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport } from '@tabler/icons-react';
import type { BackupStatus } from '../../../electron/contract/backups';
import { useCall, useQueryCall } from '../../api/useCall';
import { formatBytes } from '../../components/files';
import { SectionHeader } from '../../components/SectionHeader';
import { backupTime } from './backup-time';
import { BackupList } from './BackupList';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupStatusAlerts } from './BackupStatusAlerts';
import { SettingsTransfer } from './SettingsTransfer';
import { Permitted } from '../../components/Permitted';

function LastBackup({ status }: { status: BackupStatus }) {
  const last = status.lastRun;
  if (!last) return <Text size="sm">No backup has been made yet.</Text>;
  return (
    <Text size="sm">
      {last.ok
        ? `Last backup ${backupTime(last.at)}: ${last.file?.split(/[\\/]/).at(-1) ?? ''}`
        : `The last backup, ${backupTime(last.at)}, failed: ${last.error}`}
    </Text>
  );
}

/** Settings › Backups: back up now, where and how often, the backups made and their restore, and the settings file. */
export function BackupsTab() {
  const status = useQueryCall('backups.status', {});
  const create = useCall('backups.create', { failureTitle: 'The backup was not made' });
  const backUp = async () => {
    const outcome = await create.run({});
    if (outcome.ok) notifications.show({ color: 'green', title: 'Backup made', message: `${outcome.value.name} (${formatBytes(outcome.value.sizeBytes)})` });
  };
  if (!status.data) return <Loader />;
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <SectionHeader
          title="Backups"
          description={`A backup is a copy of the whole database, made while you work. The database itself lives in ${status.data.dataFolder}.`}
          action={
            <Permitted procedure="backups.create">
              <Button leftSection={<IconDatabaseExport size={16} />} loading={create.running} onClick={() => void backUp()}>
                Back up now
              </Button>
            </Permitted>
          }
        />
        <BackupStatusAlerts status={status.data} />
        <LastBackup status={status.data} />
      </Stack>
      <div>
        <SectionHeader title="Where and how often" description="Daily backups are kept for as many days as you choose; the rest stay until you delete them." />
        <BackupSettingsForm key={JSON.stringify(status.data.settings)} status={status.data} />
      </div>
      <div>
        <SectionHeader
          title="Backups in the folder"
          description="Restore replaces the whole database with the backup when Hashdesk next starts, after saving the current one as a safety copy."
        />
        <BackupList folder={status.data.settings.folder} />
      </div>
      <SettingsTransfer />
    </Stack>
  );
}
