import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/open-db';
import { clientPricing, contracts, sites } from '../../../db/schema';
import { requireClient, type ClientRow } from '../clients/clients.guards';
import { taxRatesOf, readSettingsRow } from '../settings/settings.service';
import { gatherCounters, type CounterWanted } from './billing.gather-energy';
import { gatherMiners, type MinerFacts } from './billing.gather-miners';
import { billingPeriod, localDayStartS, type BillingPeriod, type OpenInterval } from './billing.period';
import type { BillingInput, ContractInput, CounterInput, PricingInput, TaxRateInput } from './billing.types';

/**
 * Reads what the engine needs for one client and one month: every rule stays in the engine (see the
 * contract of `BillingInput` in billing.types.ts). Each contract's month is read in its site's zone.
 */

export type ContractRow = typeof contracts.$inferSelect;
export type GatheredContract = { row: ContractRow; timeZone: string; period: BillingPeriod; input: ContractInput };

export type Gathered = {
  client: ClientRow;
  month: string;
  taxRates: TaxRateInput[];
  pricing: PricingInput;
  contracts: GatheredContract[];
  counters: CounterInput[];
};

const epochS = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const HOUR_PAD_S = 14 * 3600;

/** [1st − 14 h, next 1st + 14 h) in UTC: every zone's month lies inside it. */
export function wideWindow(month: string): { fromIso: string; toIso: string } {
  const [year, mon] = month.split('-').map(Number);
  return {
    fromIso: new Date(Date.UTC(year, mon - 1, 1) - HOUR_PAD_S * 1000).toISOString(),
    toIso: new Date(Date.UTC(year, mon, 1) + HOUR_PAD_S * 1000).toISOString(),
  };
}

/** The ids of the client's contracts (not drafts) whose dates touch the month in some zone: a cheap first look. */
export function contractIdsNearMonth(db: DbOrTx, clientId: number, month: string): number[] {
  const { fromIso, toIso } = wideWindow(month);
  return db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.clientId, clientId), ne(contracts.status, 'draft'), lt(contracts.startsAt, toIso), gt(contracts.endsAt, fromIso)))
    .all()
    .map((r) => r.id);
}

function contractsOfMonth(
  db: DbOrTx,
  clientId: number,
  month: string,
  defaultZone: string,
  only?: number,
): { row: ContractRow; timeZone: string; period: BillingPeriod }[] {
  const { fromIso, toIso } = wideWindow(month);
  const rows = db
    .select({ row: contracts, siteZone: sites.timeZone })
    .from(contracts)
    .innerJoin(sites, eq(sites.id, contracts.siteId))
    .where(
      and(
        eq(contracts.clientId, clientId),
        ne(contracts.status, 'draft'),
        lt(contracts.startsAt, toIso),
        gt(contracts.endsAt, fromIso),
        only ? eq(contracts.id, only) : undefined,
      ),
    )
    .orderBy(contracts.startsAt, contracts.id)
    .all();
  return rows
    .map(({ row, siteZone }) => {
      const timeZone = siteZone ?? defaultZone;
      return { row, timeZone, period: billingPeriod(month, timeZone) };
    })
    .filter(({ row, period }) => epochS(row.startsAt) < period.toS && epochS(row.endsAt) > period.fromS);
}

function pricingOf(db: DbOrTx, clientId: number, organisationRateMicroPerKwh: number): PricingInput {
  const rows = db.select().from(clientPricing).where(eq(clientPricing.clientId, clientId)).all();
  return {
    organisationRateMicroPerKwh,
    client: rows.map((r) => ({
      validFrom: r.validFrom,
      energyRateMicroPerKwh: r.energyRateMicroPerKwh,
      hostingFeeMinorPerMinerMonth: r.hostingFeeMinorPerMinerMonth,
    })),
  };
}

const intervalEdges = (list: readonly OpenInterval[]): number[] => list.flatMap((i) => (i.toS === null ? [i.fromS] : [i.fromS, i.toS]));

