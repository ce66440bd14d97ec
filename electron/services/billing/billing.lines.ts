import { formatDecimal } from '../../contract/money';
import { ratio, ratioText, type Ratio } from './billing.exact';
import { feeShareMinor, hoursText } from './billing.math';
import type { PreparedCounter } from './billing.meter';
import { intersect, normalise, type BillingPeriod, type Interval } from './billing.period';
import type { InForce, PriceSource } from './billing.rates';
import type { BillLine, ContractInput, MinerInput, PricingInput } from './billing.types';

/** What every line builder reads: the period, the currency's decimals, the prepared counters, the pricing. */
export type LineContext = {
  period: BillingPeriod;
  decimals: number;
  counters: { get(id: number): PreparedCounter | undefined };
  pricing: PricingInput;
};

/**
 * The time a miner is billed on a contract inside `bound`: the contract in force ∩ the miner under the
 * contract (assignment and release) ∩ the miner with the client (a reassignment ends it).
 */
export function minerBilledTime(contract: ContractInput, miner: MinerInput, bound: Interval): Interval[] {
  const billed = intersect(normalise([contract.inForce], bound), normalise(miner.underContract, bound));
  return miner.withClient ? intersect(billed, normalise(miner.withClient, bound)) : billed;
}

/** The contract's own time in force inside `bound`. */
export const contractBilledTime = (contract: ContractInput, bound: Interval): Interval[] => normalise([contract.inForce], bound);

/** The share of the period `seconds` are: what a monthly fee is multiplied by. */
export const monthShare = (period: BillingPeriod, seconds: number): Ratio => ratio(seconds, period.seconds);

/** "348 h of 744 h" */
export const hoursOfPeriod = (period: BillingPeriod, seconds: number | Ratio): string => `${hoursText(seconds)} of ${hoursText(period.seconds)}`;

const sourceWords: Record<PriceSource, string> = { contract: 'set on the contract', client: 'the client’s pricing', organisation: 'the organisation’s rate' };

/** "the client’s pricing from 2026-03-15" */
export const priceSourceText = (price: InForce<unknown>): string => `${sourceWords[price.source]}${price.validFrom ? ` from ${price.validFrom}` : ''}`;

/** A line of a monthly fee pro-rated by the seconds billed (fixed and O&M). */
export function monthlyFeeLine(
  ctx: LineContext,
  fields: Pick<BillLine, 'contractId' | 'minerId' | 'method'>,
  feeMinor: number,
  billedSeconds: number,
  explanation: string,
): BillLine {
  const share = monthShare(ctx.period, billedSeconds);
  return {
    ...fields,
    quantity: ratioText(share, 6),
    unit: 'month',
    rate: formatDecimal(feeMinor, ctx.decimals, ctx.decimals),
    amountMinor: feeShareMinor(feeMinor, share),
    billedSeconds,
    energyWh: null,
    fallbackSeconds: 0,
    explanation: `${explanation}: ${hoursOfPeriod(ctx.period, billedSeconds)} × the monthly fee.`,
  };
}
