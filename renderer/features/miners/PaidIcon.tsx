import { Tooltip } from '@mantine/core';
import { IconUserDollar } from '@tabler/icons-react';

/** MoonOne's client icon: green when the miner is paid, red when it is unpaid. */
export function PaidIcon({ paid }: { paid: boolean }) {
  return (
    <Tooltip label={paid ? 'Paid: hosting for this miner is paid up' : 'Unpaid: hosting for this miner is not paid'} withArrow openDelay={300}>
      <span role="img" aria-label={paid ? 'paid' : 'unpaid'} style={{ display: 'inline-flex', flex: 'none' }}>
        <IconUserDollar size={16} stroke={1.8} color={paid ? 'var(--mantine-color-green-filled)' : 'var(--mantine-color-red-filled)'} />
      </span>
    </Tooltip>
  );
}
