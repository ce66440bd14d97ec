import { Code, Divider, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import appLicence from '../../../LICENSE?raw';
import { useQueryCall } from '../../api/useCall';
import { DataFolderCard } from './DataFolderCard';
import { ThirdPartyNotices } from './ThirdPartyNotices';

/** Settings › About: what this copy of Hashdesk is, where its data lives, its licence and the open-source packages it ships. */
export function AboutTab() {
  const info = useQueryCall('app.info', {});
  if (!info.data) return <Loader />;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm" align="baseline">
          <Title order={3}>Hashdesk</Title>
          <Text c="dimmed" aria-label="Version">
            Version {info.data.version}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" maw={720}>
          Offline hosting management for bitcoin-mining facilities. It needs no internet connection and sends nothing anywhere but the devices and mail server
          you configure.
        </Text>
      </Stack>
      <DataFolderCard info={info.data} />
      <Divider />
      <Stack gap={6}>
        <Text fw={600}>Licence</Text>
        <ScrollArea.Autosize mah={220} type="auto">
          <Code block aria-label="Hashdesk licence">
            {appLicence.trim()}
          </Code>
        </ScrollArea.Autosize>
      </Stack>
      <Divider />
      <ThirdPartyNotices />
    </Stack>
  );
}
