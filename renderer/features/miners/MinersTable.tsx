import { Box, Checkbox, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { MinerListRow, MinerSortKey } from '../../../electron/contract/miners.list';
import type { MinerColumn } from './miner-columns';
import { listKey, type MinerListView } from './miner-list-params';
import { isSelected, loadedState, type MinerSelection } from './miner-selection';
import { useDates } from '../../components/useDates';
import { checkboxWidth, headerCellStyle, pinClass, pinsOf, pinStyle, rowHeight, type Pin } from './miner-table-layout';
import { MinerRow } from './MinerRow';
import classes from './MinersTable.module.css';
import { DelegatedTooltip } from '../../components/DelegatedTooltip';
import { minerListSource, useMinerPages, type MinerPageSource } from './useMinerPages';

export type RowClick = { row: MinerListRow; index: number; shift: boolean };

function SortHeader({ column, view, onSort, pin }: { column: MinerColumn; view: MinerListView; onSort: (key: MinerSortKey) => void; pin?: Pin }) {
  const active = column.sortKey !== undefined && view.sort === column.sortKey;
  const Icon = !active ? IconArrowsSort : view.dir === 'asc' ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th
      w={column.width}
      ta={column.align}
      className={pinClass(pin)}
      style={{ ...headerCellStyle, ...pinStyle(pin, true) }}
      title={column.header ? column.label : undefined}
      aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      {column.sortKey ? (
        <UnstyledButton onClick={() => onSort(column.sortKey!)} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 14 }}>
          {column.header ?? column.label}
          <Icon size={14} stroke={1.6} opacity={active ? 1 : 0.4} />
        </UnstyledButton>
      ) : (
        (column.header ?? column.label)
      )}
    </Table.Th>
  );
}

/**
 * The Miners table: a real table whose body only holds the rows on screen (plus a margin), between
 * two spacer rows that keep the scrollbar true to the total. The header stays on top while scrolling.
 */
export function MinersTable(props: {
  view: MinerListView;
  total: number;
  columns: MinerColumn[];
  selection: MinerSelection;
  onSort: (key: MinerSortKey) => void;
  onToggleRow: (click: RowClick, idsBetween: (from: number, to: number) => Promise<number[]>) => void;
  onToggleLoaded: (loadedIds: number[]) => void;
  onOpen: (row: MinerListRow) => void;
  /** Told how many rows are loaded and whether all of them are selected, for the "select all N matching" banner. */
  onLoaded: (count: number, allSelected: boolean) => void;
  /** Where the pages come from when not `miners.list` of the view (the contract wizard's candidates). */
  source?: MinerPageSource;
  /** Rows that cannot be picked here: the sentence why, shown on their checkbox. */
  blockedReason?: (row: MinerListRow) => string | null;
  label?: string;
}) {
  const { view, total, columns, selection, onLoaded } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer is mutable by design; this component re-renders on its own scroll updates, nothing memoizes it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  const listSource = useMemo(() => minerListSource(view), [view]);
  const pages = useMinerPages(props.source ?? listSource, items[0]?.index ?? 0, items[items.length - 1]?.index ?? 0, total);
  const { loadedIds } = pages;
  const headerState = loadedState(selection, loadedIds);

  const key = listKey(view);
  // Only when scrolled: asking the browser to scroll forces a layout of the old rows, which a click pays for.
  useEffect(() => {
    if (virtualizer.scrollOffset) virtualizer.scrollToOffset(0);
  }, [key, virtualizer]);
  useEffect(() => onLoaded(loadedIds.length, headerState === 'all'), [loadedIds.length, headerState, onLoaded]);

  const width = checkboxWidth + columns.reduce((sum, c) => sum + c.width, 0);
  const pins = useMemo(() => pinsOf(columns), [columns]);
  const dates = useDates();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  // The rows get callbacks that never change, reading the latest props when called, so memoised rows stay as they are.
  const latest = useRef({ onOpen: props.onOpen, onToggleRow: props.onToggleRow, idsBetween: pages.idsBetween });
  useLayoutEffect(() => {
    latest.current = { onOpen: props.onOpen, onToggleRow: props.onToggleRow, idsBetween: pages.idsBetween };
  });
  const onOpen = useCallback((row: MinerListRow) => latest.current.onOpen(row), []);
  const onToggle = useCallback((event: MouseEvent, row: MinerListRow, index: number) => {
    event.stopPropagation();
    latest.current.onToggleRow({ row, index, shift: event.shiftKey }, latest.current.idsBetween);
  }, []);

  return (
    <Box ref={scrollRef} style={{ flex: 1, minHeight: 240, overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
      <Table aria-label={props.label ?? 'Miners'} aria-rowcount={total + 1} highlightOnHover style={{ tableLayout: 'fixed', width, minWidth: '100%' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={checkboxWidth} className={pinClass(pins.get('checkbox'))} style={{ ...headerCellStyle, ...pinStyle(pins.get('checkbox'), true) }}>
              <Checkbox
                aria-label="Select the loaded rows"
                checked={headerState === 'all' && loadedIds.length > 0}
                indeterminate={headerState === 'some'}
                disabled={selection.kind === 'matching' || loadedIds.length === 0}
                onChange={() => props.onToggleLoaded(loadedIds)}
              />
            </Table.Th>
            {columns.map((column) => (
              <SortHeader key={column.key} column={column} view={view} onSort={props.onSort} pin={pins.get(column.key)} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden style={{ height: before }}>
              <td colSpan={columns.length + 1} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            // Keyed by position: a new view or order fills the same rows with other miners instead of building new ones.
            if (!row)
              return (
                <Table.Tr key={item.key} aria-rowindex={item.index + 2} style={{ height: rowHeight }}>
                  <td colSpan={columns.length + 1} className={classes.cell}>
                    <Skeleton height={12} radius="sm" aria-label="Loading" />
                  </td>
                </Table.Tr>
              );
            return (
              <MinerRow
                key={item.key}
                row={row}
                index={item.index}
                selected={isSelected(selection, row.id)}
                blocked={props.blockedReason?.(row) ?? null}
                selectionLocked={selection.kind === 'matching'}
                columns={columns}
                pins={pins}
                dates={dates}
                onOpen={onOpen}
                onToggle={onToggle}
              />
            );
          })}
          {after > 0 && (
            <tr aria-hidden style={{ height: after }}>
              <td colSpan={columns.length + 1} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      <DelegatedTooltip container={scrollRef} />
      {total === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          No miners match this view. Clear the search or filters.
        </Text>
      )}
    </Box>
  );
}
