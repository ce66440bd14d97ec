import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilterOff, IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { FiltersButton, SearchInput } from '../../components/ListSearch';
import { PageHeader } from '../../components/PageHeader';
import { ColumnChooser, useShownColumns } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { IdentityReviewsButton } from './IdentityReviews';
import { ImportMinersModal } from './import/ImportMinersModal';
import { clearedFilters, countDrawerFilters, filtersAnything, minerFilters } from './miner-list-params';
import { MinerFiltersDrawer } from './MinerFiltersDrawer';
import { MinerFormModal } from './MinerFormModal';
import { MinerListBody } from './MinerListBody';
import { useMinerListView } from './useMinerListView';
import { Permitted } from '../../components/Permitted';
import { fleetInSightSentence, useManagedClientsOf, useScopedDescription } from '../auth/useManagedClientsOf';

export function MinersPage() {
  const [view, update] = useMinerListView();
  const [filtersOpen, filtersDrawer] = useDisclosure(false);
  const [columns, columnKeys, setColumnKeys] = useShownColumns();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const drawerFilters = countDrawerFilters(view);
  const anyFilter = filtersAnything(view);
  // An import may match miners of any client: a role that sees only its holder's clients is refused it.
  const seesEveryClient = useManagedClientsOf() === null;
  const description = useScopedDescription('Every machine in the facility: live status, place, client and payment status.', fleetInSightSentence);

  return (
    <Stack gap="sm" h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-lg))" style={{ minHeight: 560 }}>
      <PageHeader
        title="Miners"
        description={description}
        actions={
          <Group>
            <IdentityReviewsButton />
            {seesEveryClient && (
              <Permitted procedure="miners.import.commit">
                <Button variant="default" leftSection={<IconUpload size={18} />} onClick={() => setImporting(true)}>
                  Import
                </Button>
              </Permitted>
            )}
            <ExportMenu label="Export view" request={{ filter: minerFilters(view) }} />
            <Permitted procedure="miners.create">
              <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)}>
                Add miner
              </Button>
            </Permitted>
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
      <MinerListBody view={view} update={update} columns={columns} />
      <ImportMinersModal opened={importing} onClose={() => setImporting(false)} onDone={() => setImporting(false)} />
      {adding && <MinerFormModal miner={null} onClose={() => setAdding(false)} onSaved={(miner) => update({ minerId: miner.id })} />}
      <MinerFiltersDrawer opened={filtersOpen} onClose={filtersDrawer.close} view={view} onChange={update} />
    </Stack>
  );
}
