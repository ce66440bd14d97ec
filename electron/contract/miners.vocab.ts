import type { MinerLiveStatus, MinerState } from './miners';

/** How the miner vocabulary is written in the interface and in the change log. */
export const liveStatusLabels: Record<MinerLiveStatus, string> = { online: 'Online', offline: 'Offline', warning: 'Warning', unknown: 'Not polled yet' };

export const minerStateLabels: Record<MinerState, string> = {
  staged: 'Staged',
  unassigned: 'Unassigned',
  assigned: 'Assigned',
  rma: 'RMA',
  retired: 'Retired',
};
