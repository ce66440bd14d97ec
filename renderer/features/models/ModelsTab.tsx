import { ActionIcon, Box, Badge, Button, Table } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MinerModel } from '../../../electron/contract/models';
import { useQueryCall } from '../../api/useCall';
import { SearchInput } from '../../components/ListSearch';
import { RecordsTable } from '../../components/RecordsTable';
import { SectionHeader } from '../../components/SectionHeader';
import { coolingLabels, efficiencyText, wattsText } from './model-format';
import { ModelFormModal } from './ModelFormModal';
import { Permitted } from '../../components/Permitted';

const columns = [
  { label: 'Make', width: 160 },
  { label: 'Model' },
  { label: 'Nominal TH/s', width: 130, align: 'right' as const },
  { label: 'Power W', width: 110, align: 'right' as const },
  { label: 'J/TH', width: 90, align: 'right' as const },
  { label: 'Cooling', width: 120 },
  { label: 'Algorithm', width: 120 },
  { label: 'Actions', width: 80, align: 'right' as const },
];

const coolingColors = { air: 'gray', hydro: 'blue', immersion: 'cyan' } as const;

/** Settings → Miner models: the catalogue of nominal figures each miner's model links to. */
export function ModelsTab() {
  const [term, setTerm] = useState('');
  const models = useQueryCall('models.list', { search: term });
  const [editing, setEditing] = useState<{ model: MinerModel | null } | null>(null);

  return (
    <div>
      <SectionHeader
        title="Miner models"
        description="Nameplate figures per make and model. A miner's expected hashrate and power come from its model until it is polled; efficiency is worked out from power and hashrate."
        action={
          <Permitted procedure="models.create">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ model: null })}>
              Add model
            </Button>
          </Permitted>
        }
      />
      <Box mb="md">
        <SearchInput label="Search models" placeholder="Search by make or model" width={360} value={term} onSearch={(text) => setTerm(text.trim())} />
      </Box>
      <RecordsTable
        label="Miner models"
        columns={columns}
        loading={models.isLoading}
        rows={models.data}
        empty={term ? `No model matches "${term}".` : 'No models yet. Add the makes and models your clients host.'}
      >
        {(model) => (
          <Table.Tr>
            <Table.Td>{model.make}</Table.Td>
            <Table.Td fw={500}>{model.model}</Table.Td>
            <Table.Td ta="right">{model.nominalHashrateThs}</Table.Td>
            <Table.Td ta="right">{wattsText(model.nominalPowerW)}</Table.Td>
            <Table.Td ta="right">{efficiencyText(model.efficiencyJPerTh)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={coolingColors[model.cooling]}>
                {coolingLabels[model.cooling]}
              </Badge>
            </Table.Td>
            <Table.Td>{model.algorithm}</Table.Td>
            <Table.Td ta="right">
              <Permitted procedure="models.update">
                <ActionIcon variant="subtle" aria-label={`Edit ${model.make} ${model.model}`} onClick={() => setEditing({ model })}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Permitted>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordsTable>
      {editing && <ModelFormModal model={editing.model} onClose={() => setEditing(null)} />}
    </div>
  );
}
