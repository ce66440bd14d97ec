import { Accordion, Badge, Button, Code, Group, Loader, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { OpenApiDocument, OpenApiOperation } from '../../../electron/contract/api';
import { permissionInfo } from '../../../electron/contract/permissions';
import { useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { downloadText } from '../../components/files';
import { SectionHeader } from '../../components/SectionHeader';
import { apiOrigin } from './api-origin';
import { ProcedureDetails } from './ProcedureDetails';

const permissionColor = (permission: OpenApiOperation['x-permission']): string => {
  if (permission === 'anyone' || permission === 'signedIn') return 'gray';
  return permission.endsWith('.view') ? 'blue' : 'orange';
};

/** Procedures whose name, area, permission or description holds every word of the search. */
function matching(document: OpenApiDocument, search: string): OpenApiOperation[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return Object.values(document.paths)
    .map((path) => path.post)
    .filter((operation) => {
      const text =
        `${operation.operationId} ${operation['x-permission']} ${permissionInfo[operation['x-permission']].label} ${operation.description}`.toLowerCase();
      return words.every((word) => text.includes(word));
    });
}

/** The OpenAPI document of every procedure, searchable, each with its permission and input; and the file to download. */
export function ApiDocumentSection() {
  const document = useQueryCall('api.document', {}, { staleTime: Infinity });
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const shown = useMemo(() => (document.data ? matching(document.data, search) : []), [document.data, search]);
  const total = document.data ? Object.keys(document.data.paths).length : 0;
  const download = () => document.data && downloadText(JSON.stringify(document.data, null, 2), 'application/json', 'hashdesk-openapi.json');

  return (
    <div>
      <SectionHeader
        title="Procedures"
        description="Every procedure the app uses, as an HTTP call: POST /api/<name> with a JSON body. Each needs the permission shown; the answer is { ok: true, value } or { ok: false, error: { code, message } }."
        action={
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={download} disabled={!document.data}>
            Download openapi.json
          </Button>
        }
      />
      <Text size="sm" c="dimmed" mb="sm">
        The same OpenAPI 3.1 document answers <Code>GET {apiOrigin()}/api/openapi.json</Code> with a token.
      </Text>
      {document.error && <ErrorAlert title="The API description could not be loaded" error={document.error.apiError} />}
      {!document.data && !document.error && <Loader />}
      {document.data && (
        <>
          <Group mb="sm" justify="space-between">
            <TextInput
              aria-label="Search procedures"
              placeholder="Search by name, area or permission"
              leftSection={<IconSearch size={16} />}
              w={360}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {shown.length === total ? `${total} procedures` : `${shown.length} of ${total} procedures`}
            </Text>
          </Group>
          {shown.length === 0 ? (
            <Text c="dimmed" py="lg" ta="center">
              No procedure matches “{search.trim()}”.
            </Text>
          ) : (
            <Accordion variant="separated" value={open} onChange={setOpen} chevronPosition="left">
              {shown.map((operation) => (
                <Accordion.Item key={operation.operationId} value={operation.operationId}>
                  <Accordion.Control aria-label={operation.operationId}>
                    <Group justify="space-between" wrap="nowrap" gap="sm">
                      <Text ff="monospace" size="sm" fw={500}>
                        {operation.operationId}
                      </Text>
                      <Badge variant="light" color={permissionColor(operation['x-permission'])} tt="none">
                        {permissionInfo[operation['x-permission']].label} · {operation['x-permission']}
                      </Badge>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>{open === operation.operationId && <ProcedureDetails operation={operation} />}</Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          )}
        </>
      )}
    </div>
  );
}
