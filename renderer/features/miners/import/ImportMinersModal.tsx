import { Alert, Anchor, Button, Code, FileButton, Group, Modal, Select, Stack, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import {
  clearableImportFields,
  importClearMarker,
  importFieldLabels,
  maxImportBytes,
  type ImportFormat,
  type ImportPreview,
  type ImportTarget,
} from '../../../../electron/contract/miners.import';
import { counted } from '../../../../electron/contract/words';
import { useCall, useQueryCall } from '../../../api/useCall';
import { downloadBase64, formatBytes, readAsBase64 } from '../../../components/files';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Permitted } from '../../../components/Permitted';
import { ColumnMapping, clashingFields } from './ColumnMapping';
import { choicesComplete, choicesToInput, initialChoices, NewClientsForm, type NewClientChoices } from './NewClientsForm';
import { ImportPreviewTable, ImportSummary } from './ImportPreviewTable';

type ChosenFile = { name: string; base64: string };

const clearableList = clearableImportFields.map((field) => importFieldLabels[field]).join(', ');

const accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1 of the import: the file, the default site and the templates. */
function ChooseFile(props: {
  file: ChosenFile | null;
  onFile: (file: ChosenFile | null, problem: string | null) => void;
  siteId: string | null;
  onSite: (id: string | null) => void;
}) {
  const sites = useQueryCall('sites.list', {});
  const template = useCall('miners.import.template', { failureTitle: 'The template was not made' });
  const download = async (format: ImportFormat) => {
    const outcome = await template.run({ format });
    if (outcome.ok) downloadBase64(outcome.value.base64, outcome.value.mime, outcome.value.fileName);
  };
  const pick = async (file: File | null) => {
    if (!file) return;
    if (file.size > maxImportBytes)
      return props.onFile(
        null,
        `"${file.name}" is ${formatBytes(file.size)}; one import takes at most ${formatBytes(maxImportBytes)}. Split the file into smaller ones and import them one after another.`,
      );
    props.onFile({ name: file.name, base64: await readAsBase64(file) }, null);
  };
  return (
    <Stack gap="sm">
      <Text size="sm">
        A CSV or XLSX file with the column names in row 1 and one miner per row. Rows that match a miner (by asset ID, serial, MAC or IP) update it; the others
        add new miners. Empty cells leave a miner&apos;s value as it is. For a client e-mail no client has yet, the preview asks for the new client&apos;s name
        and manager.
      </Text>
      <Text size="sm">
        To empty a field, write <Code>{importClearMarker}</Code> in its cell (for {clearableList}); a Client or Client e-mail cell saying{' '}
        <Code>{importClearMarker}</Code> unassigns the miner. The preview lists every field a row clears.
      </Text>
      <Group>
        <FileButton onChange={pick} accept={accept}>
          {(buttonProps) => (
            <Button leftSection={<IconFileSpreadsheet size={16} />} variant="default" {...buttonProps}>
              Choose file…
            </Button>
          )}
        </FileButton>
        <Text size="sm" c={props.file ? undefined : 'dimmed'}>
          {props.file?.name ?? 'No file chosen'}
        </Text>
      </Group>
      <Select
        label="Default site"
        description="For rows that name no site"
        placeholder="None"
        clearable
        data={(sites.data ?? []).map((site) => ({ value: String(site.id), label: site.name }))}
        value={props.siteId}
        onChange={props.onSite}
      />
      <Text size="sm">
        Templates:{' '}
        <Anchor component="button" type="button" onClick={() => void download('csv')}>
          CSV
        </Anchor>{' '}
        ·{' '}
        <Anchor component="button" type="button" onClick={() => void download('xlsx')}>
          XLSX (with the catalogue models)
        </Anchor>
      </Text>
    </Stack>
  );
}

