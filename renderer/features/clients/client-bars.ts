import type { MinersBar, TasksBar } from '../../../electron/contract/clients.list';
import type { BarSegment } from './StatusBar';

export function minerSegments(bar: MinersBar): BarSegment[] {
  return [
    { key: 'online', label: 'Online', count: bar.online, color: 'green' },
    { key: 'warning', label: 'Warning', count: bar.warning, color: 'yellow' },
    { key: 'offline', label: 'Offline', count: bar.offline, color: 'red' },
    { key: 'unknown', label: 'Not polled yet', count: bar.unknown, color: 'gray' },
  ];
}

export function taskSegments(bar: TasksBar): BarSegment[] {
  return [
    { key: 'open', label: 'Open', count: bar.open, color: 'blue' },
    { key: 'in_progress', label: 'In progress', count: bar.in_progress, color: 'cyan' },
    { key: 'waiting_parts', label: 'Waiting parts', count: bar.waiting_parts, color: 'orange' },
    { key: 'done', label: 'Done', count: bar.done, color: 'green' },
    { key: 'cancelled', label: 'Cancelled', count: bar.cancelled, color: 'gray' },
  ];
}
