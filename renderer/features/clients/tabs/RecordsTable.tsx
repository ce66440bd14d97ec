import { Loader, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type Column = { label: string; width?: number; align?: 'left' | 'right' };

/**
 * A table of records with its header, an accessible name and a real empty state, so every tab
 * reads the same: a loader while loading, the sentence that says what belongs here when empty.
 */
export function RecordsTable(props: { label: string; columns: Column[]; loading: boolean; empty: string; rowCount: number; children: ReactNode }) {
  const { columns } = props;
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
          {props.children}
          {props.rowCount === 0 && (
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
