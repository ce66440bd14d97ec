import { Badge, Group, List, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { importFieldLabels, maxPreviewRows, type ImportAction, type ImportChange, type ImportPreview } from '../../../../electron/contract/miners.import';
import { counted } from '../../../../electron/contract/words';

const actionColor: Record<ImportAction, string> = { create: 'green', update: 'blue', unchanged: 'gray', error: 'red' };
const actionLabel: Record<ImportAction, string> = { create: 'New', update: 'Update', unchanged: 'Unchanged', error: 'Error' };
const order: Record<ImportAction, number> = { error: 0, create: 1, update: 2, unchanged: 3 };

/** The counts as words in sentence case ("1 new client", "2 rows with errors"), not shouted in capitals. */
export function ImportSummary({ preview }: { preview: ImportPreview }) {
  const { summary } = preview;
  return (
    <Group gap="xs">
      <Badge color="green" variant="light" tt="none">
        {counted(summary.create, 'new miner')}
      </Badge>
      <Badge color="blue" variant="light" tt="none">
        {summary.update} to update
      </Badge>
      <Badge color="gray" variant="light" tt="none">
        {summary.unchanged} unchanged
      </Badge>
      <Badge color="red" variant={summary.error ? 'filled' : 'light'} tt="none">
        {counted(summary.error, 'row')} with errors
      </Badge>
      {summary.newClients > 0 && (
        <Badge color="grape" variant="light" tt="none">
          {counted(summary.newClients, 'new client')}
        </Badge>
      )}
      {summary.emptyRows > 0 && (
        <Text size="xs" c="dimmed">
          {counted(summary.emptyRows, 'empty row')} skipped
        </Text>
      )}
    </Group>
  );
}

/** "IP: old → new", or "clears Hostname (was mid-1)" when the field ends up empty. */
const describeChange = (change: ImportChange) =>
  change.cleared
    ? `clears ${importFieldLabels[change.field]} (was ${change.before})`
    : `${importFieldLabels[change.field]}: ${change.before} → ${change.after}`;

/** Rows with errors first, then new, updated and unchanged ones, each with its row number as the spreadsheet shows it. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const rows = [...preview.rows].sort((a, b) => order[a.action] - order[b.action] || a.row - b.row);
  return (
    <Stack gap="xs">
      <ScrollArea.Autosize mah={380}>
        <Table striped withTableBorder stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>Row</Table.Th>
              <Table.Th w={100}>Action</Table.Th>
              <Table.Th w={120}>Asset ID</Table.Th>
              <Table.Th>Changes or errors</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>
                  <Badge color={actionColor[row.action]} variant="light">
                    {actionLabel[row.action]}
                  </Badge>
                </Table.Td>
                <Table.Td>{row.assetId ?? '—'}</Table.Td>
                <Table.Td>
                  {row.errors.length > 0 ? (
                    <List size="sm" c="red">
                      {row.errors.map((error) => (
                        <List.Item key={error}>{error}</List.Item>
                      ))}
                    </List>
                  ) : (
                    <Text size="sm">{row.changes.map(describeChange).join('; ')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {preview.summary.rows > rows.length && (
        <Text size="xs" c="dimmed">
          Showing {rows.length} of {preview.summary.rows} rows, errors first (a preview lists at most {maxPreviewRows}).
        </Text>
      )}
    </Stack>
  );
}
