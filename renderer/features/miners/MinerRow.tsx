import { Checkbox, Table } from '@mantine/core';
import { memo, type MouseEvent } from 'react';
import type { MinerListRow } from '../../../electron/contract/miners.list';
import type { Dates } from '../../components/useDates';
import type { MinerColumn } from './miner-columns';
import { pinClass, pinStyle, rowHeight, type Pin } from './miner-table-layout';
import classes from './MinersTable.module.css';

/**
 * One row of the Miners table. Memoised, and every prop is stable between renders of the table (the callbacks
 * too), so a click elsewhere, a new filter or a scroll re-renders only the rows whose miner or selection changed.
 */
/** Plain cells (the table's padding from its CSS variable): a screen of rows holds hundreds of them. */
const cellClass = (pin: Pin | undefined) => [classes.cell, pinClass(pin)].filter(Boolean).join(' ');

export const MinerRow = memo(function MinerRow(props: {
  row: MinerListRow;
  index: number;
  selected: boolean;
  /** Why this row cannot be picked here, or null. */
  blocked: string | null;
  /** "All matching" is selected: single rows cannot be flipped. */
  selectionLocked: boolean;
  columns: MinerColumn[];
  pins: Map<string, Pin>;
  dates: Dates;
  onOpen: (row: MinerListRow) => void;
  onToggle: (event: MouseEvent, row: MinerListRow, index: number) => void;
}) {
  const { row, index, selected, blocked, columns, pins } = props;
  return (
    <Table.Tr
      aria-rowindex={index + 2}
      aria-selected={selected}
      bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
      className={classes.row}
      style={{ height: rowHeight, cursor: 'pointer' }}
      tabIndex={0}
      onClick={() => props.onOpen(row)}
      onKeyDown={(event) => event.key === 'Enter' && event.target === event.currentTarget && props.onOpen(row)}
    >
      <td className={cellClass(pins.get('checkbox'))} style={pinStyle(pins.get('checkbox'))} onClick={(event) => event.stopPropagation()}>
        <Checkbox
          aria-label={`Select ${row.assetId}`}
          title={blocked ?? undefined}
          checked={selected && !blocked}
          disabled={props.selectionLocked || blocked !== null}
          onClick={(event) => props.onToggle(event, row, index)}
          onChange={() => undefined}
        />
      </td>
      {columns.map((column) => (
        <td key={column.key} className={cellClass(pins.get(column.key))} style={{ ...pinStyle(pins.get(column.key)), textAlign: column.align }}>
          {column.render(row, props.dates)}
        </td>
      ))}
    </Table.Tr>
  );
});
