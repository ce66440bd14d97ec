import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import type { AuthStatus } from '../../../electron/contract/auth';
import { invoke } from '../../api/client';
import { dropSession, onSessionDropped, readSession } from '../../api/session';
import { queryKeyOf, useQueryCall } from '../../api/useCall';
import { lazyNamed } from '../../components/lazyNamed';
import { useIdleLock } from './useIdleLock';

// Screens the staff's usual start (the desktop, or a tab already signed in) does not show: scripts of their own.
const ClientView = lazyNamed(() => import('../portal/ClientView'), 'ClientView');
const ChangePasswordScreen = lazyNamed(() => import('./ChangePasswordScreen'), 'ChangePasswordScreen');
const SignInScreen = lazyNamed(() => import('./SignInScreen'), 'SignInScreen');

const wholeScreenLoader = (
  <Center h="100vh">
    <Loader aria-label="Loading" />
  </Center>
);

/**
 * Shows the app, or the sign-in screen once the workstation has accounts and this tab has no live session, or the
 * password change a one-time password calls for, or a client's viewer's own client view. A workstation without
 * accounts stays open, as before.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const status = useQueryCall('auth.status', {}, { staleTime: Infinity });
  const [lockNotice, setLockNotice] = useState<string | null>(null);
  const { refetch } = status;

  // Whoever signs in next must not see the last person's data from the cache.
  useEffect(() => onSessionDropped(() => queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth.status' })), [queryClient]);
  // The sign-in screen replaces the app at once, before the server has said why: what the app had mounted (the
  // database health check's polling among it) must not go on calling under the next person's session.
  useEffect(
    () =>
      onSessionDropped(() => {
        queryClient.setQueryData<AuthStatus>(
          queryKeyOf('auth.status', {}),
          (known) => known && { ...known, signedIn: false, user: null, mustChangePassword: false },
        );
        void refetch();
      }),
    [queryClient, refetch],
  );

  const signedIn = status.data?.signedIn ?? false;
  const lockIdle = useCallback(() => {
    const minutes = status.data?.idleLockMinutes ?? 0;
    void invoke('auth.signOut', {}).finally(() => {
      setLockNotice(`Your session was locked after ${minutes} minute${minutes === 1 ? '' : 's'} without activity; sign in again.`);
      dropSession();
    });
  }, [status.data?.idleLockMinutes]);
  useIdleLock(signedIn && readSession() ? (status.data?.idleLockMinutes ?? null) : null, lockIdle);

  if (!status.data) return wholeScreenLoader;
  const { accountsExist, sessionNotice, mustChangePassword, user } = status.data;
  let screen = children;
  if (accountsExist && !signedIn) screen = <SignInScreen notice={lockNotice ?? sessionNotice} onSignedIn={() => setLockNotice(null)} />;
  else if (mustChangePassword) screen = <ChangePasswordScreen name={user?.name ?? ''} />;
  // A client's own viewer sees their client's view, never the facility's app.
  else if (user?.client) screen = <ClientView />;
  return <Suspense fallback={wholeScreenLoader}>{screen}</Suspense>;
}
