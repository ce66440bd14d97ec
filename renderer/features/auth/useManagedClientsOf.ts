import { useQueryCall } from '../../api/useCall';

/** The signed-in person's staff id when their role sees only the clients they manage; null when they see every client. */
export function useManagedClientsOf(): number | null {
  const status = useQueryCall('auth.status', {}, { staleTime: Infinity });
  return status.data?.user?.managedClientsOf ?? null;
}

/** The sentence every screen shows a person whose role sees only their own clients. */
export const onlyManagedClientsSentence = 'You see only the clients you manage.';

/** The sentence of the fleet's pages (miners, alerts, the dashboard's figures) for such a person. */
export const fleetInSightSentence = 'You see the miners of the clients you manage and the facility’s own.';

/** A page's description, followed by `sentence` for a person whose role sees only their own clients. */
export function useScopedDescription(description: string, sentence = onlyManagedClientsSentence): string {
  return useManagedClientsOf() === null ? description : `${description} ${sentence}`;
}
