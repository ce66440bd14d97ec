import { Alert, Stack, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldExclamation } from '@tabler/icons-react';
import { lanSpaceText } from '../../../electron/contract/ip-ranges';
import type { Settings } from '../../../electron/contract/settings';
import { useCall, useQueryCall } from '../../api/useCall';
import { SectionHeader } from '../../components/SectionHeader';
import { PermittedFields } from '../../components/Permitted';

/** Where discovery may scan, and a warning when stored passwords are kept under Linux's fixed-key fallback. */
export function SecuritySettings({ settings }: { settings: Settings }) {
  const info = useQueryCall('app.info', {});
  const setScanning = useCall('settings.scanning.update', { failureTitle: 'The scan setting was not changed' });
  const toggle = async (allow: boolean) => {
    const outcome = await setScanning.run({ allowPublicScanRanges: allow });
    if (outcome.ok)
      notifications.show({
        color: allow ? 'yellow' : 'green',
        title: allow ? 'Public scan ranges allowed' : 'Scans stay on the LAN',
        message: allow ? 'Discovery may now scan public addresses too. The change is in the audit log.' : 'Discovery scans LAN space only.',
      });
  };
  return (
    <Stack gap="sm" maw={760} mt="xl">
      <SectionHeader title="Network and security" description="Where discovery may look for miners, and how stored passwords are protected." />
      {info.data?.keyStorage === 'basic_text' && (
        <Alert color="yellow" icon={<IconShieldExclamation size={18} />} title="Stored passwords are not protected by a keyring" role="alert">
          This Linux desktop offers no keyring (GNOME Keyring or KWallet), so the key that seals miner, pool and SNMP passwords is kept with a fixed, built-in
          key (Electron&apos;s &quot;basic_text&quot; store). Anyone who can copy the data folder can open those passwords. Set up a keyring, or keep the data
          folder on an encrypted disk.
        </Alert>
      )}
      <PermittedFields procedure="settings.scanning.update">
        <Switch
          label="Allow public scan ranges"
          description={`Off: discovery scans ${lanSpaceText} space only. Turn on only to scan miners with public addresses you manage.`}
          checked={settings.allowPublicScanRanges}
          disabled={setScanning.running}
          onChange={(event) => void toggle(event.currentTarget.checked)}
        />
      </PermittedFields>
    </Stack>
  );
}
