/**
 * The rows picked in the Miners table: listed ids (clicks, shift-click ranges, the loaded rows),
 * or every miner matching the filters ("Select all N matching"), which a mass edit sends as the filter.
 */
export type MinerSelection = { kind: 'ids'; ids: ReadonlySet<number>; anchorIndex: number | null } | { kind: 'matching' };

export const noSelection: MinerSelection = { kind: 'ids', ids: new Set(), anchorIndex: null };

export const isSelected = (selection: MinerSelection, id: number) => selection.kind === 'matching' || selection.ids.has(id);

/** How many miners a mass edit would change. */
export const selectedCount = (selection: MinerSelection, total: number) => (selection.kind === 'matching' ? total : selection.ids.size);

/** A plain click: flips one row and makes it the anchor of the next shift-click. */
export function toggleRow(selection: MinerSelection, id: number, index: number): MinerSelection {
  const ids = new Set(selection.kind === 'ids' ? selection.ids : []);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { kind: 'ids', ids, anchorIndex: index };
}

/** The row positions a shift-click on `index` covers: from the anchor (or the row itself) to it, both included. */
export function rangeOf(selection: MinerSelection, index: number): { from: number; to: number } {
  const anchor = selection.kind === 'ids' && selection.anchorIndex !== null ? selection.anchorIndex : index;
  return { from: Math.min(anchor, index), to: Math.max(anchor, index) };
}

/** A shift-click: every row of the range takes the state the clicked row is switched to; the anchor stays. */
export function applyRange(selection: MinerSelection, clickedId: number, rangeIds: readonly number[]): MinerSelection {
  const ids = new Set(selection.kind === 'ids' ? selection.ids : []);
  const select = !ids.has(clickedId);
  for (const id of rangeIds) {
    if (select) ids.add(id);
    else ids.delete(id);
  }
  return { kind: 'ids', ids, anchorIndex: selection.kind === 'ids' ? selection.anchorIndex : null };
}

/** The header checkbox: selects the loaded rows, or clears them when all of them are selected already. */
export function toggleLoaded(selection: MinerSelection, loadedIds: readonly number[]): MinerSelection {
  if (selection.kind === 'matching') return noSelection;
  const allSelected = loadedIds.length > 0 && loadedIds.every((id) => selection.ids.has(id));
  const ids = new Set(selection.ids);
  for (const id of loadedIds) {
    if (allSelected) ids.delete(id);
    else ids.add(id);
  }
  return { kind: 'ids', ids, anchorIndex: null };
}

/** The header checkbox's look: all, some or none of the loaded rows selected. */
export function loadedState(selection: MinerSelection, loadedIds: readonly number[]): 'all' | 'some' | 'none' {
  if (selection.kind === 'matching') return 'all';
  const n = loadedIds.filter((id) => selection.ids.has(id)).length;
  return n === 0 ? 'none' : n === loadedIds.length ? 'all' : 'some';
}
