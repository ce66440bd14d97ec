import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Db } from '../db/open-db';
import { contract } from '../electron/contract';
import { commitScan } from '../electron/services/discovery/scan/scan.commit';
import { allResults, requireScan } from '../electron/services/discovery/scan/scan.reads';
import { numberedMac, recordFinishedScan, type StoredFinding } from '../tests/helpers/scan-fixtures';
import { withFilledDb } from './fixtures/bench-db';

const findings = 10_000;
const targetMs = 2_000;

/** The k-th address of a /18 of loopback addresses starting at `base` (like every address in benches). */
const addressIn = (base: number, k: number) => `127.${base + (k >> 14)}.${(k >> 8) & 63}.${k & 255}`;

/**
 * One commit, timed: wall and this process's CPU, and the longest the event loop stood still meanwhile (the
 * longest any other call would have waited for an answer).
 */
async function timedCommit(db: Db, ranges: string[], found: StoredFinding[]) {
  const scanId = recordFinishedScan(db, ranges, 1, found);
  const reads = { requireScan: (id: number) => requireScan(db, id), allResults: (id: number) => allResults(db, id) };
  const input = contract['discovery.commit'].input.parse({ scanId });
  const pauses = monitorEventLoopDelay({ resolution: 5 });
  pauses.enable();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await commitScan(db, reads, input, 'bench');
  const wallMs = Math.round(performance.now() - start);
  const used = process.cpuUsage(cpu);
  pauses.disable();
  // Between one person's actions the app checkpoints the WAL when idle (electron/runtime.ts); not timed.
  db.$client.pragma('wal_checkpoint(PASSIVE)');
  return { result, wallMs, cpuMs: Math.round((used.user + used.system) / 1000), longestPauseMs: Math.round(pauses.max / 1e6) };
}

/**
 * discovery.commit over the bench's 100,000 miners at site 1: `created`, 10,000 machines the inventory does not
 * know (new miners, their identity history and audit rows); `updated`, 10,000 known miners found again by serial
 * at new addresses with new firmware (changes, history, audit). The known miners in the scanned ranges that did
 * not answer are marked offline, as by default. A commit of 100 new machines warms up first. Target: each ≤ 2 s,
 * with other calls answered meanwhile (`…LongestPauseMs`, the longest the app stood still, ≤ 1 s).
 */
export async function discoveryCommit(): Promise<Record<string, number | string>> {
  return withFilledDb(async (db) => {
    db.$client.exec('ANALYZE');
    const machine = (k: number, base: number): StoredFinding => ({
      ip: addressIn(base, k),
      serial: `DISC${base}-${k}`,
      mac: numberedMac('0a', base * 65_536 + k),
    });
    await timedCommit(
      db,
      ['127.100.0.0/24'],
      Array.from({ length: 100 }, (_, k) => machine(k, 100)),
    );
    const created = await timedCommit(
      db,
      ['127.90.0.0/18'],
      Array.from({ length: findings }, (_, k) => machine(k, 90)),
    );
    // The bench's miners B-1… carry serial SN100000001…; here they answer at new addresses with new firmware.
    const updated = await timedCommit(
      db,
      ['127.94.0.0/18'],
      Array.from({ length: findings }, (_, k) => ({ ip: addressIn(94, k), serial: `SN${100_000_001 + k}`, firmware: '2025.6' })),
    );
    if (created.result.created !== findings || updated.result.updated !== findings)
      throw new Error(`The bench's commits did not do what they should: ${JSON.stringify([created.result, updated.result])}`);
    return {
      findings,
      createdWallMs: created.wallMs,
      createdCpuMs: created.cpuMs,
      createdLongestPauseMs: created.longestPauseMs,
      updatedWallMs: updated.wallMs,
      updatedCpuMs: updated.cpuMs,
      updatedLongestPauseMs: updated.longestPauseMs,
      targetMs,
    };
  });
}
