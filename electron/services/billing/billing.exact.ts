import { formatDecimal } from '../../contract/money';

/**
 * Exact rationals for the billing engine: every quantity (seconds under contract, energy pro-rated over
 * part of an hour, days of a month) stays an exact fraction of BigInts until it becomes a line's figure.
 * THE rounding rule of billing, applied once where an exact value becomes an integer: half-up
 * (x.5 goes to x+1). Amounts, energies and taxes are never negative here, so half-up and half away
 * from zero (money.ts) agree.
 */
export type Ratio = { n: bigint; d: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
};

const reduced = (n: bigint, d: bigint): Ratio => {
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
};

/** n / d exactly (d > 0). */
export const ratio = (n: bigint | number, d: bigint | number = 1n): Ratio => reduced(BigInt(n), BigInt(d));

export const ZERO: Ratio = { n: 0n, d: 1n };

export const add = (a: Ratio, b: Ratio): Ratio => (a.d === b.d ? reduced(a.n + b.n, a.d) : reduced(a.n * b.d + b.n * a.d, a.d * b.d));

export const mul = (a: Ratio, b: Ratio): Ratio => reduced(a.n * b.n, a.d * b.d);

/** a × factor ÷ divisor, for integer factors (seconds, watts, rates). */
export const scale = (a: Ratio, factor: bigint | number, divisor: bigint | number = 1n): Ratio => reduced(a.n * BigInt(factor), a.d * BigInt(divisor));

export const isZero = (a: Ratio): boolean => a.n === 0n;

/** floor(n / d) for d > 0, also for negative n. */
const floorDiv = (n: bigint, d: bigint): bigint => (n >= 0n ? n / d : -((-n + d - 1n) / d));

/** The billing rounding: the nearest integer, halves up. */
export const roundHalfUp = (a: Ratio): bigint => floorDiv(2n * a.n + a.d, 2n * a.d);

/** The same, as a safe JS integer (amounts in minor units, energy in Wh). */
export function roundHalfUpNumber(a: Ratio): number {
  const rounded = roundHalfUp(a);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER) || rounded < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError('A billing figure is too large to be exact.');
  return Number(rounded);
}

/** Decimal text of `a` rounded half-up to `decimals` places, trailing zeros kept to `minDecimals`: (7/3, 4) → "2.3333". */
export function ratioText(a: Ratio, decimals: number, minDecimals = 0): string {
  return formatDecimal(roundHalfUpNumber(scale(a, 10n ** BigInt(decimals))), decimals, minDecimals);
}
