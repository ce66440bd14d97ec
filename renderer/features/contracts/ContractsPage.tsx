import { Button, Center, Group, Loader, Pagination, Paper, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { contractStatusLabels, contractStatuses } from '../../../electron/contract/contracts.vocab';
import { useQueryCall } from '../../api/useCall';
import { PageHeader } from '../../components/PageHeader';
import { StatusChips } from '../../components/StatusChips';
import { plural } from './contract-format';
import { contractListInput, contractPageSize, countContractFilters } from './contract-list-params';
import { ContractFilters } from './ContractFilters';
import { ContractsTable } from './ContractsTable';
import { RenewalQueue } from './RenewalQueue';
import { useContractListView } from './useContractListView';
import { Permitted } from '../../components/Permitted';

export function ContractsPage() {
  const [view, update] = useContractListView();
  const list = useQueryCall('contracts.list', contractListInput(view), { placeholderData: (previous) => previous });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / contractPageSize));
  const anyFilter = countContractFilters(view) > 0 || view.search.trim() !== '' || view.statuses.length > 0;

  return (
    <Stack gap="md">
      <PageHeader
        title="Contracts"
        description="Hosted, Lease, Infinity and O&M contracts: their terms, billing and the equipment or sites they cover. Dates are in each site's time zone."
        actions={
          <Permitted procedure="contracts.create">
            <Button component={Link} to="/contracts/new" leftSection={<IconPlus size={18} />}>
              New contract
            </Button>
          </Permitted>
        }
      />
      <RenewalQueue view={view} onChange={update} />
      <Group justify="space-between" align="flex-end">
        <ContractFilters view={view} onChange={update} />
        {anyFilter && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={18} />}
            onClick={() => update({ search: '', types: [], statuses: [], clientIds: [], siteIds: [], expiringWithinDays: null })}
          >
            Clear all
          </Button>
        )}
      </Group>
      <StatusChips
        statuses={contractStatuses}
        labels={contractStatusLabels}
        counts={list.data?.statusCounts}
        value={view.statuses}
        onChange={(statuses) => update({ statuses })}
      />
      {!list.data ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : list.data.rows.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text fw={600}>{anyFilter ? 'No contracts match this view.' : 'No contracts yet.'}</Text>
          <Text c="dimmed" size="sm">
            {anyFilter ? 'Clear the search or filters.' : 'Create one with New contract, or from a client’s Contracts tab.'}
          </Text>
        </Paper>
      ) : (
        <ContractsTable rows={list.data.rows} />
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.data ? plural(list.data.total, 'contract') : ''}
        </Text>
        {pages > 1 && <Pagination total={pages} value={view.page} onChange={(page) => update({ page })} />}
      </Group>
    </Stack>
  );
}
