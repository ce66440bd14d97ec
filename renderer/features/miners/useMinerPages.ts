import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { MinerList, MinerListRow } from '../../../electron/contract/miners.list';
import { invokeOrThrow } from '../../api/client';
import { minerPageInput, minerPageSize, type MinerListView } from './miner-list-params';

/**
 * Where the table's pages come from: `miners.list` for a view, or another procedure that answers with a
 * page of the same rows (the contract wizard's candidates). The key is the same as `useQueryCall(name,
 * input)`, so both share the cache entry and every change refreshes it.
 */
export type MinerPageSource = { key: (pageIndex: number) => readonly unknown[]; fetch: (pageIndex: number) => Promise<MinerList> };

export const minerListSource = (view: MinerListView): MinerPageSource => ({
  key: (pageIndex) => ['miners.list', minerPageInput(view, pageIndex)],
  fetch: (pageIndex) => invokeOrThrow('miners.list', minerPageInput(view, pageIndex)),
});

/**
 * The pages of the table that cover the rows on screen, fetched by offset as the user scrolls.
 * Pages already fetched stay in the query cache, so scrolling back shows them at once.
 */
export function useMinerPages(source: MinerPageSource, firstIndex: number, lastIndex: number, total: number) {
  const queryClient = useQueryClient();
  const firstPage = Math.floor(Math.max(0, firstIndex) / minerPageSize);
  const lastPage = Math.floor(Math.max(0, lastIndex) / minerPageSize);
  const pageIndexes = useMemo(() => Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i), [firstPage, lastPage]);
  const pages = useQueries({
    queries: pageIndexes.map((pageIndex) => ({ queryKey: source.key(pageIndex), queryFn: () => source.fetch(pageIndex) })),
  });

  const rowsByPage = new Map<number, MinerListRow[]>();
  pages.forEach((page, i) => page.data && rowsByPage.set(pageIndexes[i], page.data.rows));

  // Until the first page of a new view (filter, search, order) arrives, the rows of the view shown before stay,
  // as the count line above does: the table is filled in place once, not emptied into placeholders first.
  const viewKey = JSON.stringify(source.key(0));
  const [shown, setShown] = useState({ viewKey, source });
  const waiting = rowsByPage.size === 0 && shown.viewKey !== viewKey;
  if (rowsByPage.size > 0 && shown.viewKey !== viewKey) setShown({ viewKey, source });
  const rowsOf = (pageIndex: number) => (waiting ? queryClient.getQueryData<MinerList>(shown.source.key(pageIndex))?.rows : rowsByPage.get(pageIndex));
  const rowAt = (index: number): MinerListRow | undefined => rowsOf(Math.floor(index / minerPageSize))?.[index % minerPageSize];

  // The ids of every page fetched so far for this view: what the header checkbox selects. Counted again when a
  // page arrives (its fetch time changes), not on every render: a long list has hundreds of pages to look up.
  const arrivals = pages.map((page) => page.dataUpdatedAt).join(' ');
  const loadedIds = useMemo(() => {
    const ids: number[] = [];
    for (let p = 0; p * minerPageSize < total; p += 1) queryClient.getQueryData<MinerList>(source.key(p))?.rows.forEach((row) => ids.push(row.id));
    return ids;
    // `arrivals` is the reason to count again, though the count reads the cache rather than it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryClient, source, total, arrivals]);

  /** The ids of rows `from`..`to` (both included), fetching pages the user scrolled past: a shift-click range may span them. */
  const idsBetween = useCallback(
    async (from: number, to: number): Promise<number[]> => {
      const ids: number[] = [];
      for (let p = Math.floor(from / minerPageSize); p <= Math.floor(to / minerPageSize); p += 1) {
        const page = await queryClient.fetchQuery({ queryKey: source.key(p), queryFn: () => source.fetch(p), staleTime: Infinity });
        page.rows.forEach((row, i) => {
          const index = p * minerPageSize + i;
          if (index >= from && index <= to) ids.push(row.id);
        });
      }
      return ids;
    },
    [queryClient, source],
  );

  return { rowAt, loadedIds, idsBetween };
}
