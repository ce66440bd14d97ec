import { setMaxListeners } from 'node:events';
import type { IpRange } from '../../../contract/ip-ranges';
import type { FoundIdentity } from '../../../contract/discovery';
import type { ScanResultState } from '../../../contract/discovery.vocab';
import type { SweepOptions } from './sweep';
import { sweepOffThread } from './sweep-thread';

/** What identifying one open host showed; an unidentified host keeps the probes' answers as its message. */
export type HostFinding = FoundIdentity & {
  state: ScanResultState;
  /** What the host reports now: hashrate, power, hottest temperature, the pool it mines on. */
  hashrateGhs: number | null;
  powerW: number | null;
  tempMaxC: number | null;
  poolUrl: string | null;
  poolUser: string | null;
  message: string | null;
};

/** Stage 2: asks an open host who it is, within its own time limit; never throws. */
export type IdentifyHost = (ip: string, openPorts: number[], signal: AbortSignal) => Promise<HostFinding>;

export type ScanProgress = { probedHosts: number; openHosts: number; identifiedHosts: number };

export type ScanJobResult = ScanProgress & {
  /** Addresses this computer could not send to (no route, or a firewall). */
  unreachableHosts: number;
  /** Why the sweep had to stop before the end, in plain words; null when it did not. */
  failure: string | null;
};

export type ScanJobOptions = {
  ranges: readonly IpRange[];
  ports: readonly number[];
  identify: IdentifyHost;
  /** Sweep connects in flight. */
  concurrency: number;
  /** Identifications in flight; each may hold a few connections. */
  identifyConcurrency: number;
  connectTimeoutMs: number;
  maxProbesPerSecond?: number | null;
  signal: AbortSignal;
  connector?: SweepOptions['connector'];
  onFinding: (ip: string, openPorts: number[], finding: HostFinding) => void;
  onProgress: (progress: ScanProgress) => void;
};

/**
 * Runs both stages of a scan: the sweep finds open hosts, and each open host is identified as soon as it
 * is found, at most `identifyConcurrency` at once, while the sweep goes on. Resolves when every address
 * was probed and every open host identified, the signal aborted, or the sweep failed (identification
 * then stops too: the same shortage would make the rest look unidentified).
 */
export async function runScanJob(options: ScanJobOptions): Promise<ScanJobResult> {
  const progress: ScanProgress = { probedHosts: 0, openHosts: 0, identifiedHosts: 0 };
  const waiting: [string, number[]][] = [];
  const running = new Set<Promise<void>>();
  const stopped = new AbortController();
  const signal = AbortSignal.any([options.signal, stopped.signal]);
  // Every identification in flight listens for the end: many listeners are expected, not a leak.
  setMaxListeners(0, signal);

  const identifyNext = () => {
    while (running.size < options.identifyConcurrency && waiting.length && !signal.aborted) {
      const [ip, ports] = waiting.shift() as [string, number[]];
      const task = options
        .identify(ip, ports, signal)
        .then((finding) => {
          if (signal.aborted) return;
          if (finding.state === 'identified') progress.identifiedHosts += 1;
          options.onFinding(ip, ports, finding);
          options.onProgress({ ...progress });
        })
        .finally(() => {
          running.delete(task);
          identifyNext();
        });
      running.add(task);
    }
  };

  const swept = await sweepOffThread(options.ranges, {
    ports: options.ports,
    concurrency: options.concurrency,
    connectTimeoutMs: options.connectTimeoutMs,
    maxProbesPerSecond: options.maxProbesPerSecond,
    signal: options.signal,
    connector: options.connector,
    onOpenHost: (ip, ports) => {
      progress.openHosts += 1;
      waiting.push([ip, ports]);
      identifyNext();
    },
    onProgress: (probed) => {
      progress.probedHosts = probed;
      options.onProgress({ ...progress });
    },
  });
  if (swept.failure) stopped.abort();
  while (running.size) await Promise.race(running);
  return { ...progress, unreachableHosts: swept.unreachableHosts, failure: swept.failure?.message ?? null };
}
