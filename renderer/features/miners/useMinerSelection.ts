import { useCallback, useState } from 'react';
import { applyRange, noSelection, rangeOf, toggleLoaded, toggleRow, type MinerSelection } from './miner-selection';
import type { RowClick } from './MinersTable';

/**
 * The selection of the table for the current filters and order. It is kept with the list key it
 * was made under: another filter, search or sort starts empty, so no hidden miner stays selected.
 */
export function useMinerSelection(key: string) {
  const [state, setState] = useState<{ key: string; selection: MinerSelection }>({ key, selection: noSelection });
  const selection = state.key === key ? state.selection : noSelection;
  const set = useCallback(
    (next: (current: MinerSelection) => MinerSelection) => setState((s) => ({ key, selection: next(s.key === key ? s.selection : noSelection) })),
    [key],
  );

  const onToggleRow = useCallback(
    async ({ row, index, shift }: RowClick, idsBetween: (from: number, to: number) => Promise<number[]>) => {
      if (!shift) return set((current) => toggleRow(current, row.id, index));
      const { from, to } = rangeOf(selection, index);
      const ids = await idsBetween(from, to);
      set((current) => applyRange(current, row.id, ids));
    },
    [selection, set],
  );

  return {
    selection,
    onToggleRow,
    onToggleLoaded: useCallback((loadedIds: number[]) => set((current) => toggleLoaded(current, loadedIds)), [set]),
    selectMatching: useCallback(() => set(() => ({ kind: 'matching' })), [set]),
    clear: useCallback(() => set(() => noSelection), [set]),
  };
}
