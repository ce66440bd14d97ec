import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconNetwork, IconPlugConnectedX } from '@tabler/icons-react';
import type { OfficeLanStatus } from '../../../electron/contract/office-lan';

/** Whether this program serves the office network now, and why not; a setting changed since takes effect at the next start. */
export function OfficeLanStatusAlert({ status }: { status: OfficeLanStatus }) {
  const { running, setting } = status;
  if (running && 'url' in running)
    return (
      <Alert color="green" variant="light" icon={<IconNetwork size={18} />} title="Serving the office network">
        Browsers on other office computers open {running.url} and sign in.
      </Alert>
    );
  if (running && 'error' in running)
    return (
      <Alert color="red" variant="light" icon={<IconPlugConnectedX size={18} />} title="Not serving the office network" role="alert">
        {running.error}
      </Alert>
    );
  if (!window.api)
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} title="This page comes from npm run serve">
        The desktop app serves the office network with this setting. Under npm run serve, the options on its command line decide instead (see the README).
      </Alert>
    );
  return setting.enabled ? (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Not serving yet">
      Hashdesk serves the office network from its next start.
    </Alert>
  ) : null;
}
