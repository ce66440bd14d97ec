import type { EnergySpan, MeterReading } from './billing.meter';
import type { BillingInput, ContractInput, CounterInput, MinerInput } from './billing.types';

/** Builders for the engine's worked-case tests: plain inputs with every field spelled out, overridable. */

export const at = (iso: string): number => Date.parse(iso) / 1000;

export const HOUR = 3600;

export function miner(overrides: Partial<MinerInput> = {}): MinerInput {
  return {
    id: 1,
    label: 'M-0001',
    underContract: [{ fromS: 0, toS: null }],
    nominalPowerW: 3250,
    offline: [],
    averageHashrateGhs: null,
    efficiencyMilliJoulePerTh: null,
    outlets: [],
    ...overrides,
  };
}

export function contract(overrides: Partial<ContractInput> = {}): ContractInput {
  return {
    id: 10,
    reference: 'HD-2026-0001',
    type: 'hosted',
    method: 'calculated',
    inForce: { fromS: 0, toS: null },
    energyRateMicroPerKwh: null,
    fixedMonthlyFeeMinor: null,
    hostingFeeMinorPerMinerMonth: null,
    priceMicroPerThsDay: null,
    contractedGhs: null,
    meteringCounterIds: [],
    miners: [miner()],
    ...overrides,
  };
}

export function billingInput(overrides: Partial<BillingInput> = {}): BillingInput {
  return {
    month: '2026-04',
    timeZone: 'UTC',
    currency: 'USD',
    client: { taxExempt: false, taxId: '' },
    taxRates: [],
    pricing: { organisationRateMicroPerKwh: 68_500, client: [] },
    contracts: [contract()],
    counters: [],
    ...overrides,
  };
}

/** `hours` complete hour rows of `energyWh` each from `fromIso`, with the rows in `except` replaced (null: no row). */
export function hourlySpans(fromIso: string, hours: number, energyWh: number, except: Record<number, Partial<EnergySpan> | null> = {}): EnergySpan[] {
  const spans: EnergySpan[] = [];
  for (let h = 0; h < hours; h += 1) {
    const fromS = at(fromIso) + h * HOUR;
    if (except[h] === null) continue;
    spans.push({ fromS, toS: fromS + HOUR, energyWh, coveredS: HOUR, ...except[h] });
  }
  return spans;
}

export function counter(overrides: Partial<CounterInput> = {}): CounterInput {
  return { id: 100, label: 'PDU A outlet 1', spans: [], gapCredits: [], readings: [], maxWh: null, maxGapS: 900, maxPowerW: 50_000, ...overrides };
}

/** Readings every five minutes from `fromIso`, starting at `startWh` and growing `stepWh` each, `count` of them. */
export function readingsEvery5Min(fromIso: string, count: number, startWh: number, stepWh: number): MeterReading[] {
  return Array.from({ length: count }, (_, k) => ({ atS: at(fromIso) + k * 300, wh: startWh + k * stepWh }));
}
