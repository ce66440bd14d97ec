/**
 * The PowerReader the power service polls with: a PDU is read over SNMP, a meter over Modbus TCP.
 * Every outcome is a per-device state with a plain sentence; this function never throws and never
 * outlives the reading's deadline.
 */
import { PowerReadFailure, resolvePowerLimits } from './read-device.limits';
import type { readMeter as ReadMeter } from './modbus/read-meter';
import type { PowerReader } from './reader';
import type { readPdu as ReadPdu } from './snmp/read-pdu';

// The SNMP and Modbus libraries load with the first reading, not with the app: a start need not wait for them.
const readPdu: typeof ReadPdu = async (...args) => (await import('./snmp/read-pdu')).readPdu(...args);
const readMeter: typeof ReadMeter = async (...args) => (await import('./modbus/read-meter')).readMeter(...args);

export const readPowerDevice: PowerReader = async (target, options) => {
  const limits = resolvePowerLimits(options);
  if (limits.signal?.aborted) return { ok: false, state: 'error', message: `The reading of ${target.host}:${target.port} was cancelled.` };
  try {
    const reading = target.kind === 'pdu' ? await readPdu(target, limits) : await readMeter(target, limits);
    return { ok: true, reading };
  } catch (error) {
    if (error instanceof PowerReadFailure) return { ok: false, state: error.state, message: error.message };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, state: 'error', message: `Reading ${target.host}:${target.port} failed unexpectedly (${detail}).` };
  }
};
