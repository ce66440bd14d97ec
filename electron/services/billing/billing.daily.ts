import { DateTime } from 'luxon';
import { currencyDecimals } from '../../contract/money';
import { energyLines } from './billing.energy';
import { billsEnergy, preparedOnUse } from './billing.engine';
import type { LineContext } from './billing.lines';
import { billingPeriod, localDays } from './billing.period';
import type { BillingInput, BillLine } from './billing.types';

/**
 * The month's energy day by day (local days of the site's zone), by the engine's own energy rules: each day
 * is billed as a period of its own, from the same counters, equipment and offline history as the month. Only
 * energy is read here, so every day is priced at one rate (a price change splits a month's lines, not its Wh).
 * A day's Wh is rounded half-up like a line's, so the days of a miner may differ from its month by a few Wh.
 */
export function dailyEnergyLines(input: BillingInput): { date: string; lines: BillLine[] }[] {
  const month = billingPeriod(input.month, input.timeZone);
  const counters = preparedOnUse(input.counters);
  const pricing = { organisationRateMicroPerKwh: input.pricing.organisationRateMicroPerKwh, client: [] };
  const energyContracts = input.contracts.filter(billsEnergy);
  return localDays(month).map((day) => {
    const ctx: LineContext = { period: { ...month, ...day, seconds: day.toS - day.fromS }, decimals: currencyDecimals(input.currency), counters, pricing };
    const date = DateTime.fromSeconds(day.fromS, { zone: input.timeZone }).toISODate()!;
    return { date, lines: energyContracts.flatMap((contract) => energyLines(ctx, contract)) };
  });
}
