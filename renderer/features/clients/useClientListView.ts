import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readListView, writeListView, type ClientListView } from './list-params';

/** The list view read from and written to the URL. Any change but paging goes back to page 1. */
export function useClientListView(): [ClientListView, (change: Partial<ClientListView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readListView(params), [params]);
  const update = useCallback(
    (change: Partial<ClientListView>) => setParams(writeListView({ ...view, page: 1, ...change }), { replace: true }),
    [view, setParams],
  );
  return [view, update];
}
