import { currencyDecimals, formatDecimal, formatRateMicro, parseDecimal } from '../../contract/money';

/**
 * Decimal text of the contract form to stored integers and back. Money is held to the currency's own
 * decimals (minor units), rates to six (micro-units), TH/s and kW to three (GH/s and W).
 */

/** A rate per kWh above this (100 per kWh) is a typing mistake. */
export const maxRateMicroPerKwh = 100_000_000;

/** Minor units of `currency`, or null when the text has more decimals than the currency has. */
export const moneyToMinor = (text: string, currency: string): number | null => parseDecimal(text, currencyDecimals(currency));

export const minorToMoney = (minor: number | null, currency: string): string | null => {
  if (minor === null) return null;
  const decimals = currencyDecimals(currency);
  return formatDecimal(minor, decimals, decimals);
};

export const rateToMicro = (text: string): number | null => parseDecimal(text, 6);
export const microToRate = (micro: number | null): string | null => (micro === null ? null : formatRateMicro(micro));

/** Thousandths: TH/s as GH/s, kW as W. */
export const toThousandths = (text: string): number | null => parseDecimal(text, 3);
export const fromThousandths = (value: number | null): string | null => (value === null ? null : formatDecimal(value, 3));
