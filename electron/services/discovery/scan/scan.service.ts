import { setMaxListeners } from 'node:events';
import { eq, inArray } from 'drizzle-orm';
import { insertRows, prepared } from '../../../../db/bulk';
import type { Db } from '../../../../db/open-db';
import { discoveryScans, sites } from '../../../../db/schema';
import type { Contract } from '../../../contract';
import type { ParsedInputOf } from '../../../contract/define';
import type { ScanSummary } from '../../../contract/discovery';
import { defaultScanPorts } from '../../../contract/discovery.vocab';
import { AppError } from '../../../contract/errors';
import { formatIpRange, type IpRange } from '../../../contract/ip-ranges';
import { requireSite } from '../../sites/sites.guards';
import { scanBudget } from './descriptor-budget';
import { allResults, listScans, requireScan, scanResults, scanStatus, summaryOf } from './scan.reads';
import { findingValues, resultColumns } from './scan.rows';
import { runScanJob, type IdentifyHost, type ScanJobResult, type ScanProgress } from './scan-job';
import type { Connector } from './tcp-connect';

export type ScannerDeps = {
  identify: IdentifyHost;
  /** Sweep connects wanted in flight; the descriptor budget may allow fewer. */
  concurrency?: number;
  /** Identifications wanted in flight; each may hold a few connections. */
  identifyConcurrency?: number;
  connectTimeoutMs?: number;
  /** How often progress and findings are written, at most. */
  flushEveryMs?: number;
  /** How connects are made (tests pass one that fails). */
  connector?: Connector;
  /** The process's open-file limit and use (tests); read from the system when left out. */
  descriptors?: () => { limit: number | null; inUse: number | null };
  log: { error(details: object, message: string): void };
};

type Job = { scanId: number; ranges: IpRange[]; ports: number[]; maxRate: number | null; done: Promise<void>; settle: () => void };

const appStopped = 'The app stopped before this scan ended.';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The sentence a queued scan shows: whom it waits for, and that it starts by itself. */
function queuedMessage(runningId: number, ahead: number): string {
  const before = ahead === 0 ? '' : ` and ${plural(ahead, 'queued scan')} before it`;
  return `Waiting for scan #${runningId}${before} to finish: one scan runs at a time, and this one starts on its own.`;
}

function endMessage(status: 'done' | 'cancelled' | 'failed', result: ScanJobResult | null): string | null {
  if (status === 'cancelled') return 'Cancelled before every address was probed. Findings so far are kept.';
  if (status === 'failed') return `${result?.failure ?? 'The scan stopped on an unexpected error; the log has the details.'} Findings so far are kept.`;
  if (result && result.unreachableHosts > 0)
    return `${plural(result.unreachableHosts, 'address', 'addresses')} could not be reached from this computer (no route to their network, or a firewall refused).`;
  return null;
}

/**
 * The LAN scanner: one scan at a time in the background (others wait in line, each saying so), with as
 * many connections as the process's open-file limit allows after a reserve for the rest of the app.
 * Progress and findings are written every `flushEveryMs` so the screen can follow; cancel stops within a
 * moment. Scans that were running or waiting when the app stopped are marked cancelled at start.
 */
