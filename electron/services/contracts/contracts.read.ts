import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { inIds } from '../../../db/bulk';
import type { DbOrTx } from '../../../db/open-db';
import { clientDocuments, clients, contractEquipment, contractMeteringDevices, contracts, minerModels, miners, powerDevices, sites } from '../../../db/schema';
import type { ContractDetail, ContractEquipment, ContractListRow } from '../../contract/contracts';
import { contractEquipmentKinds, maxLeaseExtensions } from '../../contract/contracts.vocab';
import { formatDecimal } from '../../contract/money';
import { readSettingsRow } from '../settings/settings.service';
import { contractRefOf, contractReference, requireContract, type ContractRow } from './contracts.guards';
import { fromThousandths, microToRate, minorToMoney } from './contracts.values';

/**
 * Equipment the contract holds: not released yet (a draft's plan, or an open period), or held until the
 * contract's own end. A period released early (before the end, before now) is history.
 */
export const heldEquipment = (now: string) =>
  sql`(${contractEquipment.toAt} IS NULL OR ${contractEquipment.toAt} > ${now} OR ${contractEquipment.toAt} >= ${contracts.endsAt})`;

type Summary = { minerCount: number; siteCount: number; ghs: number; powerW: number };
const emptySummary: Summary = { minerCount: 0, siteCount: 0, ghs: 0, powerW: 0 };

/** Miners and sites each contract holds, with the nominal TH/s and W of the miners (on O&M sites: the miners there now). */
export function equipmentSummaries(db: DbOrTx, contractIds: readonly number[], now: string): Map<number, Summary> {
  const out = new Map<number, Summary>(contractIds.map((id) => [id, { ...emptySummary }]));
  if (!contractIds.length) return out;
  const held = and(inIds(contractEquipment.contractId, contractIds), heldEquipment(now));
  const direct = db
    .select({
      contractId: contractEquipment.contractId,
      miners: sql<number>`count(${contractEquipment.minerId})`,
      sites: sql<number>`count(${contractEquipment.siteId})`,
      ghs: sql<number>`coalesce(sum(${minerModels.nominalHashrateGhs}), 0)`,
      powerW: sql<number>`coalesce(sum(${minerModels.nominalPowerW}), 0)`,
    })
    .from(contractEquipment)
    .innerJoin(contracts, eq(contracts.id, contractEquipment.contractId))
    .leftJoin(miners, eq(miners.id, contractEquipment.minerId))
    .leftJoin(minerModels, eq(minerModels.id, miners.modelId))
    .where(held)
    .groupBy(contractEquipment.contractId)
    .all();
  for (const row of direct) out.set(row.contractId, { minerCount: row.miners, siteCount: row.sites, ghs: row.ghs, powerW: row.powerW });
  const onSites = db
    .select({
      contractId: contractEquipment.contractId,
      miners: sql<number>`count(${miners.id})`,
      ghs: sql<number>`coalesce(sum(${minerModels.nominalHashrateGhs}), 0)`,
      powerW: sql<number>`coalesce(sum(${minerModels.nominalPowerW}), 0)`,
    })
    .from(contractEquipment)
    .innerJoin(contracts, eq(contracts.id, contractEquipment.contractId))
    .innerJoin(miners, and(eq(miners.siteId, contractEquipment.siteId), sql`${miners.state} <> 'retired'`))
    .leftJoin(minerModels, eq(minerModels.id, miners.modelId))
    .where(held)
    .groupBy(contractEquipment.contractId)
    .all();
  for (const row of onSites) {
    const summary = out.get(row.contractId)!;
    Object.assign(summary, { minerCount: summary.minerCount + row.miners, ghs: summary.ghs + row.ghs, powerW: summary.powerW + row.powerW });
  }
  return out;
}

export type ListSource = ContractRow & { clientName: string; siteName: string; siteTimeZone: string | null };

