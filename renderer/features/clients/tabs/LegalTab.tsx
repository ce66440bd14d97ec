import { ActionIcon, Alert, Button, Code, FileButton, Group, Table, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { documentMimeTypes, type ClientDocument } from '../../../../electron/contract/clients.records';
import { invoke } from '../../../api/client';
import { notifyFailure, useCall, useQueryCall } from '../../../api/useCall';
import { downloadBase64, formatBytes, readAsBase64 } from '../../../components/files';
import { documentTypeLabels, refuseDocument } from './document-files';
import { noWrap, RecordsTable } from '../../../components/RecordsTable';
import { SectionHeader } from '../../../components/SectionHeader';
import { useConfirmDelete } from '../../../components/useConfirmDelete';
import { useDates } from '../../../components/useDates';
import { Permitted } from '../../../components/Permitted';

const columns = [
  { label: 'File name' },
  { label: 'Type', width: 110 },
  { label: 'Size', width: 90, align: 'right' as const },
  { label: 'Uploaded', width: 200 },
  { label: 'By', width: 130 },
  { label: 'SHA-256', width: 140 },
  { label: 'Actions', width: 130, align: 'right' as const },
];

/** Contracts, IDs and agreements kept with the client, each with its checksum. */
export function LegalTab({ clientId }: { clientId: number }) {
  const { dateTime } = useDates();
  const documents = useQueryCall('clients.documents.list', { clientId });
  const upload = useCall('clients.documents.upload', { failureTitle: 'The document was not uploaded' });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [openingId, setOpeningId] = useState<number | null>(null);
  const deletion = useConfirmDelete('clients.documents.delete', {
    noun: 'document',
    nameOf: (document: ClientDocument) => document.fileName,
    consequence: (document) =>
      `${document.fileName} (${formatBytes(document.sizeBytes)}) will be removed from this client for good. The activity log keeps a record of the deletion.`,
  });
  const resetPicker = useRef<() => void>(null);

  const pick = async (file: File | null) => {
    resetPicker.current?.();
    if (!file) return;
    const refused = refuseDocument(file);
    setRefusal(refused);
    if (refused) return;
    const outcome = await upload.run({ clientId, fileName: file.name, base64: await readAsBase64(file) });
    if (outcome.ok) notifications.show({ color: 'green', title: 'Document uploaded', message: `${file.name} is stored with this client.` });
  };

  const open = async (document: ClientDocument) => {
    setOpeningId(document.id);
    const outcome = await invoke('clients.documents.get', { id: document.id });
    setOpeningId(null);
    if (outcome.ok) downloadBase64(outcome.value.base64, outcome.value.mime, outcome.value.fileName);
    else notifyFailure('The document could not be opened', outcome.error);
  };

  return (
    <>
      <SectionHeader
        title="Documents"
        description="Contracts, IDs and agreements: PDF, PNG, JPEG or WebP, up to 7 MB each. Each file is stored in the database with its SHA-256 checksum."
        action={
          <FileButton onChange={pick} accept={documentMimeTypes.join(',')} resetRef={resetPicker}>
            {(props) => (
              <Permitted procedure="clients.documents.upload">
                <Button leftSection={<IconUpload size={16} />} loading={upload.running} {...props}>
                  Upload document
                </Button>
              </Permitted>
            )}
          </FileButton>
        }
      />
      {refusal && (
        <Alert color="red" title="This file was not uploaded" withCloseButton closeButtonLabel="Dismiss" onClose={() => setRefusal(null)} mb="md" role="alert">
          {refusal}
        </Alert>
      )}
      <RecordsTable
        label="Documents"
        columns={columns}
        loading={documents.isLoading}
        rows={documents.data}
        empty="No documents yet. Upload the hosting agreement, the customer's company registration or IDs so they are at hand offline."
      >
        {(document) => (
          <Table.Tr>
            <Table.Td fw={500} style={{ wordBreak: 'break-all' }}>
              {document.fileName}
            </Table.Td>
            <Table.Td>{documentTypeLabels[document.mime]}</Table.Td>
            <Table.Td ta="right" style={noWrap}>
              {formatBytes(document.sizeBytes)}
            </Table.Td>
            <Table.Td style={noWrap}>{dateTime(document.uploadedAt)}</Table.Td>
            <Table.Td>{document.uploadedBy}</Table.Td>
            <Table.Td>
              <Tooltip label={document.sha256} ff="monospace" multiline maw={300} style={{ wordBreak: 'break-all' }}>
                <Code tabIndex={0} aria-label={`SHA-256 ${document.sha256}`}>
                  {document.sha256.slice(0, 12)}…
                </Code>
              </Tooltip>
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconDownload size={14} />}
                  loading={openingId === document.id}
                  aria-label={`Open ${document.fileName}`}
                  onClick={() => open(document)}
                >
                  Open
                </Button>
                <Permitted procedure="clients.documents.delete">
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete ${document.fileName}`} onClick={() => deletion.ask(document)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Permitted>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {deletion.modal}
    </>
  );
}
