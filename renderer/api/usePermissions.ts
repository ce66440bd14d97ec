import { useCallback, useMemo } from 'react';
import type { CallName } from '../../electron/contract';
import type { Permission } from '../../electron/contract/permissions';
import { type Can, checkCalls, checkPermission } from './permission-check';
import { useQueryCall } from './useCall';

export type { Can } from './permission-check';

/** The signed-in person's permissions (`auth.me`), or null until it answers. */
function useHeldPermissions(): ReadonlySet<Permission> | null {
  const me = useQueryCall('auth.me', {}, { staleTime: 60_000 });
  return useMemo(() => (me.data ? new Set<Permission>(me.data.permissions) : null), [me.data]);
}

/** The signed-in person's permissions (`auth.me`), as a check: for page-level decisions. */
export function usePermissions(): (permission: Permission) => Can {
  const held = useHeldPermissions();
  return useCallback((permission: Permission) => checkPermission(held, permission), [held]);
}

/**
 * The same check by the procedure an action triggers (or every procedure it triggers, in a list): the permission comes
 * from the contract's procedurePermissions.
 */
export function useCallPermissions(): (procedure: CallName | readonly CallName[]) => Can {
  const held = useHeldPermissions();
  return useCallback((procedure: CallName | readonly CallName[]) => checkCalls(held, [procedure].flat()), [held]);
}

/** One permission of the signed-in person: `{ allowed, granted, reason }`. */
export function useCan(permission: Permission): Can {
  return usePermissions()(permission);
}

/** Whether the signed-in person may call `procedure` (every one, for a list), by the permission the contract declares for it. */
export function useCanCall(procedure: CallName | readonly CallName[]): Can {
  return useCallPermissions()(procedure);
}

/** True only once `auth.me` has said the role holds `permission`. */
export const useGranted = (permission: Permission): boolean => useCan(permission).granted;
