/**
 * Exact scaling of device readings: raw value (decimal text) × profile scale (decimal text) with BigInt
 * arithmetic, never a float multiplication. Rounding rule, applied once where a value becomes whole
 * W or Wh: half away from zero (2.5 → 3, -2.5 → -3).
 */
import { parseDecimal } from '../../contract/money';
import type { CounterReading } from './reader';

/** A decimal number as digits × 10^-exponent, e.g. "12.50" → { digits: 1250n, exponent: 2 }. */
type Exact = { digits: bigint; exponent: number };

const plainDecimal = /^([+-])?(\d+)(?:\.(\d+))?$/;

function parseExact(text: string): Exact | null {
  const match = plainDecimal.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const digits = BigInt(`${whole}${fraction}`);
  return { digits: sign === '-' ? -digits : digits, exponent: fraction.length };
}

/** Scales are validated by the contract (positive, at most six decimals), so micro-units are exact. */
function scaleExact(scale: string): Exact {
  const micro = parseDecimal(scale, 6);
  if (micro === null || micro <= 0) throw new Error(`Scale "${scale}" is not a positive number of at most six decimals.`);
  return { digits: BigInt(micro), exponent: 6 };
}

function roundHalfAwayFromZero(value: Exact): bigint {
  if (value.exponent === 0) return value.digits;
  const divisor = 10n ** BigInt(value.exponent);
  const negative = value.digits < 0n;
  const magnitude = negative ? -value.digits : value.digits;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return negative ? -rounded : rounded;
}

function toSafeNumber(value: bigint): number | null {
  return value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER) ? null : Number(value);
}

function multiply(raw: string, scale: string): Exact | null {
  const value = parseExact(raw);
  if (!value) return null;
  const factor = scaleExact(scale);
  return { digits: value.digits * factor.digits, exponent: value.exponent + factor.exponent };
}

/** raw × scale rounded half away from zero to a whole number; null when raw is not a decimal number or the result is beyond 2^53. */
export function scaleToWhole(raw: string, scale: string): number | null {
  const product = multiply(raw, scale);
  return product ? toSafeNumber(roundHalfAwayFromZero(product)) : null;
}

/** raw × scale as exact decimal text without trailing zeros ("2301" × "0.1" → "230.1"); null when raw is not a number. */
export function scaleToText(raw: string, scale: string): string | null {
  const product = multiply(raw, scale);
  if (!product) return null;
  const negative = product.digits < 0n;
  const digits = (negative ? -product.digits : product.digits).toString().padStart(product.exponent + 1, '0');
  const whole = digits.slice(0, digits.length - product.exponent);
  const fraction = digits.slice(digits.length - product.exponent).replace(/0+$/, '');
  return `${negative && /[1-9]/.test(digits) ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The largest Wh a counter of `bits` can show before it wraps: 2^bits × scale, whole; null when unknown or beyond 2^53. */
export function counterMaxWh(bits: 32 | 64 | null, scale: string): number | null {
  if (bits === null) return null;
  return toSafeNumber(roundHalfAwayFromZero({ digits: (1n << BigInt(bits)) * scaleExact(scale).digits, exponent: 6 }));
}

/** Writes a number in plain decimal notation (no exponent): 1.5e-7 → "0.00000015", 1e21 → "1000000000000000000000". */
function plainText(shortest: string): string {
  const match = /^(-)?(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest;
  const [, sign = '', first, rest = '', exponentText] = match;
  const mantissa = `${first}${rest}`;
  const exponent = Number(exponentText);
  const point = 1 + exponent;
  const text =
    point <= 0
      ? `0.${'0'.repeat(-point)}${mantissa}`
      : point >= mantissa.length
        ? mantissa.padEnd(point, '0')
        : `${mantissa.slice(0, point)}.${mantissa.slice(point)}`;
  return `${sign}${text}`;
}

/**
 * The shortest decimal text that reads back as the same float: a float32 register holding 0.1 is
 * 0.100000001490116… as a double, so the shortest text that rounds to the same float32 ("0.1") is used.
 * Null for NaN and infinities, which are not readings.
 */
export function floatToDecimalText(value: number, bits: 32 | 64): string | null {
  if (!Number.isFinite(value)) return null;
  if (Object.is(value, -0)) return '0';
  if (bits === 64) return plainText(String(value));
  for (let precision = 1; precision <= 9; precision++) {
    const text = value.toPrecision(precision);
    if (Math.fround(Number(text)) === value) return plainText(String(Number(text)));
  }
  return plainText(String(value));
}

/** An energy counter as read: its exact raw text, whole Wh, and the Wh where it wraps; null when the Wh would pass 2^53. */
export function counterReading(raw: string, scale: string, bits: 32 | 64 | null): CounterReading | null {
  const wh = scaleToWhole(raw, scale);
  return wh === null ? null : { raw, wh, maxWh: counterMaxWh(bits, scale) };
}
