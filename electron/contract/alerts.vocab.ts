/** Words of the alerts domain shared by the schema, the services and the renderer. */

/** The conditions watched. power_cap: a contract's equipment drawing more than the contract's cap. */
export const alertKinds = ['miner_offline', 'hashrate_low', 'temp_high', 'power_device_unreachable', 'power_cap'] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertKindLabels: Record<AlertKind, string> = {
  miner_offline: 'Miner offline',
  hashrate_low: 'Hashrate low',
  temp_high: 'Temperature high',
  power_device_unreachable: 'PDU or meter unreachable',
  power_cap: 'Contract over its power cap',
};

/** What each rule's threshold means, with its unit. */
export const alertThresholdUnits: Record<AlertKind, string> = {
  miner_offline: 'minutes offline',
  hashrate_low: '% of nominal hashrate',
  temp_high: '°C',
  power_device_unreachable: 'minutes unreachable',
  power_cap: 'minutes over the cap',
};

/** Defaults written by the migration that creates the rules. */
export const defaultAlertThresholds: Record<AlertKind, number> = {
  miner_offline: 10,
  hashrate_low: 80,
  temp_high: 85,
  power_device_unreachable: 5,
  power_cap: 5,
};

/** open: firing, nobody has looked; acknowledged: firing, someone owns it; resolved: the condition cleared. */
export const alertStatuses = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof alertStatuses)[number];
