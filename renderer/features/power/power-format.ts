import type { PowerDeviceState } from '../../../electron/contract/power.vocab';

export const deviceStateLabels: Record<PowerDeviceState, string> = { unknown: 'Not polled yet', ok: 'OK', unreachable: 'Unreachable', error: 'Error' };
export const deviceStateColors: Record<PowerDeviceState, string> = { unknown: 'gray', ok: 'green', unreachable: 'red', error: 'orange' };
export const deviceKindLabels = { pdu: 'PDU (SNMP)', meter: 'Meter (Modbus TCP)', manual: 'Manual (read by hand)' } as const;

/** Whole watts as text: 3250 → "3,250 W"; null → "—". */
export const wattsText = (powerW: number | null | undefined) => (powerW == null ? '—' : `${powerW.toLocaleString()} W`);
