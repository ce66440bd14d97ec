import { useQueryCall } from '../../api/useCall';

/** The signed-in person's staff id when their role sees only the clients they manage; null when they see every client. */
export function useManagedClientsOf(): number | null {
  const status = useQueryCall('auth.status', {}, { staleTime: Infinity });
  return status.data?.user?.managedClientsOf ?? null;
}

/** The sentence every screen shows a person whose role sees only their own clients. */
export const onlyManagedClientsSentence = 'You see only the clients you manage.';
