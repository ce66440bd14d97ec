import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../../../db/open-db';
import { clients, contracts, invoices } from '../../../db/schema';
import { minerBilledTime } from '../billing/billing.lines';
import { billingPeriod, localDays } from '../billing/billing.period';
import { dailyEnergyLines } from '../billing/billing.daily';
import { computeBill } from '../billing/billing.engine';
import { billingInputOf, gatherBilling, wideWindow, type Gathered, type GatheredContract } from '../billing/billing.gather';
import type { BillLine } from '../billing/billing.types';
import { requireClient } from '../clients/clients.guards';

/**
 * A month's energy per client, per day and per miner, as the billing engine measures it (metered where a counter
 * is mapped, else calculated; see billing.energy.ts), and each client's amount: the month's invoice for a contract
 * where one exists (draft, held or issued; not void), else what the engine bills that contract now (the preview).
 */

export type AmountSource = 'invoiced' | 'estimate';
export type ConsumptionSummary = { client: string; currency: string; miners: number; energyWh: number; amountMinor: number; sources: AmountSource[] };
export type ConsumptionDaily = { client: string; energyWh: number[] };
export type ConsumptionDetail = { client: string; miner: string; contract: string; method: string; energyWh: number; dailyWh: number[] };
export type Consumption = { month: string; days: string[]; summary: ConsumptionSummary[]; daily: ConsumptionDaily[]; detail: ConsumptionDetail[] };

/** Clients with a contract (not a draft) whose dates touch the month in some zone, by name. */
function clientsOfMonth(db: Db, month: string): { id: number; name: string }[] {
  const { fromIso, toIso } = wideWindow(month);
  return db
    .selectDistinct({ id: clients.id, name: clients.name })
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .where(and(ne(contracts.status, 'draft'), lt(contracts.startsAt, toIso), gt(contracts.endsAt, fromIso)))
    .orderBy(clients.name)
    .all();
}

/** The month's invoice totals per contract (one invoice per client, contract and month; void ones left out). */
function invoicedByContract(db: Db, clientId: number, month: string): Map<number, number> {
  const rows = db
    .select({ contractId: invoices.contractId, totalMinor: invoices.totalMinor })
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), eq(invoices.period, month), eq(invoices.kind, 'invoice'), ne(invoices.status, 'void')))
    .all();
  return new Map(rows.map((r) => [r.contractId, r.totalMinor]));
}

const detailKey = (line: Pick<BillLine, 'contractId' | 'minerId'>) => `${line.contractId}:${line.minerId ?? 'meters'}`;

type ClientFigures = { summary: ConsumptionSummary[]; dailyWh: number[]; detail: ConsumptionDetail[] };

function clientFigures(g: Gathered, invoiced: Map<number, number>, dates: readonly string[]): ClientFigures {
  const name = g.client.name;
  const dayIndex = new Map(dates.map((date, i) => [date, i]));
  const detail = new Map<string, ConsumptionDetail>();
  const byCurrency = new Map<string, ConsumptionSummary & { minerIds: Set<number> }>();
  const labelOf = new Map<string, string>();
  const reference = (c: GatheredContract) => c.row.number ?? c.row.draftReference;
  for (const c of g.contracts) for (const m of c.input.miners) labelOf.set(`${c.row.id}:${m.id}`, m.label);

  const rowOf = (c: GatheredContract, line: BillLine): ConsumptionDetail => {
    const key = detailKey(line);
    let row = detail.get(key);
    if (!row) {
      const miner = line.minerId === null ? `Meters of ${reference(c)}` : (labelOf.get(key) ?? `Miner #${line.minerId}`);
      row = { client: name, miner, contract: reference(c), method: line.method, energyWh: 0, dailyWh: dates.map(() => 0) };
      detail.set(key, row);
    }
    return row;
  };

  for (const c of g.contracts) {
    const bill = computeBill(billingInputOf(g, [c], c.timeZone, c.row.currency));
    const sum = byCurrency.get(c.row.currency) ?? { client: name, currency: c.row.currency, miners: 0, energyWh: 0, amountMinor: 0, sources: [], minerIds: new Set<number>() };
    byCurrency.set(c.row.currency, sum);
    const invoice = invoiced.get(c.row.id);
    sum.amountMinor += invoice ?? bill.totalMinor;
    // Miners billed any time of the month on this contract, whatever the contract bills (energy or fees).
    for (const m of c.input.miners) if (minerBilledTime(c.input, m, c.period).length) sum.minerIds.add(m.id);
    const source: AmountSource = invoice === undefined ? 'estimate' : 'invoiced';
    if (!sum.sources.includes(source)) sum.sources.push(source);
    for (const line of bill.lines) {
      if (line.energyWh === null) continue;
      sum.energyWh += line.energyWh;
      rowOf(c, line).energyWh += line.energyWh;
    }
    for (const day of dailyEnergyLines(billingInputOf(g, [c], c.timeZone, c.row.currency))) {
      const i = dayIndex.get(day.date);
      if (i === undefined) continue;
      for (const line of day.lines) rowOf(c, line).dailyWh[i] += line.energyWh ?? 0;
    }
  }
  const rows = [...detail.values()];
  const dailyWh = dates.map((_, i) => rows.reduce((total, row) => total + row.dailyWh[i], 0));
  const summary = [...byCurrency.values()].map(({ minerIds, ...s }) => ({ ...s, miners: minerIds.size }));
  return { summary, dailyWh, detail: rows };
}

/** The month's consumption of every client with a contract in it, or of one client. */
export function monthlyConsumption(db: Db, month: string, clientId?: number): Consumption {
  const chosen = clientId === undefined ? clientsOfMonth(db, month) : [requireClient(db, clientId)];
  // The month's calendar days are the same dates in every zone; each contract's days are read in its site's zone.
  const dates = localDays(billingPeriod(month, 'UTC')).map((_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const result: Consumption = { month, days: dates, summary: [], daily: [], detail: [] };
  for (const client of chosen) {
    const figures = clientFigures(gatherBilling(db, client.id, month), invoicedByContract(db, client.id, month), dates);
    result.summary.push(...figures.summary);
    result.daily.push({ client: client.name, energyWh: figures.dailyWh });
    result.detail.push(...figures.detail);
  }
  return result;
}
