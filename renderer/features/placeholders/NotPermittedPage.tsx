import type { ReactNode } from 'react';
import type { CallName } from '../../../electron/contract';
import { useCanCall } from '../../api/usePermissions';
import { NotFound, type WayBack } from '../../components/NotFound';
import type { AppRoute } from '../../routes';

/** A page the signed-in person's role does not open (reached by an old link or a typed address), saying which permission is missing. */
export function NotPermittedPage({ reason, firstAllowed }: { reason: string | null; firstAllowed: AppRoute | undefined }) {
  return (
    <NotFound
      title="Not open to your role"
      text={`${reason ?? 'Your role does not allow this page.'} An administrator can change your role in Settings.`}
      back={firstAllowed ? { label: `Go to ${firstAllowed.label}`, to: firstAllowed.path } : { label: 'Reload', onClick: () => window.location.reload() }}
    />
  );
}

/**
 * A page whose only purpose is a change the role may not make (an editor reached by a typed address or an old link):
 * the page itself, or the sentence naming the missing permission with the way back.
 */
export function PermittedPage({ procedure, back, children }: { procedure: CallName; back: WayBack; children: ReactNode }) {
  const { allowed, reason } = useCanCall(procedure);
  if (allowed) return children;
  return <NotFound title="Not open to your role" text={`${reason} An administrator can change your role in Settings.`} back={back} />;
}

/** A route's element behind PermittedPage: `element={onlyIfPermitted('clients.create', back, <NewClientPage />)}`. */
export const onlyIfPermitted = (procedure: CallName, back: WayBack, page: ReactNode) => (
  <PermittedPage procedure={procedure} back={back}>
    {page}
  </PermittedPage>
);