/** Import miners from CSV or XLSX: choose the file, map its columns, check the preview, then commit in one go. */
export function ImportMinersModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, ImportTarget>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [newClients, setNewClients] = useState<NewClientChoices>(new Map());
  const previewCall = useCall('miners.import.preview', { failureTitle: 'The file cannot be imported' });
  const commitCall = useCall('miners.import.commit', { failureTitle: 'Nothing was imported' });

  const close = () => {
    setStep(0);
    setFile(null);
    setFileProblem(null);
    setMapping({});
    setPreview(null);
    setNewClients(new Map());
    previewCall.reset();
    commitCall.reset();
    onClose();
  };
  const input = (chosen: ChosenFile, withMapping: Record<string, ImportTarget>) => ({
    fileName: chosen.name,
    base64: chosen.base64,
    mapping: withMapping,
    siteId: siteId ? Number(siteId) : null,
  });
  const runPreview = async (withMapping: Record<string, ImportTarget>, nextStep: number) => {
    if (!file) return;
    const outcome = await previewCall.run(input(file, withMapping));
    if (!outcome.ok) return;
    setPreview(outcome.value);
    setNewClients(initialChoices(outcome.value.newClients, outcome.value.newClientsManagerId));
    setMapping(Object.fromEntries(outcome.value.columns.map((column) => [column.header, column.mapped])));
    setStep(nextStep);
  };
  const commit = async () => {
    if (!file) return;
    const outcome = await commitCall.run({ ...input(file, mapping), newClients: choicesToInput(newClients) });
    if (!outcome.ok) return;
    const { created, updated, createdClients } = outcome.value;
    const clients = createdClients.length ? `, ${counted(createdClients.length, 'new client')}` : '';
    notifications.show({ color: 'green', title: 'Miners imported', message: `${created} added, ${updated} updated${clients}.` });
    onDone();
    close();
  };
  const clashes = clashingFields(mapping).size > 0;
  const clientsMissing = !choicesComplete(newClients);
  const blocked = !preview || preview.summary.error > 0 || preview.summary.create + preview.summary.update === 0 || clientsMissing;

  return (
    <Modal opened={opened} onClose={close} title="Import miners" size="xl">
      <Stepper active={step} onStepClick={(target) => target < step && setStep(target)} size="sm">
        <Stepper.Step label="File">
          <Stack gap="sm" mt="md">
            <ChooseFile
              file={file}
              onFile={(chosen, problem) => {
                setFile(chosen);
                setFileProblem(problem);
                setMapping({});
                previewCall.reset();
              }}
              siteId={siteId}
              onSite={setSiteId}
            />
            {fileProblem && (
              <Alert color="red" title="This file cannot be imported">
                {fileProblem}
              </Alert>
            )}
            <ErrorAlert title="This file cannot be imported" error={previewCall.error} />
            <Group justify="flex-end">
              <Button disabled={!file} loading={previewCall.running} onClick={() => void runPreview({}, 1)}>
                Next: columns
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Columns">
          <Stack gap="sm" mt="md">
            {preview && <ColumnMapping columns={preview.columns} mapping={mapping} onChange={setMapping} />}
            <ErrorAlert title="The mapping cannot be used" error={previewCall.error} />
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(0)}>
                Back
              </Button>
              <Button disabled={clashes} loading={previewCall.running} onClick={() => void runPreview(mapping, 2)}>
                Next: preview
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Preview">
          {preview && (
            <Stack gap="sm" mt="md">
              <ImportSummary preview={preview} />
              {preview.summary.error > 0 && (
                <Alert color="red" title="Fix the rows with errors first">
                  Nothing is imported while any row has an error. Correct the file and choose it again, or map the columns differently.
                </Alert>
              )}
              {preview.newClients.length > 0 && <NewClientsForm clients={preview.newClients} choices={newClients} onChange={setNewClients} />}
              <ImportPreviewTable preview={preview} />
              <ErrorAlert title="Nothing was imported" error={commitCall.error} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(1)}>
                  Back
                </Button>
                <Group gap="sm">
                  {preview.summary.error === 0 && clientsMissing && (
                    <Text size="sm" c="dimmed">
                      Give every new client a name and a manager first.
                    </Text>
                  )}
                  <Permitted procedure="miners.import.commit">
                    <Button disabled={blocked} loading={commitCall.running} onClick={() => void commit()}>
                      Import {counted(preview.summary.create + preview.summary.update, 'miner')}
                    </Button>
                  </Permitted>
                </Group>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}
