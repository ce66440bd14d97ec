import { Suspense, useState, type ReactNode } from 'react';
import { useQueryCall } from '../../api/useCall';
import { useGranted } from '../../api/usePermissions';
import { lazyNamed } from '../../components/lazyNamed';

// Seldom shown, and with the restore dialog and its forms behind it: a script of its own.
const DamagedDatabaseScreen = lazyNamed(() => import('./DamagedDatabaseScreen'), 'DamagedDatabaseScreen');

/** The app, unless the start found the database damaged: then the screen that offers the latest backup. */
export function DatabaseHealthGate({ children }: { children: ReactNode }) {
  // Asked of the facility's staff only (a client's viewer may not, and nobody before signing in: the sign-in gate
  // around this one unmounts it then), and asked again each second while the start's check still runs (a few
  // seconds on a large database).
  const staff = useGranted('signedIn');
  const status = useQueryCall(
    'backups.status',
    {},
    { enabled: staff, staleTime: Infinity, refetchInterval: (query) => (query.state.data?.health.state === 'checking' ? 1000 : false) },
  );
  const [goOn, setGoOn] = useState(false);
  if (!status.data || status.data.health.state !== 'damaged' || goOn) return children;
  return (
    <Suspense>
      <DamagedDatabaseScreen status={status.data} onContinue={status.data.health.check === 'open' ? null : () => setGoOn(true)} />
    </Suspense>
  );
}
