import type { AlertListStatus } from '../../../electron/contract/alerts';
import type { AlertKind, AlertStatus } from '../../../electron/contract/alerts.vocab';

export const alertKindColor: Record<AlertKind, string> = {
  miner_offline: 'red',
  hashrate_low: 'orange',
  temp_high: 'grape',
  power_device_unreachable: 'yellow',
  power_cap: 'pink',
};

export const alertStatusLabel: Record<AlertStatus, string> = { open: 'Not acknowledged', acknowledged: 'Acknowledged', resolved: 'Resolved' };
export const alertStatusColor: Record<AlertStatus, string> = { open: 'red', acknowledged: 'blue', resolved: 'gray' };

/**
 * The tabs of the Alerts page, in order: what is firing first, the history last. "Firing" holds both the
 * alerts nobody has taken yet and those someone acknowledged; each tab says what it holds under the tabs.
 */
export const alertTabs: { value: AlertListStatus; label: string; holds: string }[] = [
  { value: 'active', label: 'Firing', holds: 'Every alert still firing, whether or not someone has acknowledged it.' },
  { value: 'open', label: 'Not acknowledged', holds: 'Firing, and nobody has acknowledged it yet: these need someone.' },
  { value: 'acknowledged', label: 'Acknowledged', holds: 'Firing, and someone has taken it (their note shows). It leaves when the problem clears.' },
  { value: 'resolved', label: 'History', holds: 'Alerts whose problem cleared, newest first.' },
];
