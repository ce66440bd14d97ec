/**
 * Exact decimal handling for money and rates. Amounts are integers in minor units (cents),
 * rates are integers in micro-units (10⁻⁶ of the currency) per unit. Text is converted with
 * string arithmetic only, never through a float. Rounding rule: half away from zero, applied
 * once, where a value is converted to fewer decimals.
 */

const decimalPattern = /^([+-])?(\d+)(?:\.(\d*))?$/;

/** Parses "0.0685" at `scale` decimals into an integer (68_500 at scale 6); null when it is not a number or has more decimals. */
export function parseDecimal(text: string, scale: number): number | null {
  const match = decimalPattern.exec(text.trim().replace(/,/g, '.'));
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > scale) return null;
  const digits = `${whole}${fraction.padEnd(scale, '0')}`.replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}

/** Writes an integer at `scale` decimals back as text: (68_500, 6) → "0.0685"; keeps at least `minDecimals`. */
export function formatDecimal(value: number, scale: number, minDecimals = 0): string {
  const negative = value < 0;
  const digits = Math.abs(value)
    .toString()
    .padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  if (fraction.length < minDecimals) fraction = fraction.padEnd(minDecimals, '0');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

// Building an Intl.NumberFormat costs far more than using one, and invoices and PDFs format every line's money.
const decimalsByCurrency = new Map<string, number>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Number of minor-unit decimals of an ISO 4217 currency (USD 2, JPY 0, KWD 3). */
export function currencyDecimals(currency: string): number {
  let decimals = decimalsByCurrency.get(currency);
  if (decimals === undefined) {
    decimals = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    decimalsByCurrency.set(currency, decimals);
  }
  return decimals;
}

/** The only place a money integer becomes display text: (123456, 'USD') → "$1,234.56". */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
  const decimals = currencyDecimals(currency);
  const key = `${locale} ${currency}`;
  let formatter = moneyFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    moneyFormats.set(key, formatter);
  }
  // Format from the exact decimal string so large amounts never pass through float division.
  return formatter.format(formatDecimal(minor, decimals) as unknown as number);
}

/** A rate in micro-units per kWh shown as money with up to six decimals: 68_500 → "0.0685". */
export function formatRateMicro(rateMicro: number): string {
  return formatDecimal(rateMicro, 6, 2);
}
