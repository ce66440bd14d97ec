import { Tooltip } from '@mantine/core';
import { IconUserDollar } from '@tabler/icons-react';
import type { ComponentPropsWithRef } from 'react';

/** What the paid mark means, shown on hover. */
export const paidSentence = (paid: boolean) => (paid ? 'Paid: hosting for this miner is paid up' : 'Unpaid: hosting for this miner is not paid');

/** MoonOne's client icon: green when the miner is paid, red when it is unpaid (a list of many gives it a DelegatedTooltip). */
export function PaidMark({ paid, ...others }: { paid: boolean } & ComponentPropsWithRef<'span'>) {
  return (
    <span role="img" aria-label={paid ? 'paid' : 'unpaid'} style={{ display: 'inline-flex', flex: 'none' }} {...others}>
      <IconUserDollar size={16} stroke={1.8} color={paid ? 'var(--mantine-color-green-filled)' : 'var(--mantine-color-red-filled)'} />
    </span>
  );
}

/** The paid mark with its own tooltip. */
export function PaidIcon({ paid }: { paid: boolean }) {
  return (
    <Tooltip label={paidSentence(paid)} withArrow openDelay={300}>
      <PaidMark paid={paid} />
    </Tooltip>
  );
}
