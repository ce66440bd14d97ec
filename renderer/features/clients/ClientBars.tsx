import { useNavigate } from 'react-router';
import type { ClientListRow } from '../../../electron/contract/clients.list';
import { StatusBar } from './StatusBar';

/** The client's miners by live status, with the unpaid count (MoonOne's red icon) in the tooltip; opens the Miners page filtered to the client. */
export function ClientMinersBar({ row }: { row: ClientListRow }) {
  const navigate = useNavigate();
  const bar = row.minersBar;
  return (
    <StatusBar
      label="miners"
      total={bar.total}
      note={bar.unpaid > 0 ? `${bar.unpaid} unpaid` : undefined}
      onOpen={() => navigate(`/miners?client=${row.id}`)}
      segments={[
        { key: 'online', label: 'Online', count: bar.online, color: 'green' },
        { key: 'warning', label: 'Warning', count: bar.warning, color: 'yellow' },
        { key: 'offline', label: 'Offline', count: bar.offline, color: 'red' },
        { key: 'unknown', label: 'Not polled yet', count: bar.unknown, color: 'gray' },
      ]}
    />
  );
}

/** The client's tasks by status; opens the task list filtered to the client. */
export function ClientTasksBar({ row }: { row: ClientListRow }) {
  const navigate = useNavigate();
  const bar = row.tasksBar;
  return (
    <StatusBar
      label="tasks"
      total={bar.total}
      onOpen={() => navigate(`/tasks?client=${row.id}`)}
      segments={[
        { key: 'open', label: 'Open', count: bar.open, color: 'blue' },
        { key: 'in_progress', label: 'In progress', count: bar.in_progress, color: 'cyan' },
        { key: 'waiting_parts', label: 'Waiting parts', count: bar.waiting_parts, color: 'orange' },
        { key: 'done', label: 'Done', count: bar.done, color: 'green' },
        { key: 'cancelled', label: 'Cancelled', count: bar.cancelled, color: 'gray' },
      ]}
    />
  );
}
