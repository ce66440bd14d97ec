import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/open-db';
import { discoveryResults, discoveryScans, sites } from '../../../../db/schema';
import type { Contract } from '../../../contract';
import type { ParsedInputOf } from '../../../contract/define';
import type { ScanResultRow, ScanResults, ScanSummary } from '../../../contract/discovery';
import { requireById } from '../../require-row';
import { missingMiners, proposalsFor } from './scan.review';
import { toResultRow, toSummary, type ScanRow } from './scan.rows';

export function requireScan(db: Db, scanId: number): ScanRow {
  return requireById(db, discoveryScans, scanId, 'Scan', 'Start a new scan.');
}

const siteNameOf = (db: Db, siteId: number | null) =>
  siteId === null ? null : (db.select({ name: sites.name }).from(sites).where(eq(sites.id, siteId)).get()?.name ?? null);

export const summaryOf = (db: Db, row: ScanRow): ScanSummary => toSummary(row, siteNameOf(db, row.siteId));

/** The scan's progress; the newest scan when no id is given (null when there was none). */
export function scanStatus(db: Db, scanId?: number): ScanSummary | null {
  const row = scanId !== undefined ? requireScan(db, scanId) : db.select().from(discoveryScans).orderBy(desc(discoveryScans.id)).limit(1).get();
  return row ? summaryOf(db, row) : null;
}

export const listScans = (db: Db, limit: number): ScanSummary[] =>
  db
    .select()
    .from(discoveryScans)
    .orderBy(desc(discoveryScans.id))
    .limit(limit)
    .all()
    .map((row) => summaryOf(db, row));

export const allResults = (db: Db, scanId: number): ScanResultRow[] =>
  db.select().from(discoveryResults).where(eq(discoveryResults.scanId, scanId)).orderBy(discoveryResults.id).all().map(toResultRow);

const resultsUpTo = (db: Db, scanId: number, lastId: number) =>
  db
    .select()
    .from(discoveryResults)
    .where(sql`${discoveryResults.scanId} = ${scanId} AND ${discoveryResults.id} <= ${lastId}`)
    .orderBy(discoveryResults.id)
    .all()
    .map(toResultRow);

/** Findings after `afterId`, a page at a time; with `review`, what commit would do and the known miners that did not answer. */
export function scanResults(db: Db, input: ParsedInputOf<Contract['discovery.results']>): ScanResults {
  const scan = requireScan(db, input.scanId);
  const rows = db
    .select()
    .from(discoveryResults)
    .where(sql`${discoveryResults.scanId} = ${input.scanId} AND ${discoveryResults.id} > ${input.afterId}`)
    .orderBy(discoveryResults.id)
    .limit(input.limit)
    .all();
  const out = rows.map(toResultRow);
  if (input.review) {
    const earlier = input.afterId > 0 ? resultsUpTo(db, scan.id, input.afterId) : [];
    const proposals = proposalsFor(db, scan.siteId, out, earlier);
    out.forEach((row, i) => (row.proposal = proposals[i]));
  }
  const finished = scan.status !== 'running' && scan.status !== 'queued';
  return {
    scan: summaryOf(db, scan),
    rows: out,
    nextAfterId: rows.at(-1)?.id ?? input.afterId,
    // Whole-scan figures: given with the first page only, so reading a large review page by page stays linear.
    missing: input.review && input.afterId === 0 && finished ? missingMiners(db, scan, allResults(db, scan.id)) : [],
  };
}
