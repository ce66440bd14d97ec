/** Words of the power-device domain shared by the schema, the services and the renderer. */

/**
 * A PDU (per-outlet power and energy over SNMP), a meter (site or feed totals over Modbus TCP), or a manual
 * device: a meter read by hand, never polled, whose readings are imported.
 */
export const powerDeviceKinds = ['pdu', 'meter', 'manual'] as const;
export type PowerDeviceKind = (typeof powerDeviceKinds)[number];

/** The kinds read over the network, each with a profile. */
export const polledDeviceKinds = ['pdu', 'meter'] as const;
export type PolledDeviceKind = (typeof polledDeviceKinds)[number];

/** The outcome of the last poll of a power device. */
export const powerDeviceStates = ['unknown', 'ok', 'unreachable', 'error'] as const;
export type PowerDeviceState = (typeof powerDeviceStates)[number];

export const outletStates = ['on', 'off', 'unknown'] as const;
export type OutletState = (typeof outletStates)[number];

export const snmpVersions = ['1', '2c', '3'] as const;
export type SnmpVersion = (typeof snmpVersions)[number];

/**
 * What happened to an energy counter between two readings, besides ordinary growth:
 * - reset: the counter went back (device replaced, cleared or rebooted); the energy after the reset counts from 0;
 * - rollover: the counter wrapped past its largest value (e.g. uint32) and started again;
 * - gap: readings are missing for longer than allowed, so the energy of the gap is not known and is not invented.
 */
export const energyCounterEventKinds = ['reset', 'rollover', 'gap'] as const;
export type EnergyCounterEventKind = (typeof energyCounterEventKinds)[number];
