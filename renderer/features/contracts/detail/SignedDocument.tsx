import { Alert, Button, FileButton, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypePdf, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ContractDetail } from '../../../../electron/contract/contracts';
import { invoke } from '../../../api/client';
import { notifyFailure, useCall, useQueryCall } from '../../../api/useCall';
import { downloadBase64, formatBytes, readAsBase64 } from '../../../components/files';
import { SectionHeader } from '../../../components/SectionHeader';
import { refuseDocument } from '../../clients/tabs/document-files';
import { instantText } from '../contract-format';
import { Permitted, PermittedFields } from '../../../components/Permitted';

/** The signed PDF, kept with the client's documents (Legal tab) and linked to the contract. */
export function SignedDocument({ contract: c }: { contract: ContractDetail }) {
  const documents = useQueryCall('clients.documents.list', { clientId: c.client.id });
  const upload = useCall('clients.documents.upload', { failureTitle: 'The PDF was not uploaded' });
  const update = useCall('contracts.update', { failureTitle: 'The document was not linked' });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const resetPicker = useRef<() => void>(null);
  const pdfs = (documents.data ?? []).filter((d) => d.mime === 'application/pdf');
  const link = (signedDocumentId: number | null) => update.run({ id: c.id, signedDocumentId });

  const pick = async (file: File | null) => {
    resetPicker.current?.();
    if (!file) return;
    const refused = file.type === 'application/pdf' ? refuseDocument(file) : `"${file.name}" is not a PDF: attach the signed contract as a PDF.`;
    setRefusal(refused);
    if (refused) return;
    const uploaded = await upload.run({ clientId: c.client.id, fileName: file.name, base64: await readAsBase64(file) });
    if (uploaded.ok && (await link(uploaded.value.id)).ok)
      notifications.show({ color: 'green', title: 'Signed PDF attached', message: `${file.name} is kept with ${c.client.name}'s documents.` });
  };
  const open = async (id: number) => {
    setOpening(true);
    const outcome = await invoke('clients.documents.get', { id });
    setOpening(false);
    if (outcome.ok) downloadBase64(outcome.value.base64, outcome.value.mime, outcome.value.fileName);
    else notifyFailure('The document could not be opened', outcome.error);
  };

  return (
    <>
      <SectionHeader
        title="Signed contract"
        description={`The signed PDF is stored with ${c.client.name}'s documents (Legal tab), with its checksum, and linked here.`}
        action={
          <FileButton onChange={pick} accept="application/pdf" resetRef={resetPicker}>
            {(props) => (
              <Permitted procedure={['clients.documents.upload', 'contracts.update']}>
                <Button leftSection={<IconUpload size={16} />} loading={upload.running || update.running} {...props}>
                  Upload signed PDF
                </Button>
              </Permitted>
            )}
          </FileButton>
        }
      />
      {refusal && (
        <Alert color="red" title="This file was not attached" withCloseButton closeButtonLabel="Dismiss" onClose={() => setRefusal(null)} mb="md" role="alert">
          {refusal}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md" maw={860}>
        {c.signedDocument ? (
          <Group justify="space-between">
            <Group gap="sm">
              <IconFileTypePdf size={28} stroke={1.4} />
              <Stack gap={0}>
                <Text fw={600}>{c.signedDocument.fileName}</Text>
                <Text size="xs" c="dimmed">
                  {formatBytes(c.signedDocument.sizeBytes)} · uploaded {instantText(c.signedDocument.uploadedAt, c.timeZone)}
                </Text>
              </Stack>
            </Group>
            <Group gap="xs">
              <Button variant="default" leftSection={<IconDownload size={16} />} loading={opening} onClick={() => open(c.signedDocument!.id)}>
                Open
              </Button>
              <Permitted procedure="contracts.update">
                <Button variant="subtle" color="red" onClick={() => link(null)}>
                  Unlink
                </Button>
              </Permitted>
            </Group>
          </Group>
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              No signed PDF is linked yet. Upload it, or pick one already among the client’s documents.
            </Text>
            <PermittedFields procedure="contracts.update">
              <Select
                label="Pick from the client’s documents"
                placeholder={pdfs.length ? 'Choose a PDF' : 'The client has no PDF yet'}
                disabled={!pdfs.length}
                data={pdfs.map((d) => ({ value: String(d.id), label: `${d.fileName} (${formatBytes(d.sizeBytes)})` }))}
                value={null}
                onChange={(id) => id && link(Number(id))}
                maw={480}
              />
            </PermittedFields>
          </Stack>
        )}
      </Paper>
    </>
  );
}
