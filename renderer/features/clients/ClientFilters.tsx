import { Button, Drawer, Group, MultiSelect, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { useManagedClientsOf } from '../auth/useManagedClientsOf';
import type { ClientListView } from './list-params';

function TriState({ label, value, onChange }: { label: string; value: boolean | null; onChange: (value: boolean | null) => void }) {
  const text = value === null ? 'any' : value ? 'yes' : 'no';
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        aria-label={label}
        size="xs"
        value={text}
        onChange={(next) => onChange(next === 'any' ? null : next === 'yes')}
        data={[
          { value: 'any', label: 'Any' },
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
      />
    </Stack>
  );
}

/** The filters beyond search and status, in a side drawer. */
export function ClientFilters(props: { opened: boolean; onClose: () => void; view: ClientListView; onChange: (change: Partial<ClientListView>) => void }) {
  const { view, onChange } = props;
  const groups = useQueryCall('clients.groups.list', {}, { enabled: props.opened });
  const staff = useQueryCall('staff.list', {}, { enabled: props.opened });
  const managedClientsOf = useManagedClientsOf();
  return (
    <Drawer opened={props.opened} onClose={props.onClose} title="Filter clients" position="right" size="sm">
      <Stack>
        <Group grow>
          <TextInput
            type="date"
            label="Created from"
            value={view.createdFrom ?? ''}
            onChange={(e) => onChange({ createdFrom: e.currentTarget.value || null })}
          />
          <TextInput type="date" label="Created to" value={view.createdTo ?? ''} onChange={(e) => onChange({ createdTo: e.currentTarget.value || null })} />
        </Group>
        <MultiSelect
          label="Client group"
          placeholder="Any group"
          searchable
          data={(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }))}
          value={view.groupIds.map(String)}
          onChange={(values) => onChange({ groupIds: values.map(Number) })}
        />
        {managedClientsOf === null && (
          <MultiSelect
            label="Manager"
            placeholder="Any manager"
            searchable
            data={(staff.data ?? []).map((s) => ({ value: String(s.id), label: s.active ? s.name : `${s.name} (inactive)` }))}
            value={view.managerIds.map(String)}
            onChange={(values) => onChange({ managerIds: values.map(Number) })}
          />
        )}
        <TriState label="Tax exempt" value={view.taxExempt} onChange={(taxExempt) => onChange({ taxExempt })} />
        <TriState label="Has miners" value={view.hasMiners} onChange={(hasMiners) => onChange({ hasMiners })} />
        <TriState label="Has contracts" value={view.hasContracts} onChange={(hasContracts) => onChange({ hasContracts })} />
        <TriState label="Balance owed" value={view.balanceOwed} onChange={(balanceOwed) => onChange({ balanceOwed })} />
        <Switch
          label="Include archived and merged clients"
          checked={view.includeArchived}
          onChange={(e) => onChange({ includeArchived: e.currentTarget.checked })}
        />
        <Button
          variant="default"
          onClick={() =>
            onChange({
              createdFrom: null,
              createdTo: null,
              groupIds: [],
              managerIds: [],
              taxExempt: null,
              hasMiners: null,
              hasContracts: null,
              balanceOwed: null,
              includeArchived: false,
            })
          }
        >
          Clear these filters
        </Button>
      </Stack>
    </Drawer>
  );
}
