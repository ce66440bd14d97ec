import { servedOnOfficeNetwork } from './token';

const storageKey = 'hashdesk.session';

/** On the office network the session is in an HttpOnly cookie; this stands for it, so a refused call still drops it. */
const sessionInCookie = 'in-cookie';

/** The signed-in session's token for this tab (sessionStorage: gone when the tab closes, never shared with other tabs). */
export const readSession = (): string | null => (servedOnOfficeNetwork() ? sessionInCookie : sessionStorage.getItem(storageKey));

export function keepSession(token: string): void {
  if (!servedOnOfficeNetwork()) sessionStorage.setItem(storageKey, token);
}

const endedListeners = new Set<() => void>();

/** Forgets the session and tells the sign-in gate, which then asks the server why (idle, signed out…). */
export function dropSession(): void {
  sessionStorage.removeItem(storageKey);
  for (const listener of endedListeners) listener();
}

/** Called whenever the session is dropped (a refused call, the idle lock, signing out); returns the unsubscribe. */
export function onSessionDropped(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}