export function createScanner(db: Db, deps: ScannerDeps) {
  const queue: Job[] = [];
  const jobs = new Map<number, Job>();
  let active: { job: Job; controller: AbortController; timer: NodeJS.Timeout } | null = null;
  let closed = false;
  const flushEveryMs = deps.flushEveryMs ?? 250;

  const markStopped = () =>
    db
      .update(discoveryScans)
      .set({ status: 'cancelled', message: appStopped, finishedAt: new Date().toISOString() })
      .where(inArray(discoveryScans.status, ['running', 'queued']))
      .run();
  markStopped();

  const setRow = (scanId: number, values: Partial<typeof discoveryScans.$inferInsert>) =>
    db.update(discoveryScans).set(values).where(eq(discoveryScans.id, scanId)).run();

  const tellQueue = () => {
    if (active) queue.forEach((job, ahead) => setRow(job.scanId, { message: queuedMessage(active!.job.scanId, ahead) }));
  };

  const ended = (job: Job) => {
    jobs.delete(job.scanId);
    job.settle();
  };

  function run(job: Job) {
    const controller = new AbortController();
    // Every probe and identification in flight listens for cancel: many listeners are expected, not a leak.
    setMaxListeners(0, controller.signal);
    setRow(job.scanId, { status: 'running', message: null, startedAt: new Date().toISOString() });
    const buffer: unknown[][] = [];
    let progress: ScanProgress = { probedHosts: 0, openHosts: 0, identifiedHosts: 0 };
    const flush = () =>
      db.transaction(() => {
        insertRows(db.$client, 'discovery_results', resultColumns, buffer.splice(0));
        prepared(db.$client, 'UPDATE discovery_scans SET probed_hosts = ?, open_hosts = ?, identified_hosts = ? WHERE id = ?').run(
          progress.probedHosts,
          progress.openHosts,
          progress.identifiedHosts,
          job.scanId,
        );
      });
    const timer = setInterval(flush, flushEveryMs);
    active = { job, controller, timer };
    tellQueue();

    const finish = (status: 'done' | 'cancelled' | 'failed', result: ScanJobResult | null) => {
      clearInterval(timer);
      if (closed) return ended(job); // shutdown has written the row already; the database may be closed
      flush();
      setRow(job.scanId, { status, message: endMessage(status, result), finishedAt: new Date().toISOString() });
      active = null;
      ended(job);
      const next = queue.shift();
      if (next) run(next);
    };
    const budget = scanBudget({ sweepConnects: deps.concurrency ?? 1024, identifications: deps.identifyConcurrency ?? 128 }, deps.descriptors?.());
    runScanJob({
      ranges: job.ranges,
      ports: job.ports,
      identify: deps.identify,
      concurrency: budget.sweepConnects,
      identifyConcurrency: budget.identifications,
      connectTimeoutMs: deps.connectTimeoutMs ?? 1500,
      maxProbesPerSecond: job.maxRate === null ? null : job.maxRate * job.ports.length,
      connector: deps.connector,
      signal: controller.signal,
      onFinding: (ip, openPorts, finding) => buffer.push(findingValues(job.scanId, ip, openPorts, finding)),
      onProgress: (next) => (progress = next),
    }).then(
      (result) => finish(result.failure ? 'failed' : controller.signal.aborted ? 'cancelled' : 'done', result),
      (error: unknown) => {
        deps.log.error({ err: error, scanId: job.scanId }, 'scan failed');
        finish('failed', null);
      },
    );
  }

  function start(input: ParsedInputOf<Contract['discovery.scan']>, actor: string): ScanSummary {
    if (input.siteId !== null) requireSite(db, input.siteId);
    const rangeTexts = input.ranges.map(formatIpRange);
    const ports = [...new Set(input.ports ?? defaultScanPorts)];
    const totalHosts = input.ranges.reduce((sum, r) => sum + r.last - r.first + 1, 0);
    const scan = db.transaction((tx) => {
      if (input.saveRanges && input.siteId !== null)
        tx.update(sites)
          .set({ scanRangesJson: JSON.stringify(rangeTexts) })
          .where(eq(sites.id, input.siteId))
          .run();
      return tx
        .insert(discoveryScans)
        .values({
          siteId: input.siteId,
          rangesJson: JSON.stringify(rangeTexts),
          portsJson: JSON.stringify(ports),
          status: 'queued',
          totalHosts,
          maxRate: input.maxRate,
          actor,
          startedAt: new Date().toISOString(),
        })
        .returning()
        .get();
    });
    let settle = () => undefined as void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const job: Job = { scanId: scan.id, ranges: input.ranges, ports, maxRate: input.maxRate, done, settle };
    jobs.set(scan.id, job);
    if (active) {
      queue.push(job);
      tellQueue();
    } else run(job);
    return summaryOf(db, requireScan(db, scan.id));
  }

  function cancel(scanId: number): ScanSummary {
    const row = requireScan(db, scanId);
    const waiting = queue.findIndex((job) => job.scanId === scanId);
    if (waiting >= 0) {
      const [job] = queue.splice(waiting, 1);
      setRow(scanId, { status: 'cancelled', message: 'Cancelled before it started.', finishedAt: new Date().toISOString() });
      ended(job);
      tellQueue();
    } else if (active?.job.scanId === scanId) active.controller.abort();
    else throw new AppError('CONFLICT', `Scan #${scanId} is not running any more (${row.status}), so there is nothing to cancel.`);
    return summaryOf(db, requireScan(db, scanId));
  }

  return {
    start,
    cancel,
    results: (input: ParsedInputOf<Contract['discovery.results']>) => scanResults(db, input),
    status: (scanId?: number) => scanStatus(db, scanId),
    list: (limit: number) => listScans(db, limit),
    requireScan: (scanId: number) => requireScan(db, scanId),
    allResults: (scanId: number) => allResults(db, scanId),
    /** Waits for a scan to end, queued ones included (tests, the headless CLI, the bench). */
    settled: async (scanId: number) => jobs.get(scanId)?.done,
    /** App shutdown, before the database closes: stops the running scan, drops the queue, and marks them cancelled; nothing is written after. */
    shutdown: () => {
      closed = true;
      if (active) {
        clearInterval(active.timer);
        active.controller.abort();
      }
      for (const job of queue.splice(0)) ended(job);
      active = null;
      markStopped();
    },
  };
}

export type Scanner = ReturnType<typeof createScanner>;
