import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readAlertView, writeAlertView, type AlertView } from './alert-params';

/** The alert list view read from and written to the URL; any change but paging goes back to page 1. */
export function useAlertView(): [AlertView, (change: Partial<AlertView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readAlertView(params), [params]);
  const update = useCallback(
    (change: Partial<AlertView>) => {
      const now = readAlertView(new URLSearchParams(window.location.search));
      setParams(() => writeAlertView({ ...now, page: 'page' in change ? now.page : 1, ...change }), { replace: true });
    },
    [setParams],
  );
  return [view, update];
}
