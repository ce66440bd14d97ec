import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readListView, writeListView, type ClientListView } from './list-params';

/** The list view read from and written to the URL. Any change but paging goes back to page 1. */
export function useClientListView(): [ClientListView, (change: Partial<ClientListView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readListView(params), [params]);
  const update = useCallback(
    // Built from the URL as it is now, not as it was at render: two quick changes must not undo each other.
    (change: Partial<ClientListView>) =>
      setParams(() => writeListView({ ...readListView(new URLSearchParams(window.location.search)), page: 1, ...change }), { replace: true }),
    [setParams],
  );
  return [view, update];
}
