import { Select, Table, Text } from '@mantine/core';
import { importFieldLabels, importFields, type ImportColumn, type ImportTarget } from '../../../../electron/contract/miners.import';

const options = [{ value: 'ignore', label: 'Ignore this column' }, ...importFields.map((field) => ({ value: field, label: importFieldLabels[field] }))];

/** Fields chosen for more than one column: the server refuses them, so they are marked before sending. */
export function clashingFields(mapping: Record<string, ImportTarget>): Set<ImportTarget> {
  const seen = new Set<ImportTarget>();
  const twice = new Set<ImportTarget>();
  for (const target of Object.values(mapping)) {
    if (target === 'ignore') continue;
    if (seen.has(target)) twice.add(target);
    seen.add(target);
  }
  return twice;
}

/** One row per column of the file: its header and the miner field it is read as. */
export function ColumnMapping(props: {
  columns: ImportColumn[];
  mapping: Record<string, ImportTarget>;
  onChange: (mapping: Record<string, ImportTarget>) => void;
}) {
  const clashes = clashingFields(props.mapping);
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column in the file</Table.Th>
          <Table.Th>Read as</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.columns.map((column) => {
          // Own keys only: a column named "constructor" must not read the object's prototype.
          const target = Object.hasOwn(props.mapping, column.header) ? props.mapping[column.header] : column.suggested;
          return (
            <Table.Tr key={column.header}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {column.header}
                </Text>
                {column.suggested === 'ignore' && (
                  <Text size="xs" c="dimmed">
                    Not recognised: choose a field or leave it ignored
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Field for column ${column.header}`}
                  data={options}
                  value={target}
                  allowDeselect={false}
                  searchable
                  error={clashes.has(target) ? 'Another column is read as this field too' : undefined}
                  onChange={(value) => props.onChange({ ...props.mapping, [column.header]: (value ?? 'ignore') as ImportTarget })}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
