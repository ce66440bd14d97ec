import { Button, Drawer, MultiSelect, SegmentedControl, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { minerStates } from '../../../electron/contract/miners';
import { hashrateThsSchema } from '../../../electron/contract/models';
import { useQueryCall } from '../../api/useCall';
import { ClientFilterSelect } from './ClientPickers';
import { minerStateLabels } from './miner-format';
import { useRackOptions } from './useRackOptions';
import { clearedFilters, type MinerListView } from './miner-list-params';

const ids = (values: string[]) => values.map(Number);
const strings = (values: number[]) => values.map(String);

/** Hashrate below X TH/s, applied when it reads as a number the API accepts. */
function HashrateBelowInput({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value === null) setText(''); // cleared from outside ("Clear all filters")
  }
  const valid = text.trim() === '' || hashrateThsSchema.safeParse(text).success;
  return (
    <TextInput
      label="Hashrate below"
      description="Live figure when polled, else the model's nominal one"
      placeholder="e.g. 150"
      rightSection={
        <Text size="xs" c="dimmed">
          TH/s
        </Text>
      }
      rightSectionWidth={44}
      value={text}
      error={valid ? undefined : 'Type a number of TH/s, like 150 or 0.6'}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        if (next.trim() === '') onChange(null);
        else if (hashrateThsSchema.safeParse(next).success) onChange(next.trim());
      }}
    />
  );
}

/** Every filter of `miners.list` but search and status (those sit above the table). */
export function MinerFiltersDrawer(props: { opened: boolean; onClose: () => void; view: MinerListView; onChange: (change: Partial<MinerListView>) => void }) {
  const { view, onChange, opened } = props;
  const models = useQueryCall('models.list', {}, { enabled: opened });
  const { sites, racks } = useRackOptions(view.siteIds, opened);
  return (
    <Drawer opened={opened} onClose={props.onClose} title="Filter miners" position="right" size="sm">
      <Stack>
        <ClientFilterSelect value={view.clientIds} onChange={(clientIds) => onChange({ clientIds })} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Paid
          </Text>
          <SegmentedControl
            aria-label="Paid"
            size="xs"
            value={view.paid === null ? 'any' : view.paid ? 'paid' : 'unpaid'}
            onChange={(next) => onChange({ paid: next === 'any' ? null : next === 'paid' })}
            data={[
              { value: 'any', label: 'Any' },
              { value: 'paid', label: 'Paid' },
              { value: 'unpaid', label: 'Unpaid' },
            ]}
          />
        </Stack>
        <MultiSelect
          label="Site"
          placeholder="Any site"
          data={sites.map((s) => ({ value: String(s.id), label: s.name }))}
          value={strings(view.siteIds)}
          onChange={(values) => onChange({ siteIds: ids(values) })}
        />
        <MultiSelect
          label="Rack"
          placeholder="Any rack"
          searchable
          data={racks}
          value={strings(view.rackIds)}
          onChange={(values) => onChange({ rackIds: ids(values) })}
          nothingFoundMessage="No rack matches"
        />
        <MultiSelect
          label="Model"
          placeholder="Any model"
          searchable
          data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.make} ${m.model}` }))}
          value={strings(view.modelIds)}
          onChange={(values) => onChange({ modelIds: ids(values) })}
        />
        <MultiSelect
          label="State"
          placeholder="Any state"
          data={minerStates.map((state) => ({ value: state, label: minerStateLabels[state] }))}
          value={view.states}
          onChange={(values) => onChange({ states: values as MinerListView['states'] })}
        />
        <TagsInput
          label="Tag"
          description="Miners carrying any of these tags"
          placeholder="Type a tag and press Enter"
          value={view.tags}
          onChange={(tags) => onChange({ tags: tags.map((t) => t.trim()).filter((t) => t && !/[,;]/.test(t)) })}
        />
        <HashrateBelowInput value={view.hashrateBelowThs} onChange={(hashrateBelowThs) => onChange({ hashrateBelowThs })} />
        <Button variant="default" onClick={() => onChange(clearedFilters)}>
          Clear all filters
        </Button>
      </Stack>
    </Drawer>
  );
}
