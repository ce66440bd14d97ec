import { useCallback, useMemo } from 'react';
import { type Permission, roleDoesNotAllow } from '../../electron/contract/permissions';
import { useQueryCall } from './useCall';

/** Whether the signed-in person's role allows something, and if not, the sentence that says which permission is missing. */
export type Can = { allowed: boolean; reason: string | null };

/**
 * The signed-in person's permissions (`auth.me`), as a check. Until they arrive everything counts as allowed: screens
 * do not flash disabled at every start, and the server refuses what the role does not allow in any case.
 */
export function usePermissions(): (permission: Permission) => Can {
  const me = useQueryCall('auth.me', {}, { staleTime: 60_000 });
  const granted = useMemo(() => (me.data ? new Set<Permission>(me.data.permissions) : null), [me.data]);
  return useCallback(
    (permission: Permission) => {
      const allowed = granted === null || granted.has(permission);
      return { allowed, reason: allowed ? null : `${roleDoesNotAllow(permission)}.` };
    },
    [granted],
  );
}

/** One permission of the signed-in person: `{ allowed, reason }`. */
export function useCan(permission: Permission): Can {
  return usePermissions()(permission);
}

/** True only once `auth.me` has said the role holds `permission`: for deciding whether to ask the server at all. */
export function useGranted(permission: Permission): boolean {
  const me = useQueryCall('auth.me', {}, { staleTime: 60_000 });
  return me.data?.permissions.includes(permission) ?? false;
}
