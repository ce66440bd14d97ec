import type { LimitOptions } from '../discovery/transport/outcome';

/** Limits of one device reading: `timeoutMs` per SNMP try or Modbus request, `deadline` (epoch ms) for the whole reading. */
export type PowerLimits = { connectTimeoutMs: number; timeoutMs: number; maxBytes: number; startedAt: number; deadline: number; signal?: AbortSignal };

/** A device answers in well under a second on a working network; these keep a dead one from holding a poll for long. */
const defaultPowerLimits = { connectTimeoutMs: 2_000, timeoutMs: 2_000, maxBytes: 64 * 1024, totalMs: 15_000 };

export function resolvePowerLimits(options: LimitOptions | undefined, now = Date.now()): PowerLimits {
  return {
    connectTimeoutMs: options?.connectTimeoutMs ?? defaultPowerLimits.connectTimeoutMs,
    timeoutMs: options?.timeoutMs ?? defaultPowerLimits.timeoutMs,
    maxBytes: options?.maxBytes ?? defaultPowerLimits.maxBytes,
    startedAt: now,
    deadline: options?.deadline ?? now + defaultPowerLimits.totalMs,
    signal: options?.signal,
  };
}

/** How a reading ends when the device cannot give one; thrown inside the clients and caught once in readPowerDevice. */
export class PowerReadFailure extends Error {
  constructor(
    readonly state: 'unreachable' | 'error',
    message: string,
  ) {
    super(message);
    this.name = 'PowerReadFailure';
  }
}
