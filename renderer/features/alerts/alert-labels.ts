import type { AlertListStatus } from '../../../electron/contract/alerts';
import type { AlertKind, AlertStatus } from '../../../electron/contract/alerts.vocab';

export const alertKindColor: Record<AlertKind, string> = {
  miner_offline: 'red',
  hashrate_low: 'orange',
  temp_high: 'grape',
  power_device_unreachable: 'yellow',
  power_cap: 'pink',
};

export const alertStatusLabel: Record<AlertStatus, string> = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' };
export const alertStatusColor: Record<AlertStatus, string> = { open: 'red', acknowledged: 'blue', resolved: 'gray' };

/** The tabs of the Alerts page, in order: what is firing first, the history last. */
export const alertTabs: { value: AlertListStatus; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'open', label: 'Open' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'resolved', label: 'History' },
];

/** Short enough for a table cell: "Nov 23, 17:22". */
export const alertTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—';
