import { Button, Code, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { OpenApiOperation } from '../../../electron/contract/api';
import { apiOrigin } from './api-origin';
import { inputShapes, type JsonSchema } from './schema-rows';

/** One procedure opened: how it is called, its input fields in a table, and its JSON Schema on demand. */
export function ProcedureDetails({ operation }: { operation: OpenApiOperation }) {
  const [showSchema, setShowSchema] = useState(false);
  const schema = operation.requestBody.content['application/json'].schema as JsonSchema;
  const shapes = inputShapes(schema);
  return (
    <Stack gap="sm">
      <Text size="sm">{operation.description.replace(/`/g, '')}</Text>
      <Code>
        POST {apiOrigin()}/api/{operation.operationId}
      </Code>
      {shapes.map((shape) => (
        <Stack key={shape.title ?? 'input'} gap={4}>
          {shape.title && (
            <Text size="sm" fw={500}>
              When {shape.title}
            </Text>
          )}
          {shape.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              Takes no input: send <Code>{'{}'}</Code> or an empty body.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table withTableBorder verticalSpacing={4} fz="sm" aria-label={`Input of ${operation.operationId}${shape.title ? ` when ${shape.title}` : ''}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="28%">Field</Table.Th>
                    <Table.Th w="22%">Type</Table.Th>
                    <Table.Th w={90}>Required</Table.Th>
                    <Table.Th>Rules</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shape.rows.map((row) => (
                    <Table.Tr key={row.path}>
                      <Table.Td>
                        <Code>{row.path}</Code>
                      </Table.Td>
                      <Table.Td>{row.type}</Table.Td>
                      <Table.Td>{row.required ? 'Yes' : <Text c="dimmed">No</Text>}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>{row.notes.join('; ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      ))}
      <div>
        <Button variant="subtle" size="compact-sm" onClick={() => setShowSchema((shown) => !shown)} aria-expanded={showSchema}>
          {showSchema ? 'Hide the JSON Schema' : 'Show the JSON Schema'}
        </Button>
        {showSchema && (
          <Code block mt="xs" fz="xs" mah={420} style={{ overflow: 'auto' }}>
            {JSON.stringify(schema, null, 2)}
          </Code>
        )}
      </div>
    </Stack>
  );
}
