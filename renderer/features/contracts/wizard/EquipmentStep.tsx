import { Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Input } from '../../../../electron/contract';
import type { ContractDetail, EquipmentCandidates } from '../../../../electron/contract/contracts';
import type { MinerListRow } from '../../../../electron/contract/miners.list';
import { invokeOrThrow } from '../../../api/client';
import { useCall, useQueryCall } from '../../../api/useCall';
import { FiltersButton, SearchInput } from '../../../components/ListSearch';
import { minerColumns, type MinerColumn } from '../../miners/miner-columns';
import { countDrawerFilters, listKey, minerFilters, minerPageSize, readMinerListView, type MinerListView } from '../../miners/miner-list-params';
import { MinerFiltersDrawer } from '../../miners/MinerFiltersDrawer';
import { MinersTable } from '../../miners/MinersTable';
import { StatusCounts } from '../../miners/StatusCounts';
import type { MinerPageSource } from '../../miners/useMinerPages';
import { useMinerSelection } from '../../miners/useMinerSelection';
import { plural } from '../contract-format';
import { EquipmentTotalsBar } from './EquipmentTotalsBar';
import { FinishButtons, useFinishSetup } from './FinishSetup';
import { totalsOf } from './equipment-totals';
import { Permitted } from '../../../components/Permitted';

const shownColumns = ['status', 'assetId', 'client', 'model', 'hashrate', 'power', 'site', 'rack', 'state'];
const columnsBefore = (key: string) => shownColumns.indexOf(key) <= shownColumns.indexOf('assetId');

type PageInput = Input<'contracts.equipmentCandidates'>;

/**
 * Step 2 for Hosted and Lease: the Miners table scoped to what the contract may take (the client's own miners,
 * or unassigned and staged stock), rows another contract holds explained, with running totals against the cap.
 */