export function toContractListRow(row: ListSource, organisationZone: string, summary: Summary): ContractListRow {
  const timeZone = row.siteTimeZone ?? organisationZone;
  return {
    id: row.id,
    reference: contractReference(row),
    number: row.number,
    type: row.type,
    status: row.status,
    client: { id: row.clientId, name: row.clientName },
    site: { id: row.siteId, name: row.siteName },
    timeZone,
    term: row.term,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    autoRenew: row.autoRenew,
    noticeDays: row.noticeDays,
    noticeBy: row.noticeBy,
    billingMethod: row.billingMethod,
    currency: row.currency,
    powerCapKw: fromThousandths(row.powerCapW),
    minerCount: summary.minerCount,
    siteCount: summary.siteCount,
    nominalThs: formatDecimal(summary.ghs, 3),
    nominalKw: formatDecimal(summary.powerW, 3),
    extensionCount: row.extensionCount,
    terminatedAt: row.terminatedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The columns of a list row: the contract with its client's and site's names. */
export const listSourceColumns = {
  contract: contracts,
  clientName: clients.name,
  siteName: sites.name,
  siteTimeZone: sites.timeZone,
};

export function readListSources(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(listSourceColumns)
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .innerJoin(sites, eq(sites.id, contracts.siteId))
    .where(where)
    .all()
    .map(({ contract, ...names }): ListSource => ({ ...contract, ...names }));
}

function equipmentOf(db: DbOrTx, row: ContractRow, now: string): ContractEquipment[] {
  const rows = db
    .select({
      id: contractEquipment.id,
      minerId: miners.id,
      assetId: miners.assetId,
      make: miners.make,
      model: miners.model,
      state: miners.state,
      ghs: minerModels.nominalHashrateGhs,
      powerW: minerModels.nominalPowerW,
      minerSiteName: sql<string | null>`(SELECT ${sites.name} FROM ${sites} WHERE ${sites.id} = ${miners.siteId})`,
      siteId: contractEquipment.siteId,
      siteName: sites.name,
      fromAt: contractEquipment.fromAt,
      toAt: contractEquipment.toAt,
      held: sql<number>`${heldEquipment(now)}`,
    })
    .from(contractEquipment)
    .innerJoin(contracts, eq(contracts.id, contractEquipment.contractId))
    .leftJoin(miners, eq(miners.id, contractEquipment.minerId))
    .leftJoin(minerModels, eq(minerModels.id, miners.modelId))
    .leftJoin(sites, eq(sites.id, contractEquipment.siteId))
    .where(eq(contractEquipment.contractId, row.id))
    .orderBy(desc(sql`${heldEquipment(now)}`), desc(contractEquipment.fromAt), contractEquipment.id)
    .all();
  return rows.map((r) => ({
    id: r.id,
    kind: r.minerId !== null ? 'miner' : 'site',
    miner:
      r.minerId !== null
        ? {
            id: r.minerId,
            assetId: r.assetId!,
            make: r.make!,
            model: r.model!,
            nominalHashrateThs: fromThousandths(r.ghs),
            nominalPowerW: r.powerW,
            siteName: r.minerSiteName,
            state: r.state!,
          }
        : null,
    site: r.siteId !== null ? { id: r.siteId, name: r.siteName ?? `Site #${r.siteId}` } : null,
    fromAt: r.fromAt,
    toAt: r.toAt,
  }));
}

const inForce = (row: ContractRow) => row.status === 'active' || row.status === 'expiring';

/** Everything the contract page shows. */
export function getContractDetail(db: DbOrTx, id: number, now = new Date()): ContractDetail {
  const row = requireContract(db, id);
  const at = now.toISOString();
  const [source] = readListSources(db, eq(contracts.id, id));
  const base = toContractListRow(source, readSettingsRow(db).timeZone, equipmentSummaries(db, [id], at).get(id)!);
  const meteringDevices = db
    .select({ id: powerDevices.id, name: powerDevices.name, kind: powerDevices.kind, siteId: powerDevices.siteId })
    .from(contractMeteringDevices)
    .innerJoin(powerDevices, eq(powerDevices.id, contractMeteringDevices.deviceId))
    .where(eq(contractMeteringDevices.contractId, id))
    .orderBy(powerDevices.name)
    .all();
  const signedDocument =
    row.signedDocumentId === null
      ? null
      : (db
          .select({ id: clientDocuments.id, fileName: clientDocuments.fileName, sizeBytes: clientDocuments.sizeBytes, uploadedAt: clientDocuments.uploadedAt })
          .from(clientDocuments)
          .where(eq(clientDocuments.id, row.signedDocumentId))
          .get() ?? null);
  const renewedFrom = row.renewedFromId === null ? null : contractRefOf(requireContract(db, row.renewedFromId));
  const successor = db.select().from(contracts).where(eq(contracts.renewedFromId, id)).get();
  const scheduledEnd = row.terminatedAt !== null;
  const takesEquipment = contractEquipmentKinds[row.type] !== null;
  return {
    ...base,
    draftReference: row.draftReference,
    energyRatePerKwh: microToRate(row.energyRateMicroPerKwh),
    energyRateSource: row.energyRateSource,
    fixedMonthlyFee: minorToMoney(row.fixedMonthlyFeeMinor, row.currency),
    hostingFeePerMinerMonth: minorToMoney(row.hostingFeeMinorPerMinerMonth, row.currency),
    pricePerThsDay: microToRate(row.priceMicroPerThsDay),
    contractedThs: fromThousandths(row.contractedGhs),
    depositAmount: minorToMoney(row.depositMinor, row.currency),
    netDays: row.netDays,
    notes: row.notes,
    meteringDevices,
    equipment: equipmentOf(db, row, at),
    signedDocument,
    activatedAt: row.activatedAt,
    terminationReason: row.terminationReason,
    renewedFrom,
    renewedTo: successor ? contractRefOf(successor) : null,
    can: {
      edit: row.status === 'draft' || inForce(row),
      assign: takesEquipment && (row.status === 'draft' || inForce(row)),
      activate: row.status === 'draft',
      extend: inForce(row) && !scheduledEnd && (row.type !== 'lease' || row.extensionCount < maxLeaseExtensions),
      renew: inForce(row) && !scheduledEnd,
      terminate: inForce(row),
      deleteDraft: row.status === 'draft',
    },
  };
}

/** Metering device ids of a contract. */
export const meteringDeviceIdsOf = (db: DbOrTx, contractId: number): number[] =>
  db
    .select({ id: contractMeteringDevices.deviceId })
    .from(contractMeteringDevices)
    .where(eq(contractMeteringDevices.contractId, contractId))
    .all()
    .map((r) => r.id);
