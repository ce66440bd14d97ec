import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useQueryCall } from '../../../api/useCall';
import { noWrap, RecordsTable } from '../../../components/RecordsTable';
import { TaskDueDate, TaskStatusBadge } from '../../tasks/TaskBadges';
import { taskTypeLabel } from '../../tasks/task-labels';
import { noValue } from '../miner-format';

/** The work orders that name this miner, newest first. */
export function MinerTasksTab({ minerId }: { minerId: number }) {
  const tasks = useQueryCall('tasks.list', { minerId, sort: 'created', dir: 'desc', limit: 100 });
  return (
    <RecordsTable
      label="Tasks"
      columns={[{ label: 'Task' }, { label: 'Type' }, { label: 'Status' }, { label: 'Due' }, { label: 'Assignee' }]}
      rows={tasks.data?.rows}
      loading={tasks.isLoading}
      empty="No task names this miner. Select it in the table and create a task from the mass-action bar."
    >
      {(task) => (
        <Table.Tr>
          <Table.Td>
            <Anchor component={Link} to={`/tasks?task=${task.id}`} size="sm">
              #{task.id} {task.title}
            </Anchor>
          </Table.Td>
          <Table.Td>{taskTypeLabel[task.type]}</Table.Td>
          <Table.Td>
            <TaskStatusBadge status={task.status} />
          </Table.Td>
          <Table.Td style={noWrap}>
            <TaskDueDate task={task} />
          </Table.Td>
          <Table.Td>{task.assignee?.name ?? noValue}</Table.Td>
        </Table.Tr>
      )}
    </RecordsTable>
  );
}
