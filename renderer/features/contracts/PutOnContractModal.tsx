import { Button, Divider, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { contractStatusLabels, contractTypeLabels } from '../../../electron/contract/contracts.vocab';
import type { MinerFilters } from '../../../electron/contract/miners.list';
import { maxMinerPage } from '../../../electron/contract/miners.list';
import { invoke, invokeOrThrow } from '../../api/client';
import { notifyFailure, useQueryCall } from '../../api/useCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { plural } from './contract-format';
import type { WizardState } from './wizard/ContractWizardPages';
import { Permitted } from '../../components/Permitted';

/** The most miners one assignment takes (the API's own limit). */
const maxMiners = 20_000;

/** The ids a selection stands for: listed ids, or every miner matching the filters, read page by page. */
async function idsOf(target: { minerIds: number[] } | { filter: MinerFilters }, count: number): Promise<number[] | string> {
  if ('minerIds' in target) return target.minerIds;
  if (count > maxMiners) return `${plural(count, 'miner')} match: a contract takes at most ${maxMiners.toLocaleString('en-US')} at once. Narrow the filters.`;
  const ids: number[] = [];
  for (let offset = 0; offset < count; offset += maxMinerPage) {
    const page = await invokeOrThrow('miners.list', { ...target.filter, sort: 'id', offset, limit: maxMinerPage });
    ids.push(...page.rows.map((row) => row.id));
    if (page.rows.length < maxMinerPage) break;
  }
  return ids;
}

/** "Put on a contract…" from the Miners table: onto an open Hosted or Lease contract, or a new one started with them. */
export function PutOnContractModal(props: { count: number; target: { minerIds: number[] } | { filter: MinerFilters }; onClose: () => void }) {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const [contractId, setContractId] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<{ code: 'CONFLICT'; message: string } | null>(null);
  const open = useQueryCall(
    'contracts.list',
    { search: contractId ? '' : typed, type: ['hosted', 'lease'], status: ['draft', 'active', 'expiring'], sort: 'reference', dir: 'asc', limit: 50 },
    { placeholderData: (previous) => previous },
  );
  const options = (open.data?.rows ?? []).map((row) => ({
    value: String(row.id),
    label: `${row.reference} — ${row.client.name} (${contractTypeLabels[row.type]}, ${contractStatusLabels[row.status].toLowerCase()})`,
  }));

  const withIds = async (then: (ids: number[]) => Promise<void>) => {
    setWorking(true);
    const ids = await idsOf(props.target, props.count);
    if (typeof ids === 'string') setError({ code: 'CONFLICT', message: ids });
    else await then(ids);
    setWorking(false);
  };
  const putOnExisting = () =>
    withIds(async (minerIds) => {
      const outcome = await invoke('contracts.assignEquipment', { contractId: Number(contractId), minerIds });
      if (!outcome.ok) return notifyFailure('The miners were not put on the contract', outcome.error);
      notifications.show({
        color: 'green',
        title: 'Miners on the contract',
        message: `${plural(minerIds.length, 'miner')} put on ${outcome.value.reference}.`,
      });
      props.onClose();
      navigate(`/contracts/${outcome.value.id}?tab=equipment`);
    });
  const startNew = () => withIds(async (minerIds) => void navigate('/contracts/new', { state: { minerIds } satisfies WizardState }));

  return (
    <Modal opened onClose={props.onClose} title="Put on a contract" centered size="lg">
      <Stack gap="sm">
        <Text size="sm">
          {plural(props.count, 'miner')} selected. On an active contract they are under it from now; on a draft, from its start. Hosted miners must be the
          client’s own; Lease miners come from unassigned or staged stock.
        </Text>
        <Select
          label="Open Hosted or Lease contract"
          placeholder="Search by number, client or site"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          data={options}
          value={contractId}
          onChange={setContractId}
          nothingFoundMessage="No open Hosted or Lease contract matches"
          data-autofocus
        />
        <Group justify="flex-end">
          <Permitted procedure="contracts.assignEquipment">
            <Button disabled={!contractId} loading={working} onClick={putOnExisting}>
              Put on this contract
            </Button>
          </Permitted>
        </Group>
        <Divider label="or" labelPosition="center" />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Start a new contract; the miners go on its draft when step 1 is saved.
          </Text>
          <Permitted procedure="contracts.create">
            <Button variant="default" loading={working} onClick={startNew}>
              New contract with these miners
            </Button>
          </Permitted>
        </Group>
        <ErrorAlert title="Not done" error={error} />
      </Stack>
    </Modal>
  );
}
