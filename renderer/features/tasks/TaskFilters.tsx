import { Button, Drawer, Group, MultiSelect, Stack, Switch, TextInput } from '@mantine/core';
import { useQueryCall } from '../../api/useCall';
import { optionsOf, taskPriorityLabel, taskTypeLabel } from './task-labels';
import type { TaskListView } from './task-params';

/** How many filters beyond search, status and client are set: the number on the Filters button. */
export const countTaskFilters = (view: TaskListView) =>
  [view.types.length, view.priorities.length, view.assigneeIds.length, view.overdue, view.dueFrom, view.dueTo, view.minerId].filter(Boolean).length;

/** The filters beyond search, status and client, in a side drawer. */
export function TaskFilters(props: { opened: boolean; onClose: () => void; view: TaskListView; onChange: (change: Partial<TaskListView>) => void }) {
  const { view, onChange } = props;
  const staff = useQueryCall('staff.list', {}, { enabled: props.opened });
  const assignees = [
    { value: 'unassigned', label: 'Unassigned' },
    ...(staff.data ?? []).map((s) => ({ value: String(s.id), label: s.active ? s.name : `${s.name} (inactive)` })),
  ];
  return (
    <Drawer opened={props.opened} onClose={props.onClose} title="Filter tasks" position="right" size="sm">
      <Stack>
        <Switch
          label="Overdue only"
          description="Due before today and not done or cancelled."
          checked={view.overdue}
          onChange={(e) => onChange({ overdue: e.currentTarget.checked })}
        />
        <Group grow>
          <TextInput type="date" label="Due from" value={view.dueFrom ?? ''} onChange={(e) => onChange({ dueFrom: e.currentTarget.value || null })} />
          <TextInput type="date" label="Due to" value={view.dueTo ?? ''} onChange={(e) => onChange({ dueTo: e.currentTarget.value || null })} />
        </Group>
        <MultiSelect
          label="Type"
          placeholder="Any type"
          data={optionsOf(taskTypeLabel)}
          value={view.types}
          onChange={(types) => onChange({ types: types as TaskListView['types'] })}
        />
        <MultiSelect
          label="Priority"
          placeholder="Any priority"
          data={optionsOf(taskPriorityLabel)}
          value={view.priorities}
          onChange={(priorities) => onChange({ priorities: priorities as TaskListView['priorities'] })}
        />
        <MultiSelect
          label="Assignee"
          placeholder="Anyone"
          searchable
          data={assignees}
          value={view.assigneeIds.map(String)}
          onChange={(values) => onChange({ assigneeIds: values.map((v) => (v === 'unassigned' ? v : Number(v))) })}
        />
        <Button
          variant="default"
          onClick={() => onChange({ overdue: false, dueFrom: null, dueTo: null, types: [], priorities: [], assigneeIds: [], minerId: null })}
        >
          Clear these filters
        </Button>
      </Stack>
    </Drawer>
  );
}
