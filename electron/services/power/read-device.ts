/**
 * The PowerReader the power service polls with: a PDU is read over SNMP, a meter over Modbus TCP.
 * Every outcome is a per-device state with a plain sentence; this function never throws and never
 * outlives the reading's deadline.
 */
import { readMeter } from './modbus/read-meter';
import { PowerReadFailure, resolvePowerLimits } from './read-device.limits';
import type { PowerReader } from './reader';
import { readPdu } from './snmp/read-pdu';

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