export function EquipmentStep(props: { contract: ContractDetail; onBack: () => void; onDone: (activate: boolean) => void }) {
  const { contract } = props;
  const queryClient = useQueryClient();
  const [view, setView] = useState<MinerListView>(() => ({ ...readMinerListView(new URLSearchParams()), sort: 'assetId', siteIds: [contract.site.id] }));
  const change = (next: Partial<MinerListView>) => setView((now) => ({ ...now, ...next }));
  const [filtersOpen, filters] = useDisclosure(false);
  const selection = useMinerSelection(listKey(view));
  const assign = useCall('contracts.assignEquipment', { failureTitle: 'The miners were not put on the contract' });
  const release = useCall('contracts.releaseEquipment', { failureTitle: 'The miners were not taken off the contract' });

  const source = useMemo((): MinerPageSource => {
    const input = (pageIndex: number): PageInput => ({
      ...minerFilters(view),
      contractId: contract.id,
      sort: view.sort,
      dir: view.dir,
      offset: pageIndex * minerPageSize,
      limit: minerPageSize,
    });
    return { key: (p) => ['contracts.equipmentCandidates', input(p)], fetch: (p) => invokeOrThrow('contracts.equipmentCandidates', input(p)) };
  }, [view, contract.id]);
  const head = useQueryCall('contracts.equipmentCandidates', source.key(0)[1] as PageInput, { placeholderData: (previous) => previous });
  const total = head.data?.total ?? 0;

  /** The loaded pages of this view, read from the cache at render: the table re-renders as each arrives. */
  const loadedPages = (): EquipmentCandidates[] => {
    const pages: EquipmentCandidates[] = [];
    for (let p = 0; p * minerPageSize < total; p += 1) {
      const page = queryClient.getQueryData<EquipmentCandidates>(source.key(p));
      if (page) pages.push(page);
    }
    return pages;
  };
  const blockedReason = (row: MinerListRow): string | null => {
    for (const page of loadedPages()) if (page.blocked[row.id]) return page.blocked[row.id];
    return null;
  };
  const onContract = (row: MinerListRow) => loadedPages().some((page) => page.onThisContract.includes(row.id));

  const contractColumn: MinerColumn = {
    key: 'contract',
    label: 'This contract',
    width: 200,
    shownByDefault: true,
    render: (row) => {
      if (onContract(row)) return <Badge variant="light">On this contract</Badge>;
      const reason = blockedReason(row);
      return reason ? (
        <Tooltip label={reason} multiline maw={360}>
          <Text size="xs" c="dimmed" truncate="end">
            {reason}
          </Text>
        </Tooltip>
      ) : (
        <Text size="xs" c="dimmed">
          Available
        </Text>
      );
    },
  };
  const shown = minerColumns.filter((c) => shownColumns.includes(c.key));
  const columns = [...shown.filter((c) => columnsBefore(c.key)), contractColumn, ...shown.filter((c) => !columnsBefore(c.key))];

  const picked = selection.selection.kind === 'ids' ? selection.selection.ids : new Set<number>();
  const loadedRows = loadedPages().flatMap((page) => page.rows);
  const toAdd = loadedRows.filter((row) => picked.has(row.id) && !onContract(row) && !blockedReason(row));
  const toRemove = loadedRows.filter((row) => picked.has(row.id) && onContract(row));

  const add = async () => {
    if (!toAdd.length) return true;
    const outcome = await assign.run({ contractId: contract.id, minerIds: toAdd.map((row) => row.id) });
    if (outcome.ok) {
      selection.clear();
      notifications.show({ color: 'green', title: 'Miners added', message: `${plural(toAdd.length, 'miner')} put on ${outcome.value.reference}.` });
    }
    return outcome.ok;
  };
  const remove = async () => {
    const outcome = await release.run({ contractId: contract.id, minerIds: toRemove.map((row) => row.id) });
    if (outcome.ok) selection.clear();
  };
  const { finish, activating } = useFinishSetup(contract.id, add, props.onDone);

  const drawerFilters = countDrawerFilters(view);
  return (
    <Stack gap="sm" h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-lg) - 150px)" style={{ minHeight: 520 }}>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="sm">
          <SearchInput
            label="Search miners"
            placeholder="Search asset ID, IP, serial, model…"
            width={320}
            value={view.search}
            onSearch={(search) => change({ search })}
          />
          <FiltersButton count={drawerFilters} onClick={filters.open} />
        </Group>
        <Text size="sm" c="dimmed" maw={520} ta="right">
          {contract.type === 'lease'
            ? 'Lease: your unassigned and staged miners, by default at the contract’s site.'
            : `Hosted: ${contract.client.name}’s own miners, by default at the contract’s site.`}
        </Text>
      </Group>
      <StatusCounts counts={head.data?.statusCounts} value={view.statuses} onChange={(statuses) => change({ statuses })} />
      <MinersTable
        label="Candidate miners"
        view={view}
        total={total}
        columns={columns}
        selection={selection.selection}
        source={source}
        blockedReason={blockedReason}
        onSort={(sort) => change(view.sort === sort ? { dir: view.dir === 'asc' ? 'desc' : 'asc' } : { sort, dir: 'asc' })}
        onToggleRow={selection.onToggleRow}
        onToggleLoaded={selection.onToggleLoaded}
        onOpen={(row) => !blockedReason(row) && selection.onToggleRow({ row, index: loadedRows.indexOf(row), shift: false }, async () => [])}
        onLoaded={() => undefined}
      />
      <Paper withBorder shadow="sm" px="md" py="sm">
        <Stack gap="sm">
          <EquipmentTotalsBar onContract={head.data?.contract ?? totalsOf([])} selected={totalsOf(toAdd)} powerCapKw={contract.powerCapKw} />
          <Group justify="space-between">
            <Group gap="xs">
              <Permitted procedure="contracts.assignEquipment">
                <Button variant="light" disabled={!toAdd.length} loading={assign.running} onClick={add}>
                  Add {plural(toAdd.length, 'miner')}
                </Button>
              </Permitted>
              <Permitted procedure="contracts.releaseEquipment">
                <Button variant="light" color="red" disabled={!toRemove.length} loading={release.running} onClick={remove}>
                  Take {plural(toRemove.length, 'miner')} off
                </Button>
              </Permitted>
              <Text size="xs" c="dimmed">
                {total ? `${plural(total, 'miner')} match${head.data ? ` (${head.data.matching.nominalKw} kW nominal)` : ''}` : ''}
              </Text>
            </Group>
            <FinishButtons draft={contract.status === 'draft'} adding={assign.running} activating={activating} onBack={props.onBack} onFinish={finish} />
          </Group>
        </Stack>
      </Paper>
      <MinerFiltersDrawer opened={filtersOpen} onClose={filters.close} view={view} onChange={change} />
    </Stack>
  );
}
