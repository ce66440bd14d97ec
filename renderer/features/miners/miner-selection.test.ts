import { describe, expect, it } from 'vitest';
import { applyRange, isSelected, loadedState, noSelection, rangeOf, selectedCount, toggleLoaded, toggleRow, type MinerSelection } from './miner-selection';

const idsOf = (selection: MinerSelection) => (selection.kind === 'ids' ? [...selection.ids].sort((a, b) => a - b) : 'matching');

describe('miner selection', () => {
  it('a click flips one row; a shift-click selects everything from the anchor to the clicked row', () => {
    let selection = toggleRow(noSelection, 12, 2);
    expect(rangeOf(selection, 6)).toEqual({ from: 2, to: 6 });
    selection = applyRange(selection, 16, [12, 13, 14, 15, 16]);
    expect(idsOf(selection)).toEqual([12, 13, 14, 15, 16]);
    // Shift-click upwards from the same anchor, on a selected row: the range is cleared.
    expect(rangeOf(selection, 0)).toEqual({ from: 0, to: 2 });
    selection = applyRange(selection, 12, [10, 11, 12]);
    expect(idsOf(selection)).toEqual([13, 14, 15, 16]);
    expect(idsOf(toggleRow(selection, 14, 4))).toEqual([13, 15, 16]);
  });

  it('a shift-click with no anchor covers the clicked row only', () => {
    expect(rangeOf(noSelection, 7)).toEqual({ from: 7, to: 7 });
  });

  it('the header checkbox selects the loaded rows, then clears them', () => {
    const loaded = [1, 2, 3];
    let selection = toggleRow(noSelection, 2, 1);
    expect(loadedState(selection, loaded)).toBe('some');
    selection = toggleLoaded(selection, loaded);
    expect(idsOf(selection)).toEqual([1, 2, 3]);
    expect(loadedState(selection, loaded)).toBe('all');
    selection = toggleLoaded(selection, loaded);
    expect(loadedState(selection, loaded)).toBe('none');
  });

  it('"all matching" counts the total and selects every row; the header checkbox leaves it', () => {
    const matching: MinerSelection = { kind: 'matching' };
    expect(selectedCount(matching, 12_345)).toBe(12_345);
    expect(isSelected(matching, 99)).toBe(true);
    expect(toggleLoaded(matching, [1, 2])).toEqual(noSelection);
    expect(selectedCount(toggleRow(noSelection, 5, 0), 12_345)).toBe(1);
  });
});
