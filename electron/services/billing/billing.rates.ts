import { localDayStartS, type BillingPeriod, type Interval } from './billing.period';
import type { ClientPricingRow, PricingInput } from './billing.types';

/**
 * Which price is in force. The contract's own figure overrides everything; else the client's pricing
 * row with the latest `validFrom` on or before the day (its null means "the organisation's"); else the
 * organisation's. A pricing row takes effect at local 00:00 of its `validFrom` in the site's zone, so
 * a change inside the month splits the month there and each part is billed at its own price.
 */
export type PriceSource = 'contract' | 'client' | 'organisation';
export type InForce<T> = { value: T; source: PriceSource; validFrom: string | null };
export type PricedPart<T> = Interval & InForce<T>;

/** The client's row in force on `date` (YYYY-MM-DD), if any. */
function clientRowOn(rows: readonly ClientPricingRow[], date: string): ClientPricingRow | null {
  let found: ClientPricingRow | null = null;
  for (const row of rows) if (row.validFrom <= date && (!found || row.validFrom > found.validFrom)) found = row;
  return found;
}

/** The rate per kWh in force on `date`, and where it comes from. */
export function energyRateInForce(pricing: PricingInput, contractRate: number | null, date: string): InForce<number> {
  if (contractRate !== null) return { value: contractRate, source: 'contract', validFrom: null };
  const row = clientRowOn(pricing.client, date);
  if (row && row.energyRateMicroPerKwh !== null) return { value: row.energyRateMicroPerKwh, source: 'client', validFrom: row.validFrom };
  return { value: pricing.organisationRateMicroPerKwh, source: 'organisation', validFrom: null };
}

/** The hosting fee per miner per month in force on `date`: the contract's, else the client's, else none (null value). */
export function hostingFeeInForce(pricing: PricingInput, contractFee: number | null, date: string): InForce<number | null> {
  if (contractFee !== null) return { value: contractFee, source: 'contract', validFrom: null };
  const row = clientRowOn(pricing.client, date);
  if (row && row.hostingFeeMinorPerMinerMonth !== null) return { value: row.hostingFeeMinorPerMinerMonth, source: 'client', validFrom: row.validFrom };
  return { value: null, source: 'organisation', validFrom: null };
}

/** The period cut where the price in force changes: one part per price (usually one for the whole month). */
export function pricedParts<T>(period: BillingPeriod, pricing: PricingInput, inForceOn: (date: string) => InForce<T>): PricedPart<T>[] {
  // The period starts at local 00:00 on the 1st, so its first day in the site's zone is the month's 1st.
  const firstDay = `${period.month}-01`;
  const changes = pricing.client
    .map((row) => row.validFrom)
    .filter((date) => date > firstDay)
    .map((date) => ({ date, atS: localDayStartS(date, period.timeZone) }))
    .filter((change) => change.atS < period.toS)
    .sort((a, b) => a.atS - b.atS);
  const parts: PricedPart<T>[] = [{ fromS: period.fromS, toS: period.toS, ...inForceOn(firstDay) }];
  for (const change of changes) {
    const price = inForceOn(change.date);
    const last = parts[parts.length - 1];
    if (price.value === last.value && price.source === last.source) continue;
    last.toS = change.atS;
    parts.push({ fromS: change.atS, toS: period.toS, ...price });
  }
  return parts;
}
