import type { CSSProperties } from 'react';
import type { MinerColumn } from './miner-columns';
import classes from './MinersTable.module.css';

/** Fixed, so 20,000 rows scroll without measuring any of them. */
export const rowHeight = 40;
export const checkboxWidth = 44;

export const headerCellStyle: CSSProperties = {
  position: 'sticky',
  top: 0,
  zIndex: 2,
  background: 'var(--mantine-color-body)',
  whiteSpace: 'nowrap',
};

export type Pin = { left: number; last: boolean };

/** Where each pinned column sticks: the checkbox, then the leading pinned columns, side by side. */
export function pinsOf(columns: readonly MinerColumn[]): Map<string, Pin> {
  const pins = new Map<string, Pin>([['checkbox', { left: 0, last: !columns[0]?.pinned }]]);
  let left = checkboxWidth;
  for (const [i, column] of columns.entries()) {
    if (!column.pinned) break;
    pins.set(column.key, { left, last: !columns[i + 1]?.pinned });
    left += column.width;
  }
  return pins;
}

export const pinClass = (pin: Pin | undefined) => (pin ? `${classes.pinned}${pin.last ? ` ${classes.lastPinned}` : ''}` : undefined);
/** Pinned header cells stay above the other header cells, pinned body cells above the other body cells. */
export const pinStyle = (pin: Pin | undefined, header = false): CSSProperties => (pin ? { left: pin.left, zIndex: header ? 3 : 1 } : {});
