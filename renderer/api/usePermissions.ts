import { useCallback, useMemo } from 'react';
import { type Permission, roleDoesNotAllow } from '../../electron/contract/permissions';
import { useQueryCall } from './useCall';

/**
 * Whether the signed-in person's role allows something, and if not, the sentence that says which permission is missing.
 * `allowed` is true until `auth.me` answers (screens do not flash disabled at every start, and the server refuses what
 * the role does not allow in any case); `granted` only once it has said so: for deciding whether to ask the server at all.
 */
export type Can = { allowed: boolean; granted: boolean; reason: string | null };

/** The signed-in person's permissions (`auth.me`), as a check. */
export function usePermissions(): (permission: Permission) => Can {
  const me = useQueryCall('auth.me', {}, { staleTime: 60_000 });
  const held = useMemo(() => (me.data ? new Set<Permission>(me.data.permissions) : null), [me.data]);
  return useCallback(
    (permission: Permission) => {
      const granted = held?.has(permission) ?? false;
      const allowed = held === null || granted;
      return { allowed, granted, reason: allowed ? null : `${roleDoesNotAllow(permission)}.` };
    },
    [held],
  );
}

/** One permission of the signed-in person: `{ allowed, granted, reason }`. */
export function useCan(permission: Permission): Can {
  return usePermissions()(permission);
}

/** True only once `auth.me` has said the role holds `permission`. */
export const useGranted = (permission: Permission): boolean => useCan(permission).granted;