/** The instants where billing of a counter may change: its outlet rows, the miner's periods, the contract's, the prices'. */
function addBoundaries(wanted: Map<number, CounterWanted>, contract: ContractInput, priceChanges: readonly number[]): void {
  const shared = [...intervalEdges([contract.inForce]), ...priceChanges];
  for (const id of contract.meteringCounterIds) shared.forEach((b) => wanted.get(id)?.boundaries.add(b));
  for (const miner of contract.miners) {
    const minerEdges = [...shared, ...intervalEdges(miner.underContract), ...intervalEdges(miner.withClient ?? [])];
    for (const outlet of miner.outlets) {
      const counter = wanted.get(outlet.counterId);
      if (counter) [...minerEdges, ...intervalEdges([outlet])].forEach((b) => counter.boundaries.add(b));
    }
  }
}

function contractInput(gathered: { row: ContractRow }, facts: MinerFacts): ContractInput {
  const { row } = gathered;
  return {
    id: row.id,
    reference: row.number ?? row.draftReference,
    type: row.type,
    method: row.billingMethod,
    inForce: { fromS: epochS(row.startsAt), toS: epochS(row.endsAt) },
    // A rate pre-filled from pricing when the contract was written lets the pricing history decide instead.
    energyRateMicroPerKwh: row.energyRateSource === 'contract' ? row.energyRateMicroPerKwh : null,
    fixedMonthlyFeeMinor: row.fixedMonthlyFeeMinor,
    hostingFeeMinorPerMinerMonth: row.hostingFeeMinorPerMinerMonth,
    priceMicroPerThsDay: row.priceMicroPerThsDay,
    contractedGhs: row.contractedGhs,
    meteringCounterIds: facts.meteringCounters.get(row.id)?.map((c) => c.id) ?? [],
    miners: facts.minersOf.get(row.id) ?? [],
  };
}

/** Everything billing reads for the client's month; `contractId` narrows it to one contract (an invoice's). */
export function gatherBilling(db: Db, clientId: number, month: string, contractId?: number): Gathered {
  const settings = readSettingsRow(db);
  const client = requireClient(db, clientId);
  const found = contractsOfMonth(db, clientId, month, settings.timeZone, contractId);
  const pricing = pricingOf(db, clientId, settings.energyRateMicroPerKwh);
  const facts = gatherMiners(db, clientId, found);
  const gathered: GatheredContract[] = found.map((c) => ({ ...c, input: contractInput(c, facts) }));

  const wanted = new Map<number, CounterWanted>();
  for (const c of [...facts.meteringCounters.values()].flat()) wanted.set(c.id, { ...c, total: true, boundaries: new Set() });
  for (const c of facts.outletCounters) wanted.set(c.id, { ...c, total: false, boundaries: new Set() });
  for (const c of gathered) {
    const priceChanges = pricing.client.map((r) => localDayStartS(r.validFrom, c.timeZone)).filter((s) => s > c.period.fromS && s < c.period.toS);
    addBoundaries(wanted, c.input, priceChanges);
  }
  // Counters are read over the widest month of the client's zones (usually one zone).
  const periods = gathered.map((c) => c.period);
  const span = periods.length ? { fromS: Math.min(...periods.map((p) => p.fromS)), toS: Math.max(...periods.map((p) => p.toS)) } : null;
  const counters = span ? gatherCounters(db, [...wanted.values()], span) : [];
  return { client, month, taxRates: taxRatesOf(settings), pricing, contracts: gathered, counters };
}

/** The engine's input for some of the gathered contracts, in one zone and currency. */
export function billingInputOf(g: Gathered, chosen: readonly GatheredContract[], timeZone: string, currency: string): BillingInput {
  return {
    month: g.month,
    timeZone,
    currency,
    client: { taxExempt: g.client.taxExempt, taxId: g.client.taxId },
    taxRates: g.taxRates,
    pricing: g.pricing,
    contracts: chosen.map((c) => c.input),
    counters: g.counters,
  };
}
