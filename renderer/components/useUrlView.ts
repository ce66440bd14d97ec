import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A page's view (filters, sort, page, open drawer) kept in the address, so it can be bookmarked,
 * shared and reloaded. `merge` says how a change combines with the view shown (e.g. back to page 1).
 * The view is the one this render shows: main.tsx commits every navigation at once, so it is never
 * older than the address when the next change arrives.
 */
export function useUrlView<View>(
  read: (params: URLSearchParams) => View,
  write: (view: View) => URLSearchParams,
  merge: (now: View, change: Partial<View>) => View,
): [View, (change: Partial<View>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => read(params), [read, params]);
  const update = useCallback((change: Partial<View>) => setParams(write(merge(view, change)), { replace: true }), [setParams, write, merge, view]);
  return [view, update];
}
