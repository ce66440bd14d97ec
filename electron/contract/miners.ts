/** Equipment state of a miner in the inventory (the fleet issue adds its procedures). */
export const minerStates = ['staged', 'unassigned', 'assigned', 'rma', 'retired'] as const;
export type MinerState = (typeof minerStates)[number];

/** Live status, filled by telemetry; unknown until a miner was ever polled. */
export const minerLiveStatuses = ['online', 'offline', 'warning', 'unknown'] as const;
export type MinerLiveStatus = (typeof minerLiveStatuses)[number];
