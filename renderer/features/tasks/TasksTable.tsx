import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconMessage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TaskListRow, TaskSortKey } from '../../../electron/contract/tasks';
import { useDates } from '../../components/useDates';
import { TaskDueDate, TaskPriorityBadge, TaskStatusBadge } from './TaskBadges';
import { taskTypeLabel } from './task-labels';

type Sort = { sort: TaskSortKey; dir: 'asc' | 'desc' };

function SortHeader(props: { label: string; sortKey: TaskSortKey; current: Sort; onSort: (sort: Sort) => void }) {
  const active = props.current.sort === props.sortKey;
  const next: Sort = { sort: props.sortKey, dir: active && props.current.dir === 'asc' ? 'desc' : 'asc' };
  return (
    <Table.Th aria-sort={active ? (props.current.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton onClick={() => props.onSort(next)} aria-label={`Sort by ${props.label.toLowerCase()}`}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={700}>
            {props.label}
          </Text>
          {active && (props.current.dir === 'asc' ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />)}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The task list; a row opens the task. `compact` (the client's Tasks tab) leaves out the client and updated columns. */
export function TasksTable(props: {
  rows: TaskListRow[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  onOpen: (id: number) => void;
  compact?: boolean;
  empty: ReactNode;
}) {
  const { rows, sort, onSort, compact = false } = props;
  const { date, dateTime } = useDates();
  const columns = compact ? 6 : 8;
  return (
    // The type sits under the title and client names wrap, so every column fits 1280 px.
    <Table.ScrollContainer minWidth={compact ? 700 : 940}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Tasks" styles={{ td: { whiteSpace: 'nowrap' }, th: { whiteSpace: 'nowrap' } }}>
        <Table.Thead>
          <Table.Tr>
            <SortHeader label="Title" sortKey="title" current={sort} onSort={onSort} />
            <SortHeader label="Status" sortKey="status" current={sort} onSort={onSort} />
            <SortHeader label="Priority" sortKey="priority" current={sort} onSort={onSort} />
            <Table.Th>Assignee</Table.Th>
            <SortHeader label="Due" sortKey="due" current={sort} onSort={onSort} />
            {!compact && <Table.Th>Client</Table.Th>}
            <Table.Th ta="right">Miners</Table.Th>
            {!compact && <SortHeader label="Updated" sortKey="updated" current={sort} onSort={onSort} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} onClick={() => props.onOpen(row.id)} style={{ cursor: 'pointer' }}>
              <Table.Td miw={220} style={{ whiteSpace: 'normal' }}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Text size="sm" c="dimmed">
                    #{row.id}
                  </Text>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    fw={600}
                    ta="left"
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onOpen(row.id);
                    }}
                  >
                    {row.title}
                  </Anchor>
                  {row.commentCount > 0 && (
                    <Group gap={2} c="dimmed" wrap="nowrap" aria-label={`${row.commentCount} comments`}>
                      <IconMessage size={14} />
                      <Text size="xs">{row.commentCount}</Text>
                    </Group>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {taskTypeLabel[row.type]}
                </Text>
              </Table.Td>
              <Table.Td>
                <TaskStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>
                <TaskPriorityBadge priority={row.priority} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={row.assignee ? undefined : 'dimmed'}>
                  {row.assignee?.name ?? 'Unassigned'}
                </Text>
              </Table.Td>
              <Table.Td>
                <TaskDueDate task={row} />
              </Table.Td>
              {!compact && (
                <Table.Td style={{ whiteSpace: 'normal' }}>
                  {row.client ? (
                    <Anchor component={Link} to={`/clients/${row.client.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                      {row.client.name}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td ta="right">{row.minerCount}</Table.Td>
              {!compact && (
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={dateTime(row.updatedAt)}>
                    {date(row.updatedAt)}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>{props.empty}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
