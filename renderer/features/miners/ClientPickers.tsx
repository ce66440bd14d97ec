import { MultiSelect, Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { invokeOrThrow } from '../../api/client';
import { useQueryCall } from '../../api/useCall';
import type { ClientFilterId } from './miner-list-params';

const noClient: ComboboxItem = { value: 'none', label: 'No client' };
/** The server already searched name, company and e-mail; filtering again by label would drop e-mail matches. */
const keepServerMatches: OptionsFilter = ({ options }) => options;

const optionLabel = (client: { name: string; contactEmail: string }) => `${client.name} — ${client.contactEmail}`;

/** Names of clients chosen earlier (from the URL, say), which the current search may not return. */
function useClientNames(ids: number[]): ComboboxItem[] {
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: ['clients.get', { id }], queryFn: () => invokeOrThrow('clients.get', { id }), staleTime: 60_000 })),
  });
  return ids.map((id, i) => {
    const client = results[i].data;
    return { value: String(id), label: client ? optionLabel(client) : `Client #${id}` };
  });
}

/** Clients matching the typed text, as options "Name — e-mail", plus those already chosen. */
function useClientOptions(chosen: number[]) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const known = useClientNames(chosen);
  // A single picker shows the chosen option's label as its text: that is no search.
  const typed = known.some((k) => k.label === debounced) ? '' : debounced;
  const found = useQueryCall('clients.list', { search: typed, limit: 30 }, { placeholderData: (previous) => previous });
  const matches = (found.data?.rows ?? []).map((row) => ({ value: String(row.id), label: optionLabel(row) }));
  const options = [...known.filter((k) => !matches.some((m) => m.value === k.value)), ...matches];
  return { search, setSearch, options };
}

/** The Filters drawer's client filter: any number of clients, and "No client" unless `withoutNone`. */
export function ClientFilterSelect({
  value,
  onChange,
  withoutNone = false,
  w,
}: {
  value: ClientFilterId[];
  onChange: (value: ClientFilterId[]) => void;
  withoutNone?: boolean;
  w?: number;
}) {
  const ids = value.filter((id): id is number => id !== 'unassigned');
  const { search, setSearch, options } = useClientOptions(ids);
  return (
    <MultiSelect
      label="Client"
      placeholder={value.length ? undefined : 'Any client'}
      w={w}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerMatches}
      data={withoutNone ? options : [noClient, ...options]}
      value={value.map((id) => (id === 'unassigned' ? 'none' : String(id)))}
      onChange={(values) => onChange(values.map((v) => (v === 'none' ? 'unassigned' : Number(v))))}
      nothingFoundMessage="No client matches"
    />
  );
}

/** One client picked by name or e-mail, or "No client" (null) unless `required`, for the mass edit and the contract wizard. */
export function ClientSelect(props: {
  label: string;
  value: number | null | undefined;
  onChange: (id: number | null, label: string) => void;
  required?: boolean;
  error?: string;
  disabled?: boolean;
}) {
  const chosen = typeof props.value === 'number' ? [props.value] : [];
  const { search, setSearch, options } = useClientOptions(chosen);
  const data = props.required ? options : [noClient, ...options];
  return (
    <Select
      label={props.label}
      withAsterisk={props.required}
      error={props.error}
      disabled={props.disabled}
      placeholder="Search by name, company or e-mail"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={keepServerMatches}
      data={data}
      value={props.value === undefined ? null : props.value === null ? 'none' : String(props.value)}
      onChange={(value, option) => {
        if (value === null) return;
        props.onChange(value === 'none' ? null : Number(value), option?.label.split(' — ')[0] ?? '');
      }}
      nothingFoundMessage="No client matches"
    />
  );
}
