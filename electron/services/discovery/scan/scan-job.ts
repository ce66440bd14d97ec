import type { IpRange } from '../../../contract/ip-ranges';
import type { FoundIdentity } from '../../../contract/discovery';
import type { ScanResultState } from '../../../contract/discovery.vocab';
import { sweep } from './sweep';

/** What identifying one open host showed; an unidentified host keeps the probes' answers as its message. */
export type HostFinding = FoundIdentity & {
  state: ScanResultState;
  hashrateGhs: number | null;
  message: string | null;
};

/** Stage 2: asks an open host who it is, within its own time limit; never throws. */
export type IdentifyHost = (ip: string, openPorts: number[], signal: AbortSignal) => Promise<HostFinding>;

export type ScanProgress = { probedHosts: number; openHosts: number; identifiedHosts: number };

export type ScanJobOptions = {
  ranges: readonly IpRange[];
  ports: readonly number[];
  identify: IdentifyHost;
  /** Sweep connects in flight. */
  concurrency: number;
  /** Identifications in flight; each may hold a few connections. */
  identifyConcurrency: number;
  connectTimeoutMs: number;
  signal: AbortSignal;
  onFinding: (ip: string, openPorts: number[], finding: HostFinding) => void;
  onProgress: (progress: ScanProgress) => void;
};

/**
 * Runs both stages of a scan: the sweep finds open hosts, and each open host is identified as soon as it
 * is found, at most `identifyConcurrency` at once, while the sweep goes on. Resolves when every address
 * was probed and every open host identified, or the signal aborted.
 */
export async function runScanJob(options: ScanJobOptions): Promise<ScanProgress> {
  const progress: ScanProgress = { probedHosts: 0, openHosts: 0, identifiedHosts: 0 };
  const waiting: [string, number[]][] = [];
  const running = new Set<Promise<void>>();

  const identifyNext = () => {
    while (running.size < options.identifyConcurrency && waiting.length && !options.signal.aborted) {
      const [ip, ports] = waiting.shift() as [string, number[]];
      const task = options
        .identify(ip, ports, options.signal)
        .then((finding) => {
          if (options.signal.aborted) return;
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

  await sweep(options.ranges, {
    ports: options.ports,
    concurrency: options.concurrency,
    connectTimeoutMs: options.connectTimeoutMs,
    signal: options.signal,
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
  while (running.size) await Promise.race(running);
  return progress;
}
