import { Loader, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

export type Column = { label: string; width?: number; align?: 'left' | 'right' };

/** For cells that must stay on one line, such as dates and times. */
export const noWrap = { whiteSpace: 'nowrap' } as const;

/**
 * A table of records with its header, an accessible name and a real empty state, so every tab
 * reads the same: a loader while loading, the sentence that says what belongs here when empty.
 */
export function RecordsTable<T extends { id: number }>(props: {
  label: string;
  columns: Column[];
  rows: T[] | undefined;
  loading: boolean;
  empty: string;
  children: (row: T) => ReactNode;
}) {
  const { columns, rows = [] } = props;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={props.label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label} w={column.width} ta={column.align}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Fragment key={row.id}>{props.children(row)}</Fragment>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                {props.loading ? (
                  <Loader size="sm" mx="auto" display="block" my="md" aria-label="Loading" />
                ) : (
                  <Text c="dimmed" ta="center" py="lg" maw={560} mx="auto">
                    {props.empty}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
