import { readdirSync, readFileSync } from 'node:fs';

/** What a scan may hold open: sweep connects and identifications in flight. */
export type ScanBudget = { sweepConnects: number; identifications: number };

/** Connections one identification may hold at once (the RPC, v3 and web ports, a login, a driver's reads). */
export const connectionsPerIdentification = 8;

/** The soft limit on open files of this process, from /proc on Linux; null where it cannot be read. */
export function openFileLimit(): number | null {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((row) => row.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft && /^\d+$/.test(soft) ? Number(soft) : null;
  } catch {
    return null;
  }
}

/** Descriptors this process holds now (Linux /proc, macOS /dev/fd); null where they cannot be counted. */
export function openDescriptors(): number | null {
  for (const dir of ['/proc/self/fd', '/dev/fd']) {
    try {
      return readdirSync(dir).length;
    } catch {
      // not this platform
    }
  }
  return null;
}

/** Where the limit cannot be read (Windows), the scan plans as if the process may hold this many. */
const assumedLimit = 4096;

/**
 * Splits what the process may still open between the sweep and the identifications, keeping a quarter of
 * the limit (at least 512) for the API, the database, telemetry and power polls: a scan never starves the
 * rest of the app of descriptors. `wanted` caps both, and each gets at least a few.
 */
export function scanBudget(
  wanted: ScanBudget,
  limits: { limit: number | null; inUse: number | null } = { limit: openFileLimit(), inUse: openDescriptors() },
): ScanBudget {
  const limit = limits.limit ?? assumedLimit;
  const reserve = Math.max(512, Math.ceil(limit / 4));
  const free = Math.max(0, limit - (limits.inUse ?? 64) - reserve);
  const identifications = Math.max(2, Math.min(wanted.identifications, Math.floor(free / 4 / connectionsPerIdentification)));
  const sweepConnects = Math.max(8, Math.min(wanted.sweepConnects, free - identifications * connectionsPerIdentification));
  return { sweepConnects, identifications };
}
