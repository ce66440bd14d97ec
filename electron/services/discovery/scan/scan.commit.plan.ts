import { sql } from 'drizzle-orm';
import { inIds } from '../../../../db/bulk';
import { inChunks } from '../../../../db/chunks';
import type { DbOrTx } from '../../../../db/open-db';
import { minerModels, miners } from '../../../../db/schema';
import type { ScanCommitResult, ScanProposal, ScanResultRow } from '../../../contract/discovery';
import type { AuditRecord } from '../../audit/record-audit';
import { assetIdAllocator } from '../../miners/miners.asset-ids';
import { identifierHolders, newMinerKey } from '../../miners/miners.identifier-holders';
import type { IdentityChange, NewIdentityReview } from '../../miners/miners.identity';
import { assetIdTaken, editableOf, identityOf } from '../../miners/miners.records';
import { assertMakeAndModel, assertPositionInRack, editableKeys, identifierTaken, type Editable } from '../../miners/miners.records.values';
import type { WritableMinerColumns } from '../../miners/miners.write-columns';
import { requireRack, requireSite, type RackRow } from '../../sites/sites.guards';
import { observedValues } from './scan.review';

type MinerRow = typeof miners.$inferSelect;
/** A new miner's columns; its times are set when it is written. */
export type NewMinerValues = Omit<typeof miners.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
/** Who a finding turned out to be: a known miner, or the n-th miner the commit creates. */
export type FoundMiner = { existing: number } | { created: number };

/** What a commit writes, worked out finding by finding, in their order, before anything is written. */
export type CommitPlan = {
  creates: NewMinerValues[];
  /** Changed columns of known miners; `wave` counts the miner's earlier changes in this commit (a machine that answered twice). */
  updates: { minerId: number; changed: WritableMinerColumns; identity: IdentityChange; wave: number }[];
  reviews: NewIdentityReview[];
  found: { row: ScanResultRow; miner: FoundMiner }[];
  /** In the findings' order; a new miner's row is audited once it has its id. */
  audits: (AuditRecord | { created: number })[];
  counts: Omit<ScanCommitResult, 'markedOffline'>;
};

type Scan = { id: number; siteId: number | null };

/** The catalogue entry whose model name the firmware reported, any case; null when none or several match. Asked once per make and model. */
function catalogueLookup(db: DbOrTx) {
  const seen = new Map<string, { id: number; make: string; model: string } | null>();
  return (make: string | null, model: string | null) => {
    if (!model) return null;
    const key = `${make ?? ''}\n${model}`;
    if (!seen.has(key)) {
      const found = db
        .select({ id: minerModels.id, make: minerModels.make, model: minerModels.model })
        .from(minerModels)
        .where(sql`${minerModels.model} = ${model.trim()} COLLATE NOCASE`)
        .all();
      const sameMake = make ? found.filter((m) => m.make.toLowerCase() === make.trim().toLowerCase()) : found;
      const pick = sameMake.length ? sameMake : found;
      seen.set(key, pick.length === 1 ? pick[0] : null);
    }
    return seen.get(key) ?? null;
  };
}

/** The stored rows of the miners the proposals update, by id. */
function minersToUpdate(db: DbOrTx, proposals: readonly ScanProposal[]): Map<number, MinerRow> {
  const ids = [...new Set(proposals.flatMap((p) => (p.action === 'update' ? [p.minerId] : [])))];
  return new Map(
    inChunks(ids, 5_000).flatMap((chunk) =>
      db
        .select()
        .from(miners)
        .where(inIds(miners.id, chunk))
        .all()
        .map((row) => [row.id, row] as const),
    ),
  );
}

/** Asset IDs among `wanted` that a miner has already, in any case, as that miner writes them. */
function takenAssetIds(db: DbOrTx, wanted: readonly string[]): Map<string, string> {
  if (!wanted.length) return new Map();
  const rows = db.all<{ assetId: string }>(
    sql`SELECT ${miners.assetId} AS assetId FROM ${miners} WHERE ${miners.assetId} COLLATE NOCASE IN (SELECT value FROM json_each(${JSON.stringify(wanted)}))`,
  );
  return new Map(rows.map((row) => [row.assetId.toUpperCase(), row.assetId]));
}

/**
 * The commit of `chosen` findings with their `proposals`, checked by the rules miners.create and miners.update
 * apply (make and model, site, rack position, a serial or MAC another miner holds, a free asset ID), finding by
 * finding as if each were written before the next is looked at, with a few set-based reads instead of queries per
 * finding. Throws the first refusal those rules would give; reads only.
 */
