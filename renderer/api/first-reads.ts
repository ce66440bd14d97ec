import type { QueryClient } from '@tanstack/react-query';
import type { CallName, Input } from '../../electron/contract';
import { routeAt } from '../routes';
import { invokeOrThrow } from './client';
import { queryKeyOf } from './useCall';

/** A read that can be asked with no input, as a page's first screen asks it. */
export type ParameterlessRead = { [K in CallName]: Record<never, never> extends Input<K> ? K : never }[CallName];

/**
 * Starts what the page at the start address waits for, at once and side by side: its script and its first reads,
 * while the sign-in check is still on its way. Without this they come one after the other (sign-in check, then
 * the page's script, then its reads), which made the dashboard's first paint wait for three round trips.
 * A read refused here (not signed in yet, or a role without it) stays quiet: the page asks again when it shows and
 * says why there, or the sign-in screen does.
 */
export function startFirstScreen(queryClient: QueryClient, pathname: string): void {
  const route = routeAt(pathname);
  if (!route) return;
  route.page.preload();
  for (const name of route.firstReads ?? []) {
    void queryClient.prefetchQuery({
      queryKey: queryKeyOf(name, {} as Input<typeof name>),
      queryFn: () => invokeOrThrow(name, {} as Input<typeof name>),
      meta: { askedAhead: true },
    });
  }
}
