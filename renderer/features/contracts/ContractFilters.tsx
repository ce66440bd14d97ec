import { Group, MultiSelect, Select } from '@mantine/core';
import { contractTypeLabels, contractTypes } from '../../../electron/contract/contracts.vocab';
import { useQueryCall } from '../../api/useCall';
import { SearchInput } from '../../components/ListSearch';
import { ClientFilterSelect } from '../miners/ClientPickers';
import type { ContractListView } from './contract-list-params';

const expiringChoices = [7, 30, 60, 90, 180, 365];

/** The usual windows, and the one in the address when it is another. */
const expiringOptions = (current: number | null) =>
  [...new Set([...expiringChoices, ...(current === null ? [] : [current])])]
    .sort((a, b) => a - b)
    .map((days) => ({ value: String(days), label: `${days} days` }));

/** Search, type, client, site and "ending within N days": the Contracts page's filters, each kept in the URL. */
export function ContractFilters({ view, onChange }: { view: ContractListView; onChange: (change: Partial<ContractListView>) => void }) {
  const sites = useQueryCall('sites.list', {});
  return (
    <Group align="flex-end" gap="sm">
      <SearchInput
        label="Search contracts"
        placeholder="Number, draft reference, client or site"
        width={280}
        value={view.search}
        onSearch={(search) => onChange({ search })}
      />
      <MultiSelect
        label="Type"
        placeholder={view.types.length ? undefined : 'Any type'}
        w={200}
        data={contractTypes.map((type) => ({ value: type, label: contractTypeLabels[type] }))}
        value={view.types}
        onChange={(types) => onChange({ types: types as ContractListView['types'] })}
      />
      <ClientFilterSelect
        w={240}
        withoutNone
        value={view.clientIds}
        onChange={(ids) => onChange({ clientIds: ids.filter((id): id is number => id !== 'unassigned') })}
      />
      <MultiSelect
        label="Site"
        placeholder={view.siteIds.length ? undefined : 'Any site'}
        w={200}
        data={(sites.data ?? []).map((site) => ({ value: String(site.id), label: site.name }))}
        value={view.siteIds.map(String)}
        onChange={(values) => onChange({ siteIds: values.map(Number) })}
      />
      <Select
        label="Ending within"
        w={150}
        placeholder="Any time"
        clearable
        data={expiringOptions(view.expiringWithinDays)}
        value={view.expiringWithinDays === null ? null : String(view.expiringWithinDays)}
        onChange={(days) => onChange({ expiringWithinDays: days === null ? null : Number(days) })}
      />
    </Group>
  );
}
