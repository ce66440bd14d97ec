import { addressesOf, rangeSize, type IpRange } from '../../../contract/ip-ranges';
import { connectOutcome, fatalConnectSentence } from './connect-outcome';
import { createAdaptiveTimeout, createRateCap } from './probe-pacing';
import { defaultConnector, type ConnectAttempt, type ConnectTarget, type Connector } from './tcp-connect';
import { createTimeoutWheel } from './timeout-wheel';

export type SweepOptions = {
  ports: readonly number[];
  /** Connects in flight at once; each holds one file descriptor. */
  concurrency: number;
  /** The longest wait for a connect (and the wait until the network has shown how fast it answers). */
  connectTimeoutMs: number;
  /** The shortest wait for a connect, however fast the network answers. */
  minConnectTimeoutMs?: number;
  /** At most this many connects started a second; null or left out: as fast as answers come. */
  maxProbesPerSecond?: number | null;
  signal?: AbortSignal;
  /** How a connect is made; tests pass one that fails. */
  connector?: Connector;
  /** Called for every host with at least one open port, as soon as its ports are known, ports in the order given. */
  onOpenHost: (ip: string, openPorts: number[]) => void;
  /** Called after each host, with how many hosts are done. */
  onProgress?: (probedHosts: number) => void;
};

export type SweepResult = {
  probedHosts: number;
  totalHosts: number;
  /** Hosts this computer could not send to (no route to the network, or refused by a firewall). */
  unreachableHosts: number;
  /** Set when a connect failed for a reason that says nothing about the address (EMFILE…): the sweep stopped there. */
  failure: { code: string; message: string } | null;
};

type Host = { ip: string; pending: number; open: number; unreachable: boolean };

/** One connect of the sweep; it is its own connect target, so a probe costs one object and no closure. */
class Probe implements ConnectTarget {
  attempt: ConnectAttempt | null = null;
  done = false;
  readonly startedAt = Date.now();
  constructor(
    readonly host: Host,
    readonly portIndex: number,
    private readonly settle: (probe: Probe, errorCode: string | null) => void,
  ) {}

  connected(errorCode: string | null): void {
    if (!this.done) this.settle(this, errorCode);
  }
}

/**
 * Stage 1 of a scan: a TCP connect to every port of every address, at most `concurrency` in flight, the
 * ports of one host together so each host is reported once, complete. Connects are plain callbacks with
 * one shared timeout wheel (no promise, timer or socket object per probe); waits shrink to what the network
 * shows. Ends when every address was probed, the signal aborts (in-flight connects are closed at once), or
 * a connect fails in a way that says nothing about the address.
 */
export function sweep(ranges: readonly IpRange[], options: SweepOptions): Promise<SweepResult> {
  const { ports, signal } = options;
  const connect = options.connector ?? defaultConnector;
  const totalHosts = rangeSize(ranges);
  const addresses = addressesOf(ranges);
  const limit = Math.max(1, options.concurrency);
  const timeout = createAdaptiveTimeout(Math.min(options.minConnectTimeoutMs ?? 250, options.connectTimeoutMs), options.connectTimeoutMs);
  const rateCap = options.maxProbesPerSecond ? createRateCap(options.maxProbesPerSecond) : null;
  const inFlight = new Set<Probe>();
  const wheel = createTimeoutWheel<Probe>(25, (probe) => {
    if (!probe.done) settle(probe, 'silent');
  });
  const result: SweepResult = { probedHosts: 0, totalHosts, unreachableHosts: 0, failure: null };
  let current: Host | null = null;
  let nextPort = 0;
  let addressesLeft = true;
  let stopped = false;
  let pumping = false;
  let wakeTimer: NodeJS.Timeout | null = null;
  let resolveSweep: (result: SweepResult) => void = () => undefined;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    signal?.removeEventListener('abort', stop);
    if (wakeTimer) clearTimeout(wakeTimer);
    wheel.clear();
    for (const probe of inFlight) {
      probe.done = true;
      probe.attempt?.close();
    }
    inFlight.clear();
    resolveSweep(result);
  };

  const hostDone = (host: Host) => {
    result.probedHosts += 1;
    if (host.unreachable) result.unreachableHosts += 1;
    if (host.open !== 0)
      options.onOpenHost(
        host.ip,
        ports.filter((_, i) => host.open & (1 << i)),
      );
    options.onProgress?.(result.probedHosts);
  };

  function settle(probe: Probe, outcome: ReturnType<typeof connectOutcome>, errorCode: string | null = null) {
    probe.done = true;
    probe.attempt?.close();
    // The wheel keeps the probe until its deadline: let its socket go now, so the garbage collector does not carry thousands of them.
    probe.attempt = null;
    inFlight.delete(probe);
    if (outcome === 'fatal') {
      result.failure = { code: errorCode ?? 'UNKNOWN', message: fatalConnectSentence(errorCode ?? 'UNKNOWN', result.probedHosts, totalHosts) };
      return stop();
    }
    const host = probe.host;
    if (outcome === 'open' || outcome === 'closed') timeout.answered(Date.now() - probe.startedAt);
    if (outcome === 'open') host.open |= 1 << probe.portIndex;
    if (outcome === 'no_route') host.unreachable = true;
    host.pending -= 1;
    if (host.pending === 0) hostDone(host);
    if (!stopped && !pumping) pump();
  }

  const answered = (probe: Probe, errorCode: string | null) => settle(probe, connectOutcome(errorCode), errorCode);
  const launch = (host: Host, portIndex: number) => {
    const probe = new Probe(host, portIndex, answered);
    inFlight.add(probe);
    wheel.add(probe.startedAt + timeout.currentMs(), probe);
    probe.attempt = connect(host.ip, ports[portIndex], probe);
  };

  function pump() {
    pumping = true; // a connector that answers at once must not start a pump inside this one
    while (!stopped && inFlight.size < limit) {
      if (!current) {
        const next = addresses.next();
        if (next.done) {
          addressesLeft = false;
          break;
        }
        current = { ip: next.value, pending: ports.length, open: 0, unreachable: false };
        nextPort = 0;
      }
      if (rateCap && !rateCap.take()) {
        wakeTimer ??= setTimeout(() => {
          wakeTimer = null;
          pump();
        }, rateCap.waitMs());
        break;
      }
      const host: Host = current;
      if (nextPort === ports.length - 1) current = null;
      launch(host, nextPort++);
    }
    pumping = false;
    if (!addressesLeft && inFlight.size === 0) stop();
  }

  return new Promise((resolve) => {
    resolveSweep = resolve;
    if (ports.length > 31) throw new Error('A sweep probes at most 31 ports.');
    if (signal?.aborted || totalHosts === 0) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    pump();
  });
}
