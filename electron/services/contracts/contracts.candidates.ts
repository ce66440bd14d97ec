import { and, asc, count, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { contractEquipment, contracts, minerModels, miners, sites } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { EquipmentCandidates, EquipmentTotals, SiteCandidate } from '../../contract/contracts';
import type { ParsedInputOf } from '../../contract/define';
import { AppError } from '../../contract/errors';
import type { MinerListRow } from '../../contract/miners.list';
import { formatDecimal } from '../../contract/money';
import { clientLabel } from '../clients/clients.guards';
import { listMiners, minerFilterWhere } from '../miners/miners.list';
import { contractLabel, contractRefOf, requireContract, siteZone, type ContractRow } from './contracts.guards';
import { equipmentSummaries, heldEquipment } from './contracts.read';
import { describeInstant } from './contracts.terms';

type CandidatesInput = ParsedInputOf<Contract['contracts.equipmentCandidates']>;

const totalsOf = (n: number, ghs: number, powerW: number): EquipmentTotals => ({
  count: n,
  nominalThs: formatDecimal(ghs, 3),
  nominalKw: formatDecimal(powerW, 3),
});

/** What the step shows when the user has not chosen: Hosted the client's own miners, Lease the facility's stock; never retired or RMA. */
function scopedFilters(row: ContractRow, input: CandidatesInput): CandidatesInput {
  const clientIds = input.clientIds.length ? input.clientIds : row.type === 'lease' ? ['unassigned' as const] : [row.clientId];
  const states = input.states.length
    ? input.states
    : row.type === 'lease'
      ? (['staged', 'unassigned'] as const)
      : (['staged', 'unassigned', 'assigned'] as const);
  return { ...input, clientIds, states: [...states] };
}

/**
 * Totals of every miner the filters match, from a count per model (the miners table and its indexes only),
 * multiplied by the catalogue's figures: cheaper than joining the models for 100,000 rows.
 */
function matchingTotals(db: DbOrTx, filters: CandidatesInput): EquipmentTotals {
  const perModel = db.select({ modelId: miners.modelId, n: count() }).from(miners).where(minerFilterWhere(filters)).groupBy(miners.modelId).all();
  const modelIds = perModel.map((m) => m.modelId).filter((id): id is number => id !== null);
  const figures = new Map((modelIds.length ? db.select().from(minerModels).where(inArray(minerModels.id, modelIds)).all() : []).map((m) => [m.id, m]));
  let [n, ghs, powerW] = [0, 0, 0];
  for (const { modelId, n: k } of perModel) {
    n += k;
    const model = modelId === null ? undefined : figures.get(modelId);
    ghs += (model?.nominalHashrateGhs ?? 0) * k;
    powerW += (model?.nominalPowerW ?? 0) * k;
  }
  return totalsOf(n, ghs, powerW);
}

/** The sentence why each page row cannot go under this contract, if it cannot. */
function blockedRows(db: DbOrTx, row: ContractRow, page: MinerListRow[], from: string, zone: string): Record<number, string> {
  const blocked: Record<number, string> = {};
  for (const miner of page) {
    if (miner.state === 'retired' || miner.state === 'rma')
      blocked[miner.id] = `${miner.assetId} is ${miner.state === 'rma' ? 'away for repair (RMA)' : 'retired'}.`;
    else if (miner.client && miner.client.id !== row.clientId) blocked[miner.id] = `${miner.assetId} belongs to ${clientLabel(miner.client)}.`;
  }
  const ids = page.map((m) => m.id).filter((id) => !(id in blocked));
  if (!ids.length) return blocked;
  const end = sql`coalesce(${contractEquipment.toAt}, ${contracts.endsAt})`;
  const clashes = db
    .select({ minerId: contractEquipment.minerId, contract: contracts, toAt: sql<string>`${end}` })
    .from(contractEquipment)
    .innerJoin(contracts, eq(contracts.id, contractEquipment.contractId))
    .where(
      and(
        inArray(contractEquipment.minerId, ids),
        ne(contracts.status, 'draft'),
        ne(contracts.id, row.id),
        lt(contractEquipment.fromAt, row.endsAt),
        gt(end, from),
      ),
    )
    .orderBy(asc(contractEquipment.fromAt))
    .all();
  for (const clash of clashes) {
    blocked[clash.minerId!] ??= `Under ${contractLabel(clash.contract)} until ${describeInstant(clash.toAt, zone)}.`;
  }
  return blocked;
}

/** The wizard's miner step: a page of the Miners table scoped to what the contract may take, with running totals. */
export function equipmentCandidates(db: DbOrTx, input: CandidatesInput, now = new Date()): EquipmentCandidates {
  const row = requireContract(db, input.contractId);
  if (row.type === 'infinity' || row.type === 'om') {
    throw new AppError('CONFLICT', `${contractLabel(row)} takes ${row.type === 'om' ? 'sites, not miners' : 'no equipment'}.`);
  }
  const filters = scopedFilters(row, input);
  const page = listMiners(db, filters);
  const nowIso = now.toISOString();
  const from = row.status === 'draft' || row.startsAt > nowIso ? row.startsAt : nowIso;
  const ids = page.rows.map((m) => m.id);
  const onThisContract = ids.length
    ? db
        .select({ minerId: contractEquipment.minerId })
        .from(contractEquipment)
        .where(and(eq(contractEquipment.contractId, row.id), inArray(contractEquipment.minerId, ids), isNull(contractEquipment.toAt)))
        .all()
        .map((r) => r.minerId!)
    : [];
  const held = equipmentSummaries(db, [row.id], nowIso).get(row.id)!;
  return {
    ...page,
    blocked: blockedRows(db, row, page.rows, from, siteZone(db, row.siteId)),
    onThisContract,
    matching: matchingTotals(db, filters),
    contract: { ...totalsOf(held.minerCount, held.ghs, held.powerW), powerCapKw: row.powerCapW === null ? null : formatDecimal(row.powerCapW, 3) },
  };
}

/** The O&M step: every site with its miners now and the contract (not a draft) holding it now, if any. */
export function siteCandidates(db: DbOrTx, contractId: number, now = new Date()): SiteCandidate[] {
  const row = requireContract(db, contractId);
  if (row.type !== 'om') throw new AppError('CONFLICT', `${contractLabel(row)} takes ${row.type === 'infinity' ? 'no equipment' : 'miners, not sites'}.`);
  const nowIso = now.toISOString();
  const perSite = new Map(
    db
      .select({
        siteId: miners.siteId,
        n: count(),
        ghs: sql<number>`coalesce(sum(${minerModels.nominalHashrateGhs}), 0)`,
        powerW: sql<number>`coalesce(sum(${minerModels.nominalPowerW}), 0)`,
      })
      .from(miners)
      .leftJoin(minerModels, eq(minerModels.id, miners.modelId))
      .where(ne(miners.state, 'retired'))
      .groupBy(miners.siteId)
      .all()
      .map((s) => [s.siteId, s]),
  );
  const holders = new Map(
    db
      .select({ siteId: contractEquipment.siteId, contract: contracts })
      .from(contractEquipment)
      .innerJoin(contracts, eq(contracts.id, contractEquipment.contractId))
      .where(and(ne(contracts.status, 'draft'), sql`${contractEquipment.siteId} IS NOT NULL`, heldEquipment(nowIso), gt(contracts.endsAt, nowIso)))
      .all()
      .map((h) => [h.siteId, h.contract]),
  );
  return db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .orderBy(sql`${sites.name} COLLATE NOCASE`)
    .all()
    .map((site) => {
      const figures = perSite.get(site.id);
      const holder = holders.get(site.id);
      return {
        ...site,
        minerCount: figures?.n ?? 0,
        nominalThs: formatDecimal(figures?.ghs ?? 0, 3),
        nominalKw: formatDecimal(figures?.powerW ?? 0, 3),
        onContract: holder ? contractRefOf(holder) : null,
      };
    });
}
