import { eq, sql } from 'drizzle-orm';
import { prepared } from '../../../../db/bulk';
import type { Db, DbOrTx } from '../../../../db/open-db';
import { discoveryScans } from '../../../../db/schema';
import type { Contract } from '../../../contract';
import type { ParsedInputOf } from '../../../contract/define';
import type { MissingMiner, ScanCommitResult } from '../../../contract/discovery';
import { AppError } from '../../../contract/errors';
import { recordAuditRows } from '../../audit/record-audit';
import { planCommit, type CommitPlan } from './scan.commit.plan';
import { writeCommitPlan } from './scan.commit.write';
import { missingMiners, proposalsFor } from './scan.review';
import type { ScanRow } from './scan.rows';
import type { Scanner } from './scan.service';

type ScanReads = Pick<Scanner, 'requireScan' | 'allResults'>;
type CommitInput = ParsedInputOf<Contract['discovery.commit']>;
type PreparedCommit = { scan: ScanRow; plan: CommitPlan; missing: MissingMiner[] };

/** Plans before one short write: a busier database (other writes between the steps) gets this many tries, then plans inside the write. */
const planTries = 3;

/**
 * Works out a commit with reads only, a step at a time (each `yield` is a point where other calls may run):
 * the findings, what each is by the fleet's identity rules, what to write, and the known miners in the ranges
 * that did not answer. Throws the refusal the commit would give.
 */
function* prepareCommit(db: DbOrTx, reads: ScanReads, input: CommitInput, actor: string): Generator<void, PreparedCommit> {
  const scan = reads.requireScan(input.scanId);
  if (scan.status === 'running' || scan.status === 'queued')
    throw new AppError('CONFLICT', `Scan #${scan.id} is still ${scan.status}. Wait for it to finish, or cancel it, before adding what it found.`);
  const rows = reads.allResults(scan.id);
  const wanted = input.resultIds ? new Set(input.resultIds) : null;
  if (wanted) {
    const stored = new Set(rows.map((row) => row.id));
    const unknown = [...wanted].filter((id) => !stored.has(id));
    if (unknown.length)
      throw new AppError(
        'NOT_FOUND',
        `Finding${unknown.length === 1 ? '' : 's'} #${unknown.slice(0, 5).join(', #')} are not part of scan #${scan.id}; nothing was added.`,
      );
  }
  const chosen = rows.filter((row) => row.state === 'identified' && (!wanted || wanted.has(row.id)));
  yield;
  const proposals = proposalsFor(db, scan.siteId, chosen);
  yield;
  const plan = planCommit(db, scan, chosen, proposals, actor);
  yield;
  // Every identified finding is chosen unless the call names some: then the plan's matches are all the scan's.
  const recognised = wanted ? undefined : new Set(plan.found.flatMap(({ miner }) => ('existing' in miner ? [miner.existing] : [])));
  const missing = input.markMissingOffline ? missingMiners(db, scan, rows, recognised).filter((miner) => miner.liveStatus !== 'offline') : [];
  return { scan, plan, missing };
}

/** The planned commit into the inventory, in the caller's transaction, with its audit rows. */
function writeCommit(db: Db, tx: DbOrTx, { scan, plan, missing }: PreparedCommit, input: CommitInput, actor: string): ScanCommitResult {
  const now = new Date().toISOString();
  writeCommitPlan(db, tx, plan, actor, now);
  if (missing.length) {
    tx.run(
      sql`UPDATE miners SET live_status = 'offline', updated_at = ${now} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(missing.map((m) => m.id))}))`,
    );
    recordAuditRows(
      tx,
      missing.map((miner) => ({
        actor,
        action: 'miner.not_found_by_scan',
        entity: 'miner',
        entityId: miner.id,
        before: { liveStatus: miner.liveStatus },
        after: { liveStatus: 'offline', scanId: scan.id },
      })),
    );
  }
  const result: ScanCommitResult = { ...plan.counts, markedOffline: input.markMissingOffline ? missing.length : 0 };
  tx.update(discoveryScans).set({ committedAt: now }).where(eq(discoveryScans.id, scan.id)).run();
  recordAuditRows(tx, [{ actor, action: 'discovery.committed', entity: 'scan', entityId: scan.id, after: result }]);
  return result;
}

/** Runs the steps to the end at once. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Brings a finished scan into the inventory in one transaction, planned and written at once: new machines become
 * miners of the scan's site, moved ones get their new identifiers (history kept, source "discovery"), ambiguous
 * ones go to the identity review list, and known miners in the ranges that did not answer are marked offline.
 * For callers that may not wait (the demo's seed); calls use commitScan.
 */
export function commitScanNow(db: Db, reads: ScanReads, input: CommitInput, actor: string): ScanCommitResult {
  return db.transaction((tx) => writeCommit(db, tx, finish(prepareCommit(tx, reads, input, actor)), input, actor));
}

/**
 * Everything this connection and any other have written so far: equal marks mean an unchanged database
 * (SQLite's total_changes for this connection, data_version for commits by others).
 */
const changeMark = (db: Db) => `${prepared(db.$client, 'SELECT total_changes()').pluck().get()}:${prepared(db.$client, 'PRAGMA data_version').pluck().get()}`;

/**
 * commitScanNow without holding the app for the whole of it. With one connection and one writer, a transaction
 * cannot stay open while other calls run (their writes would join it), so the commit is planned with reads
 * only, step by step with other calls served between the steps, and then written in one short transaction,
 * whole or not at all, if nothing at all was written since planning began. Otherwise it plans again; after
 * `planTries` busy tries it plans inside the write transaction. A refusal found on a database that changed
 * meanwhile is checked again the same way.
 */
export async function commitScan(db: Db, reads: ScanReads, input: CommitInput, actor: string): Promise<ScanCommitResult> {
  for (let attempt = 1; attempt <= planTries; attempt += 1) {
    const mark = changeMark(db);
    const steps = prepareCommit(db, reads, input, actor);
    let planned: PreparedCommit;
    try {
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          planned = step.value;
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      if (changeMark(db) === mark) throw error;
      continue;
    }
    const result = db.transaction((tx) => (changeMark(db) === mark ? writeCommit(db, tx, planned, input, actor) : null));
    if (result) return result;
  }
  return commitScanNow(db, reads, input, actor);
}
