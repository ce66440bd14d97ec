import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilterOff, IconPlus, IconUpload } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { MinerSortKey } from '../../../electron/contract/miners.list';
import { useQueryCall } from '../../api/useCall';
import { FiltersButton, SearchInput } from '../../components/ListSearch';
import { PageHeader } from '../../components/PageHeader';
import { useRestorePoolsOffer } from '../devices/useRestorePoolsOffer';
import { PutOnContractModal } from '../contracts/PutOnContractModal';
import { CreateTaskModal } from '../tasks/CreateTaskModal';
import { ColumnChooser, useShownColumns } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { IdentityReviewsButton } from './IdentityReviews';
import { ImportMinersModal } from './import/ImportMinersModal';
import { MassActionBar } from './MassActionBar';
import { MassEditDialog, type MassAction, type MassEditTarget } from './MassEditDialog';
import { minersText } from './miner-format';
import { clearedFilters, countDrawerFilters, listKey, minerFilters, minerPageInput } from './miner-list-params';
import { selectedCount } from './miner-selection';
import { MinerDetailDrawer } from './detail/MinerDetailDrawer';
import { MinerFiltersDrawer } from './MinerFiltersDrawer';
import { MinerFormModal } from './MinerFormModal';
import { MinersTable } from './MinersTable';
import { StatusCounts } from './StatusCounts';
import { useMassEditNotice } from './useMassEditNotice';
import { useMinerListView } from './useMinerListView';
import { useMinerSelection } from './useMinerSelection';

export function MinersPage() {
  const [view, update] = useMinerListView();
  const [filtersOpen, filtersDrawer] = useDisclosure(false);
  const [columns, columnKeys, setColumnKeys] = useShownColumns();
  const [action, setAction] = useState<MassAction | null>(null);
  const [taskOpen, setTaskOpen] = useState(false);
  const [contractOpen, setContractOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [loaded, setLoaded] = useState({ count: 0, allSelected: false });
  const onLoaded = useCallback((count: number, allSelected: boolean) => setLoaded({ count, allSelected }), []);
  const key = listKey(view);
  const selection = useMinerSelection(key);
  const announce = useMassEditNotice();
  const restoreOffer = useRestorePoolsOffer();
  // The first page also brings the total and the status counts; the table shares its cache entry.
  const head = useQueryCall('miners.list', minerPageInput(view, 0), { placeholderData: (previous) => previous });
  const total = head.data?.total ?? 0;
  const count = selectedCount(selection.selection, total);
  const drawerFilters = countDrawerFilters(view);
  const anyFilter = drawerFilters > 0 || view.search.trim() !== '' || view.statuses.length > 0;
  const target: MassEditTarget = selection.selection.kind === 'matching' ? { filter: minerFilters(view) } : { minerIds: [...selection.selection.ids] };
  const offerAllMatching = selection.selection.kind === 'ids' && loaded.count > 0 && loaded.allSelected && total > loaded.count;

  const sortBy = (sort: MinerSortKey) => update(view.sort === sort ? { dir: view.dir === 'asc' ? 'desc' : 'asc' } : { sort, dir: 'asc' });

  return (
    <Stack gap="sm" h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-lg))" style={{ minHeight: 560 }}>
      <PageHeader
        title="Miners"
        description="Every machine in the facility: live status, place, client and payment status."
        actions={
          <Group>
            <IdentityReviewsButton />
            <Button variant="default" leftSection={<IconUpload size={18} />} onClick={() => setImporting(true)}>
              Import
            </Button>
            <ExportMenu label="Export view" request={{ filter: minerFilters(view) }} />
            <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)}>
              Add miner
            </Button>
          </Group>
        }
      />
      <Group justify="space-between" align="flex-end" mt={-16}>
        <Group align="flex-end" gap="sm">
          <SearchInput
            label="Search miners"
            placeholder="Search asset ID, IP, MAC, serial, model, client…"
            width={380}
            value={view.search}
            onSearch={(search) => update({ search })}
          />
          <FiltersButton count={drawerFilters} onClick={filtersDrawer.open} />
          {anyFilter && (
            <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={18} />} onClick={() => update(clearedFilters)}>
              Clear all
            </Button>
          )}
        </Group>
        <ColumnChooser keys={columnKeys} onChange={setColumnKeys} />
      </Group>
      <StatusCounts counts={head.data?.statusCounts} value={view.statuses} onChange={(statuses) => update({ statuses })} />
      {offerAllMatching && (
        <Paper withBorder px="md" py={6} bg="var(--mantine-primary-color-light)">
          <Text size="sm" ta="center">
            All {loaded.count.toLocaleString('en-US')} on screen are selected —{' '}
            <Anchor component="button" size="sm" fw={600} onClick={selection.selectMatching}>
              Select all {total.toLocaleString('en-US')} matching
            </Anchor>
          </Text>
        </Paper>
      )}
      {selection.selection.kind === 'matching' && (
        <Paper withBorder px="md" py={6} bg="var(--mantine-primary-color-light)">
          <Text size="sm" ta="center">
            All {minersText(total)} matching this view are selected —{' '}
            <Anchor component="button" size="sm" fw={600} onClick={selection.clear}>
              Clear selection
            </Anchor>
          </Text>
        </Paper>
      )}
      <MinersTable
        view={view}
        total={total}
        columns={columns}
        selection={selection.selection}
        onSort={sortBy}
        onToggleRow={selection.onToggleRow}
        onToggleLoaded={selection.onToggleLoaded}
        onOpen={(row) => update({ minerId: row.id })}
        onLoaded={onLoaded}
      />
      {count > 0 ? (
        <MassActionBar
          count={count}
          deviceTarget={target}
          onAction={setAction}
          onClear={selection.clear}
          extra={
            <>
              <Button size="xs" variant="default" onClick={() => setTaskOpen(true)}>
                Create task
              </Button>
              <Button size="xs" variant="default" onClick={() => setContractOpen(true)}>
                Put on a contract…
              </Button>
              <ExportMenu size="xs" label="Export" request={'filter' in target ? { filter: target.filter } : { filter: {}, ids: target.minerIds }} />
            </>
          }
        />
      ) : (
        <Text size="sm" c="dimmed" py={6}>
          {head.data ? `${minersText(total)}${anyFilter ? ' match this view' : ''}` : 'Loading miners…'}
        </Text>
      )}
      <CreateTaskModal
        opened={taskOpen}
        onClose={() => setTaskOpen(false)}
        minerCount={count}
        {...('filter' in target ? { minerFilter: target.filter } : { minerIds: target.minerIds })}
      />
      {contractOpen && <PutOnContractModal count={count} target={target} onClose={() => setContractOpen(false)} />}
      <ImportMinersModal opened={importing} onClose={() => setImporting(false)} onDone={() => setImporting(false)} />
      {adding && <MinerFormModal miner={null} onClose={() => setAdding(false)} onSaved={(miner) => update({ minerId: miner.id })} />}
      <MinerDetailDrawer minerId={view.minerId} onClose={() => update({ minerId: null })} />
      {restoreOffer.dialog}
      <MinerFiltersDrawer opened={filtersOpen} onClose={filtersDrawer.close} view={view} onChange={update} />
      {action && (
        <MassEditDialog
          action={action}
          count={count}
          target={target}
          onClose={() => setAction(null)}
          onDone={(result, sentence) => {
            setAction(null);
            announce(result, sentence);
            if (action === 'paid' && result.changed > 0) restoreOffer.offer(target);
          }}
        />
      )}
    </Stack>
  );
}
