/** Words of the device-actions domain shared by the schema, the services and the renderer. */

export const deviceActionKinds = ['reboot', 'set_pools', 'pool_redirect', 'pool_restore'] as const;
export type DeviceActionKind = (typeof deviceActionKinds)[number];

export const deviceActionLabels: Record<DeviceActionKind, string> = {
  reboot: 'Reboot',
  set_pools: 'Set pools',
  pool_redirect: 'Redirect to holding pool',
  pool_restore: 'Restore original pools',
};

/** The outcome for one miner of one action. */
export const deviceActionResultStates = ['ok', 'failed', 'unsupported', 'skipped'] as const;
export type DeviceActionResultState = (typeof deviceActionResultStates)[number];

export const deviceActionRunStatuses = ['running', 'finished', 'cancelled'] as const;
export type DeviceActionRunStatus = (typeof deviceActionRunStatuses)[number];
