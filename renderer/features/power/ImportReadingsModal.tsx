import { Alert, Button, Code, FileInput, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReadingRowInput, ReadingRowNote, ReadingsImportResult } from '../../../electron/contract/power.readings';
import { useCall } from '../../api/useCall';
import { useDates } from '../../components/useDates';
import { readReadingsCsv } from './readings-csv';
import { Permitted, PermittedFields } from '../../components/Permitted';

function Notes({ title, color, notes }: { title: string; color: string; notes: ReadingRowNote[] }) {
  if (!notes.length) return null;
  return (
    <Alert color={color} title={title}>
      <ScrollArea.Autosize mah={220}>
        <List size="sm" spacing={4}>
          {notes.map((note) => (
            <List.Item key={`${note.row}-${note.message}`}>
              <Text span fw={600} size="sm">
                Row {note.row}:
              </Text>{' '}
              {note.message}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Alert>
  );
}

/**
 * Readings from a CSV (columns device, outlet, at, kwh, reset): the file is checked by the import without
 * storing anything, every refused row is shown with its reason, and the readings are stored on confirm, all
 * or none.
 */
export function ImportReadingsModal({ onClose }: { onClose: () => void }) {
  const importCall = useCall('power.readings.import', { failureTitle: 'The readings were not imported' });
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rows, setRows] = useState<ReadingRowInput[] | null>(null);
  const [checked, setChecked] = useState<ReadingsImportResult | null>(null);
  const { dateTime } = useDates();

  const pick = async (picked: File | null) => {
    setFile(picked);
    setProblem(null);
    setRows(null);
    setChecked(null);
    if (!picked) return;
    const read = readReadingsCsv(await picked.text(), picked.size);
    if (!read.ok) return setProblem(read.problem);
    setRows(read.rows);
    const outcome = await importCall.run({ rows: read.rows, check: true });
    if (outcome.ok) setChecked(outcome.value);
  };
  const store = async () => {
    if (!rows) return;
    const outcome = await importCall.run({ rows, check: false });
    if (!outcome.ok) return;
    if (!outcome.value.stored) return setChecked(outcome.value);
    notifications.show({ color: 'green', title: 'Readings imported', message: `${outcome.value.rows.toLocaleString()} readings stored.` });
    onClose();
  };

  const refused = (checked?.refusals.length ?? 0) > 0;
  return (
    <Modal opened onClose={onClose} title="Import readings" size="xl" centered>
      <Stack gap="sm">
        <Text size="sm">
          A CSV with a header row and the columns <Code>device</Code> (name or id), <Code>outlet</Code> (1, 2…; blank for the device total), <Code>at</Code>{' '}
          (2026-11-01T08:00 in the site&apos;s time, or with an offset), <Code>kwh</Code> (the counter, up to three decimals) and <Code>reset</Code> (yes when
          the meter was reset or replaced before that reading). Nothing is stored until you confirm, and a file with a refused row stores nothing. Row numbers
          count the readings under the header.
        </Text>
        <PermittedFields procedure="power.readings.import">
          <FileInput
            label="Readings file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            leftSection={<IconFileTypeCsv size={16} />}
            value={file}
            onChange={(picked) => void pick(picked)}
            clearable
          />
        </PermittedFields>
        {problem && (
          <Alert color="red" title="The file cannot be read">
            {problem}
          </Alert>
        )}
        {checked && (
          <>
            <Text size="sm" fw={500}>
              {refused
                ? `${checked.refusals.length} of ${checked.rows.toLocaleString()} readings refused: nothing will be stored until they are fixed.`
                : `${checked.rows.toLocaleString()} readings ready to store.`}
            </Text>
            <Notes title="Refused rows" color="red" notes={checked.refusals} />
            <Notes title="Stored with a remark" color="yellow" notes={checked.remarks} />
            {!refused && (
              <Table aria-label="Readings to store" striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Device</Table.Th>
                    <Table.Th>Counter</Table.Th>
                    <Table.Th ta="right">Readings</Table.Th>
                    <Table.Th>From</Table.Th>
                    <Table.Th>To</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {checked.counters.map((c) => (
                    <Table.Tr key={`${c.deviceId}-${c.outletIndex}`}>
                      <Table.Td>{c.deviceName}</Table.Td>
                      <Table.Td>{c.outletIndex === null ? 'Total' : `Outlet ${c.outletIndex}${c.outletCreated ? ' (new)' : ''}`}</Table.Td>
                      <Table.Td ta="right">{c.readings.toLocaleString()}</Table.Td>
                      <Table.Td>{dateTime(c.fromAt)}</Table.Td>
                      <Table.Td>{dateTime(c.toAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Permitted procedure="power.readings.import">
            <Button disabled={!checked || refused} loading={importCall.running} onClick={() => void store()}>
              Store readings
            </Button>
          </Permitted>
        </Group>
      </Stack>
    </Modal>
  );
}
