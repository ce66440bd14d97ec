import { setMaxListeners } from 'node:events';
import { desc, eq, sql } from 'drizzle-orm';
import { insertRows, prepared } from '../../../../db/bulk';
import type { Db } from '../../../../db/open-db';
import { discoveryResults, discoveryScans, sites } from '../../../../db/schema';
import type { Contract } from '../../../contract';
import type { ParsedInputOf } from '../../../contract/define';
import { defaultScanPorts } from '../../../contract/discovery.vocab';
import type { ScanResultRow, ScanResults, ScanSummary } from '../../../contract/discovery';
import { AppError } from '../../../contract/errors';
import { formatIpRange } from '../../../contract/ip-ranges';
import { formatDecimal } from '../../../contract/money';
import { requireSite } from '../../sites/sites.guards';
import { missingMiners, proposalsFor } from './scan.review';
import { runScanJob, type HostFinding, type IdentifyHost } from './scan-job';

type ScanRow = typeof discoveryScans.$inferSelect;

export type ScannerDeps = {
  identify: IdentifyHost;
  /** Sweep connects in flight; the default keeps well under the open-file limit. */
  concurrency?: number;
  identifyConcurrency?: number;
  connectTimeoutMs?: number;
  /** How often progress and findings are written, at most. */
  flushEveryMs?: number;
  log: { error(details: object, message: string): void };
};

const parseJson = <T>(text: string): T => JSON.parse(text) as T;

function toSummary(row: ScanRow, siteName: string | null, now = Date.now()): ScanSummary {
  const seconds = ((row.finishedAt ? Date.parse(row.finishedAt) : now) - Date.parse(row.startedAt)) / 1000;
  return {
    id: row.id,
    siteId: row.siteId,
    siteName,
    ranges: parseJson<string[]>(row.rangesJson),
    ports: parseJson<number[]>(row.portsJson),
    status: row.status,
    totalHosts: row.totalHosts,
    probedHosts: row.probedHosts,
    openHosts: row.openHosts,
    identifiedHosts: row.identifiedHosts,
    rate: seconds > 0 ? Math.round(row.probedHosts / seconds) : 0,
    message: row.message,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    committedAt: row.committedAt,
  };
}

function toResultRow(row: typeof discoveryResults.$inferSelect): ScanResultRow {
  return {
    id: row.id,
    ip: row.ip,
    openPorts: parseJson<number[]>(row.openPortsJson),
    state: row.state,
    family: row.family,
    make: row.make,
    model: row.model,
    firmware: row.firmware,
    serial: row.serial,
    mac: row.mac,
    hostname: row.hostname,
    hashrateThs: row.hashrateGhs === null ? null : formatDecimal(row.hashrateGhs, 3),
    message: row.message,
    minerId: row.minerId,
    foundAt: row.foundAt,
  };
}

const resultColumns = [
  'scan_id',
  'ip',
  'open_ports_json',
  'state',
  'family',
  'make',
  'model',
  'firmware',
  'serial',
  'mac',
  'hostname',
  'hashrate_ghs',
  'message',
  'found_at',
] as const;

/**
 * The LAN scanner: one background job at a time per scan row, progress and findings written to the
 * database every `flushEveryMs` so the screen can follow, cancel through an AbortController. Scans that
 * were running when the app stopped are marked cancelled at start, so no row claims to run forever.
 */
