import { addressesOf, rangeSize, type IpRange } from '../../../contract/ip-ranges';
import { probePort } from './port-probe';

export type SweepOptions = {
  ports: readonly number[];
  /** Connects in flight at once; each holds one file descriptor. */
  concurrency: number;
  connectTimeoutMs: number;
  signal?: AbortSignal;
  /** Called for every host with at least one open port, as soon as its ports are known. */
  onOpenHost: (ip: string, openPorts: number[]) => void;
  /** Called after each host, with how many hosts are done. */
  onProgress?: (probedHosts: number) => void;
};

/**
 * Stage 1 of a scan: TCP connect probes to every port of every address, at most `concurrency` in flight.
 * The ports of one host are probed together, so a host is reported once, complete. Ends when every address
 * was probed or the signal aborts; the time it takes is bounded by hosts × timeout ÷ concurrency.
 */
export async function sweep(ranges: readonly IpRange[], options: SweepOptions): Promise<{ probedHosts: number; totalHosts: number }> {
  const totalHosts = rangeSize(ranges);
  const hostsAtOnce = Math.max(1, Math.floor(options.concurrency / Math.max(1, options.ports.length)));
  const addresses = addressesOf(ranges);
  let probedHosts = 0;

  const worker = async () => {
    for (let next = addresses.next(); !next.done && !options.signal?.aborted; next = addresses.next()) {
      const ip = next.value;
      const states = await Promise.all(options.ports.map((port) => probePort(ip, port, options.connectTimeoutMs, options.signal)));
      const open = options.ports.filter((_, i) => states[i] === 'open');
      if (open.length && !options.signal?.aborted) options.onOpenHost(ip, open);
      probedHosts += 1;
      options.onProgress?.(probedHosts);
    }
  };
  await Promise.all(Array.from({ length: Math.min(hostsAtOnce, totalHosts) }, worker));
  return { probedHosts, totalHosts };
}
