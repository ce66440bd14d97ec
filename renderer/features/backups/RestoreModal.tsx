import { Alert, Button, Code, Group, Loader, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { RestorePreview } from '../../../electron/contract/backups';
import type { Outcome } from '../../../electron/contract/errors';
import { invoke } from '../../api/client';
import { useCall } from '../../api/useCall';
import { formatBytes } from '../../components/files';
import { StatCard } from '../../components/StatCard';
import { backupTime } from './backup-time';
import { Permitted } from '../../components/Permitted';

const fileNameOf = (path: string) => path.split(/[\\/]/).at(-1) ?? path;

/** What a restored backup can and cannot open: said here and in the README's "Backups and restore". */
export function RestoreLimits() {
  return (
    <Text size="sm">
      A backup holds the whole database: clients with their documents and logo, miners, sites, contracts, invoices, payments, settings and the change log.
      Stored passwords (miner logins, the holding pool, SNMP communities) are sealed with this computer&apos;s key, which is not in the backup: they open on
      this computer, but a backup made on another computer needs them typed again in Settings. Telemetry since the backup was made is lost.
    </Text>
  );
}

function PreviewFacts({ preview }: { preview: RestorePreview }) {
  return (
    <Stack gap="sm">
      <Text size="sm">
        <b>{preview.name}</b> ({formatBytes(preview.sizeBytes)}), made {backupTime(preview.madeAt)}; last change recorded in it:{' '}
        {backupTime(preview.lastChangeAt)}.
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <StatCard label="Clients" value={preview.counts.clients.toLocaleString()} />
        <StatCard label="Miners" value={preview.counts.miners.toLocaleString()} />
        <StatCard label="Contracts" value={preview.counts.contracts.toLocaleString()} />
        <StatCard label="Invoices" value={preview.counts.invoices.toLocaleString()} />
        <StatCard label="Documents" value={preview.counts.documents.toLocaleString()} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Database schema {preview.schemaVersion} ({preview.schemaTag})
        {preview.upgradeSteps > 0
          ? `: it will be upgraded to this version's schema (${preview.upgradeSteps} steps) when it is opened.`
          : ', the same as this version.'}
      </Text>
    </Stack>
  );
}

/**
 * The backup's preview, read when the dialog opens. A refusal is this dialog's answer, shown in it; read as a
 * query it would also raise the app's "Could not load data" notice.
 */
function usePreview(file: string): Outcome<RestorePreview> | null {
  const [outcome, setOutcome] = useState<{ file: string; outcome: Outcome<RestorePreview> } | null>(null);
  useEffect(() => {
    let current = true;
    void invoke('backups.preview', { file }).then((answer) => current && setOutcome({ file, outcome: answer }));
    return () => {
      current = false;
    };
  }, [file]);
  return outcome?.file === file ? outcome.outcome : null;
}

/**
 * The restore dialog: what the backup holds, what it can open, and the safety copy made before it replaces the
 * database. The restore itself finishes when Hashdesk restarts.
 */
export function RestoreModal({ file, onClose }: { file: string; onClose: () => void }) {
  const preview = usePreview(file);
  const restore = useCall('backups.restore', { failureTitle: 'The restore was not started' });
  const confirm = async () => {
    const outcome = await restore.run({ file });
    if (!outcome.ok) return;
    notifications.show({
      color: 'yellow',
      title: 'Restart Hashdesk to finish the restore',
      message: `${outcome.value.name} replaces the database at the next start; the current one is saved first as ${fileNameOf(outcome.value.safetyCopy)}.`,
      autoClose: 12_000,
    });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Restore ${fileNameOf(file)}?`} size="lg">
      {!preview && <Loader aria-label="Reading the backup" />}
      {preview && !preview.ok && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="This file cannot be restored" role="alert">
          {preview.error.message}
        </Alert>
      )}
      {preview?.ok && (
        <Stack gap="md">
          <PreviewFacts preview={preview.value} />
          <RestoreLimits />
          <Alert color="yellow" title="The current database is replaced" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm">
              Everything changed since this backup was made is replaced. The current database is saved first, at the next start, as{' '}
              <Code>{fileNameOf(preview.value.safetyCopy)}</Code> in{' '}
              <Code>{preview.value.safetyCopy.slice(0, -fileNameOf(preview.value.safetyCopy).length - 1)}</Code>: restore that file to go back.
            </Text>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep the current database
            </Button>
            <Permitted procedure="backups.restore">
              <Button color="red" loading={restore.running} onClick={() => void confirm()}>
                Restore at the next start
              </Button>
            </Permitted>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
