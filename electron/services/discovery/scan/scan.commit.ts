import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/open-db';
import { discoveryResults, discoveryScans, minerModels, miners } from '../../../../db/schema';
import type { Contract } from '../../../contract';
import type { ParsedInputOf } from '../../../contract/define';
import type { ScanCommitResult } from '../../../contract/discovery';
import { AppError } from '../../../contract/errors';
import { recordAuditRows } from '../../audit/record-audit';
import { assetIdAllocator } from '../../miners/miners.asset-ids';
import { openIdentityReview } from '../../miners/miners.identity';
import { applyMinerChanges, insertMinerRecord } from '../../miners/miners.records';
import { missingMiners, observedValues, proposalsFor } from './scan.review';
import type { Scanner } from './scan.service';

/** The catalogue entry whose model name the firmware reported, any case; null when none or several match. */
function catalogueModelId(db: Db, make: string | null, model: string | null): number | null {
  if (!model) return null;
  const found = db
    .select({ id: minerModels.id, make: minerModels.make })
    .from(minerModels)
    .where(sql`${minerModels.model} = ${model.trim()} COLLATE NOCASE`)
    .all();
  const sameMake = make ? found.filter((m) => m.make.toLowerCase() === make.trim().toLowerCase()) : found;
  const pick = sameMake.length ? sameMake : found;
  return pick.length === 1 ? pick[0].id : null;
}

/**
 * Brings a finished scan into the inventory in one transaction: new machines become miners of the scan's
 * site, moved ones get their new identifiers (history kept, source "discovery"), ambiguous ones go to the
 * identity review list, and known miners in the ranges that did not answer are marked offline.
 */
export function commitScan(db: Db, scanner: Scanner, input: ParsedInputOf<Contract['discovery.commit']>, actor: string): ScanCommitResult {
  const scan = scanner.requireScan(input.scanId);
  if (scan.status === 'running' || scan.status === 'queued')
    throw new AppError('CONFLICT', `Scan #${scan.id} is still ${scan.status}. Wait for it to finish, or cancel it, before adding what it found.`);
  const rows = scanner.allResults(scan.id);
  const wanted = input.resultIds ? new Set(input.resultIds) : null;
  if (wanted) {
    const unknown = [...wanted].filter((id) => !rows.some((row) => row.id === id));
    if (unknown.length)
      throw new AppError(
        'NOT_FOUND',
        `Finding${unknown.length === 1 ? '' : 's'} #${unknown.slice(0, 5).join(', #')} are not part of scan #${scan.id}; nothing was added.`,
      );
  }
  const chosen = rows.filter((row) => row.state === 'identified' && (!wanted || wanted.has(row.id)));
  const result: ScanCommitResult = { created: 0, updated: 0, unchanged: 0, sentToReview: 0, markedOffline: 0 };

  db.transaction((tx) => {
    const now = new Date().toISOString();
    let nextAssetId: (() => string) | null = null;
    const proposals = proposalsFor(tx, scan.siteId, chosen);
    chosen.forEach((row, i) => {
      const proposal = proposals[i];
      const seen = observedValues(row);
      let minerId: number | null = null;
      if (proposal.action === 'new') {
        const created = insertMinerRecord(
          tx,
          {
            ...seen,
            // The facility's series (NW-00043 after NW-00042), counted once for the whole commit.
            assetId: (nextAssetId ??= assetIdAllocator(tx))(),
            make: row.make?.trim() || null,
            model: row.model?.trim() || null,
            modelId: catalogueModelId(db, row.make, row.model),
            siteId: scan.siteId,
          },
          actor,
          'discovery',
        );
        minerId = created.id;
        result.created += 1;
      } else if (proposal.action === 'update') {
        const changes = Object.fromEntries(proposal.changes.map((change) => [change.field, change.after]));
        applyMinerChanges(tx, proposal.minerId, changes, actor, 'discovery', { scanId: scan.id });
        minerId = proposal.minerId;
        result.updated += 1;
      } else if (proposal.action === 'unchanged') {
        minerId = proposal.minerId;
        result.unchanged += 1;
      } else if (proposal.action === 'review') {
        openIdentityReview(
          tx,
          { source: 'discovery', observed: { ...row, siteId: scan.siteId }, candidateIds: proposal.candidateIds, reason: proposal.reason },
          now,
        );
        result.sentToReview += 1;
      }
      if (minerId !== null) {
        tx.update(miners).set({ lastSeenAt: row.foundAt, family: row.family }).where(eq(miners.id, minerId)).run();
        tx.update(discoveryResults).set({ minerId }).where(eq(discoveryResults.id, row.id)).run();
      }
    });
    if (input.markMissingOffline) {
      const missing = missingMiners(tx, scan, rows).filter((miner) => miner.liveStatus !== 'offline');
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
      result.markedOffline = missing.length;
    }
    tx.update(discoveryScans).set({ committedAt: now }).where(eq(discoveryScans.id, scan.id)).run();
    recordAuditRows(tx, [{ actor, action: 'discovery.committed', entity: 'scan', entityId: scan.id, after: result }]);
  });
  return result;
}
