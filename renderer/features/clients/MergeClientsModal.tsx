import { Alert, Button, Group, List, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ClientDetail, MergeCounts } from '../../../electron/contract/clients';
import { useCall, useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Permitted } from '../../components/Permitted';

const moveLabels: Record<keyof MergeCounts, string> = {
  miners: 'miners',
  contracts: 'contracts',
  invoices: 'invoices',
  payments: 'payments',
  contacts: 'contacts',
  documents: 'documents',
  tasks: 'tasks',
  pricingRows: 'price history rows',
};

/**
 * Merges two clients: pick the other client and which one survives, see what moves, confirm.
 * The service does it in one transaction and keeps the merged client archived, pointing at the survivor.
 */
export function MergeClientsModal({ client, opened, onClose }: { client: ClientDetail; opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [otherId, setOtherId] = useState<number | null>(null);
  const [survivor, setSurvivor] = useState<'this' | 'other'>('this');
  const candidates = useQueryCall('clients.list', { search: debounced, limit: 20 }, { enabled: opened });
  const pair = otherId === null ? null : survivor === 'this' ? { sourceId: otherId, survivorId: client.id } : { sourceId: client.id, survivorId: otherId };
  const preview = useQueryCall('clients.merge.preview', pair ?? { sourceId: 0, survivorId: 0 }, { enabled: opened && pair !== null });
  const merge = useCall('clients.merge', { quiet: true });

  const options = (candidates.data?.rows ?? [])
    .filter((row) => row.id !== client.id)
    .map((row) => ({ value: String(row.id), label: `#${row.id} ${row.name} — ${row.contactEmail}` }));

  const confirm = async () => {
    if (!pair) return;
    const outcome = await merge.run(pair);
    if (outcome.ok) {
      notifications.show({
        color: 'green',
        title: 'Clients merged',
        message: `Everything now belongs to ${outcome.value.survivor.name} (#${outcome.value.survivor.id}).`,
      });
      onClose();
      navigate(`/clients/${outcome.value.survivor.id}`);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Merge clients" size="lg">
      <Stack>
        <Select
          label="The other client"
          placeholder="Search by name, e-mail or #ID"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={otherId ? String(otherId) : null}
          onChange={(value) => setOtherId(value ? Number(value) : null)}
          nothingFoundMessage="No other client matches"
        />
        <Radio.Group label="Which client is kept?" value={survivor} onChange={(value) => setSurvivor(value as 'this' | 'other')}>
          <Group mt={6}>
            <Radio value="this" label={`Keep ${client.name} (#${client.id})`} />
            <Radio value="other" label="Keep the other client" disabled={otherId === null} />
          </Group>
        </Radio.Group>
        {preview.data && pair && (
          <Alert
            color="blue"
            title={`Merge ${preview.data.source.name} (#${preview.data.source.id}) into ${preview.data.survivor.name} (#${preview.data.survivor.id})`}
          >
            <Text size="sm" mb={6}>
              These move to {preview.data.survivor.name}:
            </Text>
            <List size="sm" aria-label="What moves">
              {(Object.keys(moveLabels) as (keyof MergeCounts)[]).map((key) => (
                <List.Item key={key}>
                  {preview.data.moves[key]} {moveLabels[key]}
                </List.Item>
              ))}
            </List>
            {preview.data.conflicts.map((conflict) => (
              <Text key={conflict} size="sm" c="orange" mt={6}>
                {conflict}
              </Text>
            ))}
            <Text size="sm" mt={6}>
              {preview.data.source.name} is then archived, with a pointer to {preview.data.survivor.name}. This cannot be undone automatically.
            </Text>
          </Alert>
        )}
        <ErrorAlert title="The clients were not merged" error={merge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Permitted procedure="clients.merge">
            <Button color="red" onClick={confirm} loading={merge.running} disabled={!preview.data || !pair}>
              Merge clients
            </Button>
          </Permitted>
        </Group>
      </Stack>
    </Modal>
  );
}
