import { DRIVERS, identifyHost } from '../discovery/drivers';
import type { DriverFailureState, DriverOptions, MinerDriver, MinerFamily, Telemetry } from '../discovery/drivers/types';

/** A miner the cycle asks, with what the status and power rules need. */
export type PollTarget = {
  id: number;
  assetId: string;
  ip: string;
  family: string | null;
  /** The model catalogue's nominal figures; null when the miner is not in the catalogue. */
  nominalGhs: number | null;
  nameplateW: number | null;
  /** The IANA zone of its site's calendar (the organisation's when the site has none). */
  zone: string;
  /** When it was last polled (miner_latest.at), the start of the time its next poll accounts for after a restart. */
  lastPolledAt: string | null;
};

export type PollOutcome =
  | { kind: 'answered'; telemetry: Telemetry; identified: MinerFamily | null }
  /** It answered, but the reading could not be understood (garbage, TLS, refused login…): on, but unreadable. */
  | { kind: 'unreadable'; message: string; identified: MinerFamily | null }
  | { kind: 'offline'; message: string; identified: MinerFamily | null }
  /** No driver for its family yet, or it answers but no driver recognises it: nothing is written. */
  | { kind: 'unsupported'; message: string };

/** Failure states that mean "nobody answered": the miner is off the network. */
const silentStates: readonly DriverFailureState[] = ['refused', 'unreachable', 'timeout', 'aborted', 'network_error', 'empty', 'reset'];

export type PollOptions = {
  drivers: ReadonlyMap<string, MinerDriver>;
  timeoutMs: number;
  signal: AbortSignal;
  /** Ports, credentials and such for every driver call (tests; a site's credentials later). */
  driverOptions?: DriverOptions;
};

/** The families that have a driver, for the identification of miners whose family is not known yet. */
export const driverMap = (drivers: readonly MinerDriver[]): ReadonlyMap<string, MinerDriver> => new Map(drivers.map((d) => [d.family, d]));

/**
 * Finds the family of a miner not identified yet the way the scanner does (RPC and Whatsminer v3 ports
 * first, then the web ports, each family's answer told apart), so a LuxOS or Braiins machine that also
 * speaks the CGMiner RPC is not taken for the first driver that answers.
 */
async function identify(target: PollTarget, opts: PollOptions, limits: DriverOptions): Promise<{ family: MinerFamily } | PollOutcome> {
  const found = await identifyHost(target.ip, {
    ports: limits.ports,
    connectTimeoutMs: limits.connectTimeoutMs,
    maxBytes: limits.maxBytes,
    signal: limits.signal,
    budgetMs: Math.max(1, (limits.deadline ?? Date.now() + opts.timeoutMs) - Date.now()),
  });
  if (found.state === 'unreachable') return { kind: 'offline', message: `${target.ip} did not answer (${found.message})`, identified: null };
  if (found.state === 'unidentified') return { kind: 'unsupported', message: `${target.ip} answers, but no driver recognises it (${found.message})` };
  const family = found.identity.family;
  if (!opts.drivers.has(family)) return { kind: 'unsupported', message: `${target.ip} is ${DRIVERS[family].label}, which has no telemetry driver here.` };
  return { family };
}

async function pollUnbounded(target: PollTarget, opts: PollOptions, limits: DriverOptions): Promise<PollOutcome> {
  let family = target.family;
  let identified: MinerFamily | null = null;
  if (family === null) {
    const found = await identify(target, opts, limits);
    if ('kind' in found) return found;
    family = identified = found.family;
  }
  const driver = opts.drivers.get(family);
  if (!driver) return { kind: 'unsupported', message: `There is no telemetry driver for the ${family} family yet, so ${target.ip} was not asked.` };
  const read = await driver.readTelemetry(target.ip, limits);
  if (read.ok) return { kind: 'answered', telemetry: read.value, identified };
  if (silentStates.includes(read.state)) return { kind: 'offline', message: read.message, identified };
  return { kind: 'unreadable', message: `${target.ip} answered, but its telemetry could not be read: ${read.message}`, identified };
}

/**
 * Polls one miner within its own time limit and the cycle's signal. Never throws and never takes longer
 * than the timeout (plus a moment): a slow or silent miner becomes "offline" and the cycle moves on.
 */
export async function pollMiner(target: PollTarget, opts: PollOptions): Promise<PollOutcome> {
  const own = new AbortController();
  const signal = AbortSignal.any([opts.signal, own.signal]);
  const deadline = Date.now() + opts.timeoutMs;
  const limits: DriverOptions = {
    ...opts.driverOptions,
    connectTimeoutMs: Math.min(opts.driverOptions?.connectTimeoutMs ?? 3_000, opts.timeoutMs),
    timeoutMs: opts.timeoutMs,
    deadline,
    signal,
  };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<PollOutcome>((resolve) => {
    timer = setTimeout(() => {
      own.abort();
      resolve({ kind: 'offline', message: `${target.ip} did not answer within ${opts.timeoutMs} ms.`, identified: null });
    }, opts.timeoutMs + 200);
  });
  try {
    return await Promise.race([
      pollUnbounded(target, opts, limits).catch((error: unknown): PollOutcome => ({
        kind: 'unreadable',
        message: `Reading ${target.ip} failed: ${error instanceof Error ? error.message : String(error)}`,
        identified: null,
      })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
    own.abort();
  }
}

/** Runs `work` over `items`, `limit` at once, stopping early when `signal` aborts. */
export async function eachLimited<T>(items: readonly T[], limit: number, signal: AbortSignal, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !signal.aborted) {
      const index = next++;
      await work(items[index], index);
    }
  });
  await Promise.all(runners);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
