import { Anchor, Paper, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { MinerSortKey } from '../../../electron/contract/miners.list';
import { useQueryCall } from '../../api/useCall';
import { useRestorePoolsOffer } from '../devices/useRestorePoolsOffer';
import { PutOnContractModal } from '../contracts/PutOnContractModal';
import { CreateTaskModal } from '../tasks/CreateTaskModal';
import { MinerDetailDrawer } from './detail/MinerDetailDrawer';
import { MassActionBar } from './MassActionBar';
import { editTakesRowsOutOfView } from './mass-edit-view';
import { MassEditDialog, type MassAction, type MassEditTarget } from './MassEditDialog';
import type { MinerColumn } from './miner-columns';
import { minersText } from './miner-format';
import { filtersAnything, listKey, minerFilters, minerPageInput, type MinerListView } from './miner-list-params';
import { selectedCount } from './miner-selection';
import { MinersTable } from './MinersTable';
import { StatusCounts } from './StatusCounts';
import { useMassEditNotice } from './useMassEditNotice';
import { useMinerSelection } from './useMinerSelection';
import { AnnouncementDialog } from '../mail/AnnouncementDialog';

/**
 * A list of miners to work on: status counts, the table, selection with its mass actions, and the miner
 * drawer. The Miners page gives it the view in its address; a client's Equipment tab, that client's miners.
 */
export function MinerListBody(props: {
  view: MinerListView;
  update: (change: Partial<MinerListView>) => void;
  columns: MinerColumn[];
  label?: string;
  /** The client the list is scoped to (a client's Equipment tab): its filter is not one the user set. */
  scopedToClient?: boolean;
}) {
  const { view, update } = props;
  const [action, setAction] = useState<MassAction | null>(null);
  const [taskOpen, setTaskOpen] = useState(false);
  const [contractOpen, setContractOpen] = useState(false);
  const [mailOpen, setMailOpen] = useState(false);
  const [loaded, setLoaded] = useState({ count: 0, allSelected: false });
  const onLoaded = useCallback((count: number, allSelected: boolean) => setLoaded({ count, allSelected }), []);
  const selection = useMinerSelection(listKey(view));
  const announce = useMassEditNotice();
  const restoreOffer = useRestorePoolsOffer();
  // The first page also brings the total and the status counts; the table shares its cache entry.
  const head = useQueryCall('miners.list', minerPageInput(view, 0), { placeholderData: (previous) => previous });
  const total = head.data?.total ?? 0;
  const count = selectedCount(selection.selection, total);
  const anyFilter = filtersAnything(props.scopedToClient ? { ...view, clientIds: [] } : view);
  const target: MassEditTarget = selection.selection.kind === 'matching' ? { filter: minerFilters(view) } : { minerIds: [...selection.selection.ids] };
  const offerAllMatching = selection.selection.kind === 'ids' && loaded.count > 0 && loaded.allSelected && total > loaded.count;

  const sortBy = (sort: MinerSortKey) => update(view.sort === sort ? { dir: view.dir === 'asc' ? 'desc' : 'asc' } : { sort, dir: 'asc' });

  return (
    <>
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
        columns={props.columns}
        selection={selection.selection}
        onSort={sortBy}
        onToggleRow={selection.onToggleRow}
        onToggleLoaded={selection.onToggleLoaded}
        onOpen={(row) => update({ minerId: row.id })}
        onLoaded={onLoaded}
        label={props.label}
      />
      {count > 0 ? (
        <MassActionBar
          count={count}
          deviceTarget={target}
          exportRequest={'filter' in target ? { filter: target.filter } : { filter: {}, ids: target.minerIds }}
          onAction={setAction}
          onCreateTask={() => setTaskOpen(true)}
          onPutOnContract={() => setContractOpen(true)}
          onEmailClients={'minerIds' in target ? () => setMailOpen(true) : null}
          onClear={selection.clear}
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
      {mailOpen && 'minerIds' in target && <AnnouncementDialog minerIds={target.minerIds} onClose={() => setMailOpen(false)} />}
      <MinerDetailDrawer minerId={view.minerId} onClose={() => update({ minerId: null })} />
      {restoreOffer.dialog}
      {action && (
        <MassEditDialog
          action={action}
          count={count}
          target={target}
          onClose={() => setAction(null)}
          onDone={(result, sentence, draft) => {
            setAction(null);
            const leaves = selection.selection.kind === 'ids' && editTakesRowsOutOfView(draft.changes, view, draft.labels.clientId);
            // The changed miners left this filtered view: a selection of them would act on rows no longer shown.
            if (leaves) selection.clear();
            announce(result, sentence, leaves ? 'They no longer match this view, so they were taken out of the selection.' : undefined);
            if (action === 'paid' && result.changed > 0) restoreOffer.offer(target);
          }}
        />
      )}
    </>
  );
}