export function planCommit(db: DbOrTx, scan: Scan, chosen: readonly ScanResultRow[], proposals: readonly ScanProposal[], actor: string): CommitPlan {
  const plan: CommitPlan = { creates: [], updates: [], reviews: [], found: [], audits: [], counts: { created: 0, updated: 0, unchanged: 0, sentToReview: 0 } };
  const newCount = proposals.filter((p) => p.action === 'new').length;
  const nextAssetId = newCount ? assetIdAllocator(db) : () => '';
  const assetIds = Array.from({ length: newCount }, nextAssetId);
  const taken = takenAssetIds(db, assetIds);
  const stored = minersToUpdate(db, proposals);
  const observed = chosen.map(observedValues);
  const holders = identifierHolders(db, {
    serial: observed.flatMap((seen) => (seen.serial === null ? [] : [seen.serial])),
    mac: observed.flatMap((seen) => (seen.mac === null ? [] : [seen.mac])),
  });
  const catalogue = catalogueLookup(db);
  const racks = new Map<number, RackRow>();
  const rackOf = (id: number | null) => (id === null ? null : (racks.get(id) ?? racks.set(id, requireRack(db, id)).get(id)!));
  const current = new Map<number, Editable>();
  const waves = new Map<number, number>();
  let siteChecked = scan.siteId === null;

  chosen.forEach((row, i) => {
    const proposal = proposals[i];
    const seen = observed[i];
    if (proposal.action === 'new') {
      const entry = catalogue(row.make, row.model);
      // A make or model the firmware did not report comes from the catalogue entry, as miners.create fills it.
      const values = { ...seen, make: (row.make?.trim() || null) ?? entry?.make ?? null, model: (row.model?.trim() || null) ?? entry?.model ?? null };
      assertMakeAndModel(values);
      if (!siteChecked) {
        requireSite(db, scan.siteId as number);
        siteChecked = true;
      }
      const key = newMinerKey(plan.creates.length);
      const assetId = assetIds[plan.creates.length];
      for (const kind of ['serial', 'mac'] as const) {
        const other = seen[kind] === null ? undefined : holders.holder(kind, seen[kind], null);
        if (other) throw identifierTaken(kind, seen[kind] as string, other.assetId);
      }
      if (taken.has(assetId.toUpperCase())) throw assetIdTaken(taken.get(assetId.toUpperCase()) as string);
      for (const kind of ['serial', 'mac'] as const) holders.move(kind, key, assetId, null, seen[kind]);
      plan.audits.push({ created: plan.creates.length });
      plan.found.push({ row, miner: { created: plan.creates.length } });
      plan.creates.push({
        ...values,
        make: values.make as string,
        model: values.model as string,
        assetId,
        modelId: entry?.id ?? null,
        siteId: scan.siteId,
        workerName: null,
        notes: '',
        rackId: null,
        rackPosition: null,
        clientId: null,
        paid: true,
        state: 'unassigned',
      });
      plan.counts.created += 1;
    } else if (proposal.action === 'update') {
      const row0 = stored.get(proposal.minerId) as MinerRow;
      const before = current.get(proposal.minerId) ?? editableOf(row0);
      const next: Editable = { ...before, ...Object.fromEntries(proposal.changes.map((change) => [change.field, change.after])) };
      if (next.rackPosition !== null) assertPositionInRack(rackOf(next.rackId), next.rackPosition);
      for (const kind of ['serial', 'mac'] as const) {
        const value = next[kind];
        const other = value === null || value === before[kind] ? undefined : holders.holder(kind, value, proposal.minerId);
        if (other) throw identifierTaken(kind, value as string, other.assetId);
      }
      const changedKeys = editableKeys.filter((key) => next[key] !== before[key]);
      if (changedKeys.length) {
        for (const kind of ['serial', 'mac'] as const)
          if (next[kind] !== before[kind]) holders.move(kind, proposal.minerId, row0.assetId, before[kind], next[kind]);
        const wave = waves.get(proposal.minerId) ?? 0;
        waves.set(proposal.minerId, wave + 1);
        const changed = Object.fromEntries(changedKeys.map((key) => [key, next[key]]));
        plan.updates.push({
          minerId: proposal.minerId,
          changed,
          identity: { minerId: proposal.minerId, before: identityOf(before), after: identityOf(next) },
          wave,
        });
        plan.audits.push({
          actor,
          action: 'miner.updated',
          entity: 'miner',
          entityId: proposal.minerId,
          clientId: next.clientId ?? before.clientId,
          before: Object.fromEntries(changedKeys.map((key) => [key, before[key]])),
          after: { ...changed, scanId: scan.id },
        });
        current.set(proposal.minerId, next);
      }
      plan.found.push({ row, miner: { existing: proposal.minerId } });
      plan.counts.updated += 1;
    } else if (proposal.action === 'unchanged') {
      plan.found.push({ row, miner: { existing: proposal.minerId } });
      plan.counts.unchanged += 1;
    } else if (proposal.action === 'review') {
      plan.reviews.push({ source: 'discovery', observed: { ...row, siteId: scan.siteId }, candidateIds: proposal.candidateIds, reason: proposal.reason });
      plan.counts.sentToReview += 1;
    }
  });
  return plan;
}
