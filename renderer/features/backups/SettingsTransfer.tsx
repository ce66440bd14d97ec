import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { maxSettingsFileChars } from '../../../electron/contract/backups';
import { useCall } from '../../api/useCall';
import { downloadText } from '../../components/files';
import { SectionHeader } from '../../components/SectionHeader';
import { Permitted } from '../../components/Permitted';

/** Settings › Backups: the settings as a JSON file, to set up a second office or start over with the same settings. */
export function SettingsTransfer() {
  const exportSettings = useCall('settings.export', { failureTitle: 'The settings were not exported' });
  const importSettings = useCall('settings.import', { failureTitle: 'The settings were not imported' });
  const save = async () => {
    const outcome = await exportSettings.run({});
    if (outcome.ok) downloadText(outcome.value.json, 'application/json', outcome.value.fileName);
  };
  const load = async (file: File | null) => {
    if (!file) return;
    if (file.size > maxSettingsFileChars) {
      notifications.show({ color: 'red', title: 'The settings were not imported', message: `${file.name} is larger than 2 MB: it is not a settings file.` });
      return;
    }
    const outcome = await importSettings.run({ json: await file.text() });
    if (outcome.ok)
      notifications.show({
        color: 'green',
        title: 'Settings imported',
        message: `From ${file.name}: ${outcome.value.imported.join(', ')}. The change log records it.`,
      });
  };
  return (
    <Stack gap="sm" maw={760}>
      <SectionHeader
        title="Settings file"
        description="The organisation, taxes, invoice and contract prefixes, logo, scan setting, telemetry and alert rules as one JSON file. Stored passwords are never in it."
      />
      <Group>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={exportSettings.running} onClick={() => void save()}>
          Export settings
        </Button>
        <FileButton accept="application/json,.json" onChange={(file) => void load(file)}>
          {(props) => (
            <Permitted procedure="settings.import">
              <Button variant="default" leftSection={<IconUpload size={16} />} loading={importSettings.running} {...props}>
                Import settings…
              </Button>
            </Permitted>
          )}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        Importing replaces these settings at once (each change is in the change log); a file with a wrong value changes nothing.
      </Text>
    </Stack>
  );
}
