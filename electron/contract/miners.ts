/** Equipment state of a miner in the inventory (the fleet issue adds its procedures). */
export const minerStates = ['staged', 'unassigned', 'assigned', 'rma', 'retired'] as const;
export type MinerState = (typeof minerStates)[number];

/** Live status, filled by telemetry; unknown until a miner was ever polled. */
export const minerLiveStatuses = ['online', 'offline', 'warning', 'unknown'] as const;
export type MinerLiveStatus = (typeof minerLiveStatuses)[number];

/** The identifiers a miner is recognised by; each change is kept in its identity history. */
export const identityKinds = ['ip', 'mac', 'serial', 'hostname'] as const;
export type IdentityKind = (typeof identityKinds)[number];

/** Where an identity observation came from. */
export const identitySources = ['manual', 'import', 'discovery'] as const;
export type IdentitySource = (typeof identitySources)[number];

export const identityReviewStatuses = ['open', 'resolved', 'dismissed'] as const;
export type IdentityReviewStatus = (typeof identityReviewStatuses)[number];

/** Where a power figure came from: the miner's own report, its PDU outlet, or the model's nameplate. */
export const powerSources = ['miner', 'pdu', 'nameplate'] as const;
export type PowerSource = (typeof powerSources)[number];

/** Tags are short labels; matched without regard to case. */
export const maxTagLength = 40;
