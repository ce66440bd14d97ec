import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { Ref } from '../../../electron/contract/clients';
import type { TaskPriority, TaskType } from '../../../electron/contract/tasks';
import { useQueryCall } from '../../api/useCall';
import { optionsOf, taskPriorityLabel, taskTypeLabel } from './task-labels';

/** The fields a person fills in for a task; the create modal and the task drawer share them. */
export type TaskFieldValues = {
  title: string;
  type: TaskType;
  priority: TaskPriority;
  assigneeId: number | null;
  dueDate: string | null;
  clientId: number | null;
  description: string;
};

/** Active staff, plus the current assignee when they have left (a task keeps its person). */
function useAssigneeOptions(currentId: number | null) {
  const staff = useQueryCall('staff.list', {});
  return useMemo(
    () =>
      (staff.data ?? [])
        .filter((person) => person.active || person.id === currentId)
        .map((person) => ({ value: String(person.id), label: person.active ? person.name : `${person.name} (inactive)` })),
    [staff.data, currentId],
  );
}

/** A searchable client picker that asks the server, so it works with thousands of clients; archived ones are not offered. */
function ClientSelect(props: { value: number | null; current: Ref | null; onChange: (id: number | null) => void; error?: unknown; description?: string }) {
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search, 250);
  const found = useQueryCall('clients.list', { search: term, sort: 'name', limit: 30 }, { placeholderData: (previous) => previous });
  const current = props.current;
  const data = useMemo(() => {
    const options = (found.data?.rows ?? []).map((client) => ({ value: String(client.id), label: client.name }));
    return current && !options.some((o) => o.value === String(current.id)) ? [{ value: String(current.id), label: current.name }, ...options] : options;
  }, [found.data, current]);
  return (
    <Select
      label="Client"
      placeholder="No client"
      description={props.description}
      searchable
      clearable
      data={data}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage="No client matches"
      value={props.value ? String(props.value) : null}
      onChange={(value) => {
        const chosen = value ? data.find((o) => o.value === value) : undefined;
        setSearch(chosen?.label ?? '');
        props.onChange(value ? Number(value) : null);
      }}
      error={props.error as string | undefined}
    />
  );
}

export function TaskFields<V extends TaskFieldValues>(props: {
  form: UseFormReturnType<V>;
  currentAssigneeId?: number | null;
  currentClient?: Ref | null;
  clientDescription?: string;
}) {
  const form = props.form as unknown as UseFormReturnType<TaskFieldValues>;
  const assignees = useAssigneeOptions(props.currentAssigneeId ?? null);
  return (
    <>
      <TextInput label="Title" withAsterisk data-autofocus placeholder="Replace failed PSU" {...form.getInputProps('title')} />
      <SimpleGrid cols={2}>
        <Select label="Type" withAsterisk data={optionsOf(taskTypeLabel)} allowDeselect={false} {...form.getInputProps('type')} />
        <Select label="Priority" data={optionsOf(taskPriorityLabel)} allowDeselect={false} {...form.getInputProps('priority')} />
        <Select
          label="Assignee"
          placeholder="Nobody yet"
          searchable
          clearable
          data={assignees}
          {...form.getInputProps('assigneeId')}
          value={form.values.assigneeId ? String(form.values.assigneeId) : null}
          onChange={(value) => form.setFieldValue('assigneeId', value ? Number(value) : null)}
        />
        <TextInput
          label="Due date"
          type="date"
          {...form.getInputProps('dueDate')}
          value={form.values.dueDate ?? ''}
          onChange={(e) => form.setFieldValue('dueDate', e.currentTarget.value || null)}
        />
      </SimpleGrid>
      <ClientSelect
        value={form.values.clientId}
        current={props.currentClient ?? null}
        description={props.clientDescription}
        onChange={(clientId) => form.setFieldValue('clientId', clientId)}
        error={form.errors.clientId}
      />
      <Textarea
        label="Description"
        autosize
        minRows={3}
        maxRows={10}
        placeholder="What to do, and anything the technician should know"
        {...form.getInputProps('description')}
      />
    </>
  );
}
