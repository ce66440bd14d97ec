import type { BillingMethod, ContractType } from '../../contract/contracts.vocab';
import type { OpenInterval } from './billing.period';
import type { EnergySpan, GapCredit, MeterReading } from './billing.meter';

/**
 * What the billing service gathers for one client and one month, and what the engine answers. Instants
 * are epoch seconds (stored ISO instants with their milliseconds dropped), money integers of minor units
 * of `currency`, rates integers of micro-units (10⁻⁶ of the currency), energy whole Wh, hashrate whole
 * GH/s, power whole W.
 *
 * How the service fills it (it only reads; every rule is the engine's):
 * - contracts in force at any moment of the month; `inForce` = [startsAt, endsAt) (endsAt is already the
 *   termination instant); `energyRateMicroPerKwh` only when the rate was typed on the contract
 *   (energyRateSource 'contract'): a pre-filled one lets the client's pricing history decide;
 * - each miner's contract_equipment rows, its client assignment history (`withClient`), its outlet
 *   assignment history with the outlet's counter, its offline periods and nominal power; for O&M, the
 *   miners on its sites while each site was under it (as `underContract`);
 * - each counter's energy_hourly rows of the period (or runs of complete hours summed in SQL, with every
 *   hour a boundary cuts kept as its own row), its 'gap' events and, for cut hours, raw readings.
 */
/** One row of a client's price history (clients.pricing): in force from local 00:00 of `validFrom`; null = the organisation's. */
export type ClientPricingRow = { validFrom: string; energyRateMicroPerKwh: number | null; hostingFeeMinorPerMinerMonth: number | null };

export type PricingInput = {
  /** The organisation's rate per kWh (settings). */
  organisationRateMicroPerKwh: number;
  /** The client's rows, any order. */
  client: readonly ClientPricingRow[];
};

/** One energy counter (a PDU outlet's, or a device's total) as the power domain stores it. */
export type CounterInput = {
  id: number;
  /** How an invoice names it: "PDU A-3 outlet 7". */
  label: string;
  /**
   * energy_hourly rows of the period, sorted, not overlapping. Runs of complete hours may be summed into
   * one span (a GROUP BY), but an hour a billing boundary cuts (contract, equipment, client or outlet
   * change, price change) stays its own row: a cut span is pro-rated evenly over its whole length.
   */
  spans: readonly EnergySpan[];
  /** energy_counter_events of kind 'gap' that end inside the spans. */
  gapCredits: readonly GapCredit[];
  /** Raw energy_readings of [start − maxGapS, end + maxGapS] of each hour a boundary cuts (see billing.meter.ts); may be empty. */
  readings: readonly MeterReading[];
  /** The counter's rules as the power domain applies them: wrap point, gap threshold (s), power bound (W). */
  maxWh: number | null;
  maxGapS: number;
  maxPowerW: number;
};

export type MinerInput = {
  id: number;
  /** Asset id or name, for explanations. */
  label: string;
  /** The miner's contract_equipment periods on this contract (for O&M: while on one of its sites). */
  underContract: readonly OpenInterval[];
  /** When given, the periods the miner belonged to this client (assignment history): a reassignment ends billing. */
  withClient?: readonly OpenInterval[];
  /** Nameplate power, W: calculated billing and the metered fallback. */
  nominalPowerW: number;
  /** Known offline periods (telemetry): calculated billing counts them at 0 W. */
  offline: readonly OpenInterval[];
  /** hash: the average hashrate over the billed time (offline counted as 0), GH/s, and efficiency in mJ per TH. */
  averageHashrateGhs: number | null;
  efficiencyMilliJoulePerTh: number | null;
  /** metered: which outlet counter the miner was plugged into, over time (outlet_assignments). */
  outlets: readonly (OpenInterval & { counterId: number })[];
};

export type ContractInput = {
  id: number;
  /** HD-2026-0042 */
  reference: string;
  type: ContractType;
  /** Hosted and Lease: how energy is billed; 'fixed' bills only the fees. */
  method: BillingMethod | null;
  /** [startsAt, endsAt) with endsAt already the termination instant when terminated early. */
  inForce: OpenInterval;
  /** The rate typed on the contract itself; null lets the client's pricing, then the organisation's, decide. */
  energyRateMicroPerKwh: number | null;
  /** Per contract per month (Hosted/Lease 'fixed'; O&M's monthly fee). */
  fixedMonthlyFeeMinor: number | null;
  /** Per miner per month; null lets the client's pricing decide (none if it has none). */
  hostingFeeMinorPerMinerMonth: number | null;
  /** Infinity */
  priceMicroPerThsDay: number | null;
  contractedGhs: number | null;
  /** Devices measuring the contract's equipment as a whole: their total counters; empty = per miner, by outlet. */
  meteringCounterIds: readonly number[];
  miners: readonly MinerInput[];
};

export type TaxRateInput = { name: string; percent: string };

export type BillingInput = {
  /** YYYY-MM and the site's zone. */
  month: string;
  timeZone: string;
  currency: string;
  client: { taxExempt: boolean; taxId: string };
  taxRates: readonly TaxRateInput[];
  pricing: PricingInput;
  contracts: readonly ContractInput[];
  counters: readonly CounterInput[];
};

/** What a line bills: the method written on it (Infinity and O&M carry their own). */
export type LineMethod = BillingMethod | 'infinity' | 'om';
export type LineUnit = 'kWh' | 'month' | 'TH/s-day';

export type BillLine = {
  contractId: number;
  /** Null for a line of the contract as a whole (its monthly fee, its meters, Infinity). */
  minerId: number | null;
  method: LineMethod;
  /** Decimal text in `unit`: kWh with 3 decimals (whole Wh), months with 6, TH/s-days with 4. */
  quantity: string;
  unit: LineUnit;
  /** Decimal text per unit: per kWh, per month, per TH/s-day. */
  rate: string;
  amountMinor: number;
  /** Seconds billed, energy in Wh (null when no energy is billed), and the seconds that fell back to calculated. */
  billedSeconds: number;
  energyWh: number | null;
  fallbackSeconds: number;
  /** The engine's explanation: what was measured, interpolated or assumed, in plain words. */
  explanation: string;
};

export type BillTax = { name: string; percent: string; amountMinor: number };

export type Bill = {
  currency: string;
  month: string;
  timeZone: string;
  periodHours: string;
  lines: BillLine[];
  subtotalMinor: number;
  taxes: BillTax[];
  totalMinor: number;
  /** Set when the client is tax-exempt: the invoice shows the exemption and this tax id. */
  taxExemption: { taxId: string } | null;
};
