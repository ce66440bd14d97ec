import { Box, Checkbox, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type CSSProperties } from 'react';
import type { ScanResultRow } from '../../../electron/contract/discovery';
import { scanResultStates, type ScanResultState } from '../../../electron/contract/discovery.vocab';
import { isCommittable, resultStateLabels } from './discovery-format';
import { findingColumns, proposalColumn } from './finding-columns';

/** Fixed, so a /16 of findings scrolls without measuring any row. */
const rowHeight = 40;
const checkboxWidth = 44;
const cell: CSSProperties = { height: rowHeight, paddingBlock: 0, overflow: 'hidden', whiteSpace: 'nowrap' };
const headerCell: CSSProperties = { position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)', whiteSpace: 'nowrap' };

type StateFilter = ScanResultState | 'all';

/** In the review step: which findings commit takes, changed one row or every committable row at a time. */
export type FindingChoice = { chosen: ReadonlySet<number>; onToggle: (id: number) => void; onToggleAll: (ids: number[], on: boolean) => void };

/**
 * A scan's findings with a filter by state. Only the rows on screen are in the page, between two
 * spacer rows that keep the scrollbar true. Given a `choice`, it is the review table: a checkbox per
 * committable row and what commit does to each.
 */
export function FindingsTable({ rows, choice, emptyText }: { rows: ScanResultRow[]; choice?: FindingChoice; emptyText: string }) {
  const [filter, setFilter] = useState<StateFilter>('all');
  const counts = useMemo(() => {
    const byState: Record<ScanResultState, number> = { identified: 0, unidentified: 0, unreachable: 0 };
    for (const row of rows) byState[row.state] += 1;
    return byState;
  }, [rows]);
  const shown = useMemo(() => (filter === 'all' ? rows : rows.filter((row) => row.state === filter)), [rows, filter]);
  const columns = choice ? [findingColumns[0], findingColumns[1], proposalColumn, ...findingColumns.slice(2)] : findingColumns;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer is mutable by design; this component re-renders on its own scroll updates, nothing memoizes it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const width = (choice ? checkboxWidth : 0) + columns.reduce((sum, c) => sum + c.width, 0);
  const span = columns.length + (choice ? 1 : 0);

  const committableShown = choice ? shown.filter(isCommittable).map((row) => row.id) : [];
  const chosenShown = choice ? committableShown.filter((id) => choice.chosen.has(id)).length : 0;

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Show findings"
          size="xs"
          value={filter}
          onChange={(value) => setFilter(value as StateFilter)}
          data={[
            { value: 'all', label: `All (${rows.length})` },
            ...scanResultStates.map((state) => ({ value: state, label: `${resultStateLabels[state]} (${counts[state]})` })),
          ]}
        />
        {choice && (
          <Text size="sm" c="dimmed">
            {choice.chosen.size} of {rows.filter(isCommittable).length} identified chosen
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        TH/s, power, the hottest temperature and the pool are what each miner reported when the scan asked it.
      </Text>
      <Box
        ref={scrollRef}
        style={{ maxHeight: 560, minHeight: 160, overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
      >
        <Table aria-label="Findings" aria-rowcount={shown.length + 1} highlightOnHover style={{ tableLayout: 'fixed', width, minWidth: '100%' }}>
          <Table.Thead>
            <Table.Tr>
              {choice && (
                <Table.Th w={checkboxWidth} style={headerCell}>
                  <Checkbox
                    aria-label="Choose every identified finding shown"
                    checked={committableShown.length > 0 && chosenShown === committableShown.length}
                    indeterminate={chosenShown > 0 && chosenShown < committableShown.length}
                    disabled={committableShown.length === 0}
                    onChange={() => choice.onToggleAll(committableShown, chosenShown < committableShown.length)}
                  />
                </Table.Th>
              )}
              {columns.map((column) => (
                <Table.Th key={column.key} w={column.width} ta={column.align} style={headerCell}>
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {before > 0 && (
              <tr aria-hidden style={{ height: before }}>
                <td colSpan={span} style={{ padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = shown[item.index];
              return (
                <Table.Tr key={row.id} aria-rowindex={item.index + 2} style={{ height: rowHeight }}>
                  {choice && (
                    <Table.Td style={cell}>
                      <Checkbox
                        aria-label={`Add ${row.ip}`}
                        checked={isCommittable(row) && choice.chosen.has(row.id)}
                        disabled={!isCommittable(row)}
                        onChange={() => choice.onToggle(row.id)}
                      />
                    </Table.Td>
                  )}
                  {columns.map((column) => (
                    <Table.Td key={column.key} style={cell} ta={column.align}>
                      {column.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {after > 0 && (
              <tr aria-hidden style={{ height: after }}>
                <td colSpan={span} style={{ padding: 0, border: 0 }} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
        {shown.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {rows.length === 0 ? emptyText : 'No findings in this state.'}
          </Text>
        )}
      </Box>
    </Stack>
  );
}
