import { formatDecimal, parseDecimal } from '../../contract/money';
import { ratio, ratioText, roundHalfUpNumber, scale, type Ratio } from './billing.exact';

/**
 * Money of the billing engine: pure, no Db, no clock. Amounts are integers of minor units of the
 * invoice currency (`decimals` of them: 2 for USD, 0 for JPY, 3 for KWD), rates integers of micro-units
 * (10⁻⁶ of the currency). Each line's amount is computed exactly and rounded half-up to the minor unit
 * once; a tax is computed on the sum of the (already rounded) lines it applies to, rounded half-up once.
 */

const pow10 = (n: number) => 10n ** BigInt(n);

/** Energy charge in minor units: Wh × (currency·10⁻⁶ per kWh) × 10^decimals ÷ 10⁹, half-up. BigInt: no overflow, no float drift. */
export function energyChargeMinor(energyWh: number, rateMicroPerKwh: number, decimals = 2): number {
  return roundHalfUpNumber(ratio(BigInt(energyWh) * BigInt(rateMicroPerKwh) * pow10(decimals), 1_000_000_000n));
}

/** A monthly fee (minor units) times an exact share of the month, half-up. */
export function feeShareMinor(feeMinor: number, share: Ratio): number {
  return roundHalfUpNumber(scale(share, feeMinor));
}

/** TH/s-days (exact) at a price in micro-units per TH/s-day, in minor units, half-up. */
export function thsDaysChargeMinor(thsDays: Ratio, priceMicroPerThsDay: number, decimals: number): number {
  return roundHalfUpNumber(scale(thsDays, BigInt(priceMicroPerThsDay) * pow10(decimals), 1_000_000n));
}

/** Tax percentages are read at up to four decimals ("8.875"). */
const PERCENT_SCALE = 4;

/** A percentage as an exact share ("8.875" → 8875/100000) and as plain text; null unless from 0 to 100 with at most four decimals. */
export function parsePercent(percent: string): { share: Ratio; text: string } | null {
  const value = parseDecimal(percent, PERCENT_SCALE);
  if (value === null || value < 0 || value > 100 * 10 ** PERCENT_SCALE) return null;
  return { share: ratio(value, 100 * 10 ** PERCENT_SCALE), text: formatDecimal(value, PERCENT_SCALE) };
}

/** Tax on a sum of lines: sum × percent ÷ 100, half-up to the minor unit. */
export function taxMinor(baseMinor: number, percent: Ratio): number {
  return roundHalfUpNumber(scale(percent, baseMinor));
}

/** Whole Wh as kWh text with its three decimals: 1234567 → "1234.567". */
export const kwhText = (energyWh: number): string => formatDecimal(energyWh, 3, 3);

/** Exact seconds as hours for an explanation: up to four decimals, "348 h", "12.5 h". */
export const hoursText = (seconds: Ratio | number): string => `${ratioText(typeof seconds === 'number' ? ratio(seconds, 3600) : scale(seconds, 1, 3600), 4)} h`;
