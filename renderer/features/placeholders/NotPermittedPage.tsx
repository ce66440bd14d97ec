import { NotFound } from '../../components/NotFound';
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
