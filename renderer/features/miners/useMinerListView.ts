import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readMinerListView, writeMinerListView, type MinerListView } from './miner-list-params';

/**
 * The Miners view read from and written to the URL. A change is applied to the address as it is
 * when the change lands, not as it was at render: react-router's functional `setSearchParams`
 * hands over the params of its last render, so two quick changes would undo each other.
 */
export function useMinerListView(): [MinerListView, (change: Partial<MinerListView>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readMinerListView(params), [params]);
  const update = useCallback(
    (change: Partial<MinerListView>) =>
      setParams(writeMinerListView({ ...readMinerListView(new URLSearchParams(window.location.search)), ...change }), { replace: true }),
    [setParams],
  );
  return [view, update];
}
