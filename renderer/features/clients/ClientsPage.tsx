import { ActionIcon, Button, Center, Group, Loader, Pagination, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure, useLocalStorage } from '@mantine/hooks';
import { IconLayoutGrid, IconList, IconPlus, IconSettings, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { Link } from 'react-router';
import { clientStatuses } from '../../../electron/contract/clients';
import type { ClientSortKey } from '../../../electron/contract/clients.list';
import { useQueryCall } from '../../api/useCall';
import { FiltersButton, SearchInput } from '../../components/ListSearch';
import { PageHeader } from '../../components/PageHeader';
import { useScopedDescription } from '../auth/useManagedClientsOf';
import { StatusChips } from '../../components/StatusChips';
import { DefaultProposals } from '../payments/DefaultProposals';
import { clientStatusLabel } from './client-status';
import { ClientCards } from './ClientCards';
import { ClientFilters } from './ClientFilters';
import { ClientsTable } from './ClientsTable';
import { countExtraFilters, listInput, pageSize } from './list-params';
import { useClientListView } from './useClientListView';
import { Permitted } from '../../components/Permitted';

const sortOptions: { value: ClientSortKey; label: string }[] = [
  { value: 'id', label: 'ID' },
  { value: 'name', label: 'Name' },
  { value: 'company', label: 'Company' },
  { value: 'country', label: 'Country' },
  { value: 'created', label: 'Date created' },
  { value: 'balance', label: 'Balance' },
  { value: 'group', label: 'Group' },
];

export function ClientsPage() {
  const description = useScopedDescription('Your hosting customers, their miners, tasks and balances.');
  const [view, update] = useClientListView();
  const [layout, setLayout] = useLocalStorage<'list' | 'cards'>({ key: 'hashdesk.clients.layout', defaultValue: 'list' });
  const [filtersOpen, filters] = useDisclosure(false);
  const list = useQueryCall('clients.list', listInput(view), { placeholderData: (previous) => previous });
  const extra = countExtraFilters(view);
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / pageSize));

  return (
    <Stack gap="md">
      <PageHeader
        title="Clients"
        description={description}
        actions={
          <Group>
            <Tooltip label="Billing currency and organisation settings">
              <ActionIcon component={Link} to="/settings" variant="default" size="lg" aria-label="Client settings">
                <IconSettings size={18} />
              </ActionIcon>
            </Tooltip>
            <Permitted procedure="clients.create">
              <Button component={Link} to="/clients/new" leftSection={<IconPlus size={18} />}>
                Add client
              </Button>
            </Permitted>
          </Group>
        }
      />
      <DefaultProposals />
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <SearchInput
            label="Search clients"
            placeholder="Name, company, e-mail, phone or #ID"
            width={340}
            value={view.search}
            onSearch={(search) => update({ search })}
          />
          <FiltersButton count={extra} onClick={filters.open} />
        </Group>
        <Group>
          <Select
            aria-label="Sort by"
            w={160}
            data={sortOptions}
            value={view.sort}
            allowDeselect={false}
            onChange={(sort) => sort && update({ sort: sort as ClientSortKey })}
          />
          <Tooltip label={view.dir === 'asc' ? 'Ascending' : 'Descending'}>
            <ActionIcon variant="default" size="lg" aria-label="Reverse sort order" onClick={() => update({ dir: view.dir === 'asc' ? 'desc' : 'asc' })}>
              {view.dir === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
            </ActionIcon>
          </Tooltip>
          <ActionIcon.Group aria-label="Layout">
            <ActionIcon
              variant={layout === 'list' ? 'filled' : 'default'}
              size="lg"
              aria-label="List view"
              aria-pressed={layout === 'list'}
              onClick={() => setLayout('list')}
            >
              <IconList size={18} />
            </ActionIcon>
            <ActionIcon
              variant={layout === 'cards' ? 'filled' : 'default'}
              size="lg"
              aria-label="Card view"
              aria-pressed={layout === 'cards'}
              onClick={() => setLayout('cards')}
            >
              <IconLayoutGrid size={18} />
            </ActionIcon>
          </ActionIcon.Group>
        </Group>
      </Group>
      <StatusChips
        statuses={clientStatuses}
        labels={clientStatusLabel}
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
          <Text fw={600}>No clients match this view.</Text>
          <Text c="dimmed" size="sm">
            Clear the search or filters, or add a client.
          </Text>
        </Paper>
      ) : layout === 'list' ? (
        <ClientsTable rows={list.data.rows} />
      ) : (
        <ClientCards rows={list.data.rows} />
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.data ? `${list.data.total} client${list.data.total === 1 ? '' : 's'}` : ''}
        </Text>
        {pages > 1 && <Pagination total={pages} value={view.page} onChange={(page) => update({ page })} />}
      </Group>
      <ClientFilters opened={filtersOpen} onClose={filters.close} view={view} onChange={update} />
    </Stack>
  );
}