export function createScanner(db: Db, deps: ScannerDeps) {
  const running = new Map<number, { controller: AbortController; done: Promise<void>; timer: NodeJS.Timeout }>();
  let closed = false;
  const flushEveryMs = deps.flushEveryMs ?? 250;
  db.update(discoveryScans)
    .set({ status: 'cancelled', message: 'The app stopped while this scan ran.', finishedAt: new Date().toISOString() })
    .where(eq(discoveryScans.status, 'running'))
    .run();

  const siteNameOf = (siteId: number | null) =>
    siteId === null ? null : (db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId)).get()?.name ?? null);

  const requireScan = (scanId: number): ScanRow => {
    const row = db.select().from(discoveryScans).where(eq(discoveryScans.id, scanId)).get();
    if (!row) throw new AppError('NOT_FOUND', `Scan #${scanId} was not found. Start a new scan.`);
    return row;
  };
  const summary = (scanId: number) => {
    const row = requireScan(scanId);
    return toSummary(row, siteNameOf(row.siteId));
  };

  function start(input: ParsedInputOf<Contract['discovery.scan']>, actor: string): ScanSummary {
    const rangeTexts = input.ranges.map(formatIpRange);
    if (input.siteId !== null) requireSite(db, input.siteId);
    const ports = [...new Set(input.ports ?? defaultScanPorts)];
    const totalHosts = input.ranges.reduce((sum, r) => sum + r.last - r.first + 1, 0);
    const startedAt = new Date().toISOString();
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
          status: 'running',
          totalHosts,
          actor,
          startedAt,
        })
        .returning()
        .get();
    });
    const controller = new AbortController();
    // Every probe in flight listens for cancel: a thousand listeners are expected, not a leak.
    setMaxListeners(0, controller.signal);
    const buffer: unknown[][] = [];
    let progress = { probedHosts: 0, openHosts: 0, identifiedHosts: 0 };
    const flush = () => {
      db.transaction(() => {
        insertRows(db.$client, 'discovery_results', resultColumns, buffer.splice(0));
        prepared(db.$client, 'UPDATE discovery_scans SET probed_hosts = ?, open_hosts = ?, identified_hosts = ? WHERE id = ?').run(
          progress.probedHosts,
          progress.openHosts,
          progress.identifiedHosts,
          scan.id,
        );
      });
    };
    const timer = setInterval(flush, flushEveryMs);
    const onFinding = (ip: string, openPorts: number[], f: HostFinding) =>
      buffer.push([
        scan.id,
        ip,
        JSON.stringify(openPorts),
        f.state,
        f.family,
        f.make,
        f.model,
        f.firmware,
        f.serial,
        f.mac,
        f.hostname,
        f.hashrateGhs,
        f.message,
        new Date().toISOString(),
      ]);
    const finish = (status: 'done' | 'cancelled' | 'failed', message: string | null) => {
      clearInterval(timer);
      if (closed) return; // shutdown has written the row already; the database may be closed
      flush();
      db.update(discoveryScans).set({ status, message, finishedAt: new Date().toISOString() }).where(eq(discoveryScans.id, scan.id)).run();
      running.delete(scan.id);
    };
    const done = runScanJob({
      ranges: input.ranges,
      ports,
      identify: deps.identify,
      concurrency: deps.concurrency ?? 1024,
      identifyConcurrency: deps.identifyConcurrency ?? 128,
      connectTimeoutMs: deps.connectTimeoutMs ?? 1500,
      signal: controller.signal,
      onFinding,
      onProgress: (next) => (progress = next),
    }).then(
      () => finish(controller.signal.aborted ? 'cancelled' : 'done', controller.signal.aborted ? 'Cancelled before every address was probed.' : null),
      (error: unknown) => {
        deps.log.error({ err: error, scanId: scan.id }, 'scan failed');
        finish('failed', 'The scan stopped on an unexpected error; the log has the details. Findings so far are kept.');
      },
    );
    running.set(scan.id, { controller, done, timer });
    return summary(scan.id);
  }

  function cancel(scanId: number): ScanSummary {
    const row = requireScan(scanId);
    if (row.status !== 'running') throw new AppError('CONFLICT', `Scan #${scanId} is not running any more (${row.status}), so there is nothing to cancel.`);
    running.get(scanId)?.controller.abort();
    return summary(scanId);
  }

  const allResults = (scanId: number): ScanResultRow[] =>
    db.select().from(discoveryResults).where(eq(discoveryResults.scanId, scanId)).orderBy(discoveryResults.id).all().map(toResultRow);

  const resultsUpTo = (scanId: number, lastId: number) =>
    db
      .select()
      .from(discoveryResults)
      .where(sql`${discoveryResults.scanId} = ${scanId} AND ${discoveryResults.id} <= ${lastId}`)
      .orderBy(discoveryResults.id)
      .all()
      .map(toResultRow);

  function results(input: ParsedInputOf<Contract['discovery.results']>): ScanResults {
    const scan = requireScan(input.scanId);
    const rows = db
      .select()
      .from(discoveryResults)
      .where(sql`${discoveryResults.scanId} = ${input.scanId} AND ${discoveryResults.id} > ${input.afterId}`)
      .orderBy(discoveryResults.id)
      .limit(input.limit)
      .all();
    const out = rows.map(toResultRow);
    if (input.review) {
      const earlier = input.afterId > 0 ? resultsUpTo(scan.id, input.afterId) : [];
      const proposals = proposalsFor(db, scan.siteId, out, earlier);
      out.forEach((row, i) => (row.proposal = proposals[i]));
    }
    return {
      scan: toSummary(scan, siteNameOf(scan.siteId)),
      rows: out,
      nextAfterId: rows.at(-1)?.id ?? input.afterId,
      // Whole-scan figures: given with the first page only, so reading a large review page by page stays linear.
      missing: input.review && input.afterId === 0 && scan.status !== 'running' ? missingMiners(db, scan, allResults(scan.id)) : [],
    };
  }

  return {
    start,
    cancel,
    results,
    status: (scanId?: number): ScanSummary | null => {
      if (scanId !== undefined) return summary(scanId);
      const newest = db.select().from(discoveryScans).orderBy(desc(discoveryScans.id)).limit(1).get();
      return newest ? toSummary(newest, siteNameOf(newest.siteId)) : null;
    },
    list: (limit: number): ScanSummary[] =>
      db
        .select()
        .from(discoveryScans)
        .orderBy(desc(discoveryScans.id))
        .limit(limit)
        .all()
        .map((row) => toSummary(row, siteNameOf(row.siteId))),
    requireScan,
    allResults,
    /** Waits for a scan to end (tests, the headless CLI). */
    settled: async (scanId: number) => running.get(scanId)?.done,
    /** App shutdown, before the database closes: stops every scan at once and marks it cancelled; nothing is written after. */
    shutdown: () => {
      closed = true;
      for (const job of running.values()) {
        clearInterval(job.timer);
        job.controller.abort();
      }
      db.update(discoveryScans)
        .set({ status: 'cancelled', message: 'The app stopped while this scan ran.', finishedAt: new Date().toISOString() })
        .where(eq(discoveryScans.status, 'running'))
        .run();
      running.clear();
    },
  };
}

export type Scanner = ReturnType<typeof createScanner>;
