import { Tooltip } from '@mantine/core';
import { cloneElement, type ReactElement } from 'react';
import type { Permission } from '../../electron/contract/permissions';
import { useCan } from '../api/usePermissions';

/**
 * Its child (a button) as it is when the role allows `permission`; otherwise disabled, with a tooltip naming the
 * missing permission. The span carries the tooltip because a disabled button gets no pointer or focus events.
 */
export function Permitted({ permission, children }: { permission: Permission; children: ReactElement<{ disabled?: boolean; tabIndex?: number }> }) {
  const { allowed, reason } = useCan(permission);
  if (allowed) return children;
  return (
    <Tooltip label={reason} withArrow multiline maw={320} events={{ hover: true, focus: true, touch: true }}>
      {/* Focusable so keyboard users reach the reason too; the tooltip describes it while open. */}
      <span style={{ display: 'inline-block' }} tabIndex={0}>
        {cloneElement(children, { disabled: true, tabIndex: -1 })}
      </span>
    </Tooltip>
  );
}
