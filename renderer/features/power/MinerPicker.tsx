import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { MinerRef } from '../../../electron/contract/power';
import { useQueryCall } from '../../api/useCall';

/** A searchable miner picker (asset ID, serial, IP, hostname…); choosing one calls `onPick`, clearing it calls it with null. */
export function MinerPicker({
  current,
  siteId,
  label,
  onPick,
}: {
  current: MinerRef | null;
  siteId?: number;
  label: string;
  onPick: (minerId: number | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 250);
  const miners = useQueryCall('miners.list', { search: term, siteIds: siteId ? [siteId] : [], limit: 20 });
  const rows = miners.data?.rows ?? [];
  const options = rows.map((m) => ({ value: String(m.id), label: m.rackName ? `${m.assetId} (${m.rackName} #${m.rackPosition ?? '?'})` : m.assetId }));
  if (current && !options.some((o) => o.value === String(current.id))) options.unshift({ value: String(current.id), label: current.assetId });
  return (
    <Select
      aria-label={label}
      size="xs"
      w={220}
      searchable
      clearable
      placeholder="No miner"
      nothingFoundMessage={term ? `No miner matches "${term}"` : 'Type to search'}
      data={options}
      value={current ? String(current.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(value) => onPick(value === null ? null : Number(value))}
    />
  );
}
