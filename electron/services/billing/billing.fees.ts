import { formatDecimal, formatRateMicro } from '../../contract/money';
import { add, ratio, ratioText, scale, ZERO, type Ratio } from './billing.exact';
import { contractBilledTime, minerBilledTime, monthlyFeeLine, priceSourceText, type LineContext } from './billing.lines';
import { thsDaysChargeMinor } from './billing.math';
import { intersect, localDays, totalSeconds, type BillingPeriod } from './billing.period';
import { hostingFeeInForce, pricedParts } from './billing.rates';
import type { BillLine, ContractInput } from './billing.types';

/**
 * Fee lines. A monthly fee is pro-rated by the exact seconds billed ÷ the seconds of the month
 * (a 743-hour March bills a full month for 743 hours), per contract and per miner:
 * - fixed (Hosted, Lease): the contract's monthly fee, and the hosting fee per miner per month (the
 *   contract's, else the client's pricing in force), on whichever billing method;
 * - O&M: the monthly fee, and the fee per miner for each miner on its sites while they were under it;
 * - Infinity: TH/s × days × price per TH/s-day, where DAYS are local calendar days of the site: a whole
 *   day counts 1 whatever its length (23 or 25 hours across DST), and a part of a day counts its
 *   seconds ÷ that day's seconds. A full month is exactly its number of days.
 */

/** The contract's own monthly fee over its time in force. */
function contractFeeLine(ctx: LineContext, contract: ContractInput, method: 'fixed' | 'om'): BillLine[] {
  const fee = contract.fixedMonthlyFeeMinor;
  const billedS = totalSeconds(contractBilledTime(contract, ctx.period));
  if (fee === null || billedS === 0) return [];
  return [monthlyFeeLine(ctx, { contractId: contract.id, minerId: null, method }, fee, billedS, `Monthly fee of ${contract.reference}`)];
}

/** The per-miner monthly fee of each miner, cut where the client's fee in force changes. */
function minerFeeLines(ctx: LineContext, contract: ContractInput, method: 'fixed' | 'om'): BillLine[] {
  const lines: BillLine[] = [];
  const parts = pricedParts(ctx.period, ctx.pricing, (date) => hostingFeeInForce(ctx.pricing, contract.hostingFeeMinorPerMinerMonth, date));
  for (const part of parts) {
    if (part.value === null) continue;
    for (const miner of contract.miners) {
      const billedS = totalSeconds(minerBilledTime(contract, miner, part));
      if (billedS === 0) continue;
      const what = method === 'om' ? `Per-miner fee for ${miner.label} on the contract’s sites` : `Hosting fee for ${miner.label}`;
      lines.push(monthlyFeeLine(ctx, { contractId: contract.id, minerId: miner.id, method }, part.value, billedS, `${what} (${priceSourceText(part)})`));
    }
  }
  return lines;
}

/** Local days of the period under the contract, each whole day 1 and a part its share of that day. */
export function contractDays(period: BillingPeriod, contract: ContractInput): Ratio {
  const billed = contractBilledTime(contract, period);
  let days = ZERO;
  for (const day of localDays(period)) {
    const seconds = totalSeconds(intersect(billed, [day]));
    if (seconds > 0) days = add(days, ratio(seconds, day.toS - day.fromS));
  }
  return days;
}

function infinityLine(ctx: LineContext, contract: ContractInput): BillLine[] {
  const { priceMicroPerThsDay: price, contractedGhs: ghs } = contract;
  if (price === null || ghs === null) return [];
  const billedS = totalSeconds(contractBilledTime(contract, ctx.period));
  if (billedS === 0) return [];
  const days = contractDays(ctx.period, contract);
  const thsDays = scale(days, ghs, 1000);
  return [
    {
      contractId: contract.id,
      minerId: null,
      method: 'infinity',
      quantity: ratioText(thsDays, 4),
      unit: 'TH/s-day',
      rate: formatRateMicro(price),
      amountMinor: thsDaysChargeMinor(thsDays, price, ctx.decimals),
      billedSeconds: billedS,
      energyWh: null,
      fallbackSeconds: 0,
      explanation: `${formatDecimal(ghs, 3)} TH/s × ${ratioText(days, 4)} days (local days in ${ctx.period.timeZone}; a part day counts its share of that day) at ${formatRateMicro(price)} per TH/s-day.`,
    },
  ];
}

/** The fee lines of a contract (its energy lines, if any, come from billing.energy.ts). */
export function feeLines(ctx: LineContext, contract: ContractInput): BillLine[] {
  if (contract.type === 'infinity') return infinityLine(ctx, contract);
  const method = contract.type === 'om' ? 'om' : 'fixed';
  return [...contractFeeLine(ctx, contract, method), ...minerFeeLines(ctx, contract, method)];
}
