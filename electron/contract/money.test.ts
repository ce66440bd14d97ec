import { describe, expect, it } from 'vitest';
import { currencyDecimals, formatDecimal, formatMoney, formatRateMicro, parseDecimal } from './money';

describe('parseDecimal', () => {
  it('reads a rate with more decimals than cents, exactly', () => {
    expect(parseDecimal('0.0685', 6)).toBe(68_500);
    expect(parseDecimal('0.1', 6)).toBe(100_000);
    expect(parseDecimal('12', 2)).toBe(1200);
    expect(parseDecimal(' 0,07 ', 2)).toBe(7);
    expect(parseDecimal('-1.5', 2)).toBe(-150);
  });
  it('refuses text that is not a number, or has more decimals than the scale', () => {
    expect(parseDecimal('abc', 2)).toBeNull();
    expect(parseDecimal('1.234', 2)).toBeNull();
    expect(parseDecimal('1e3', 2)).toBeNull();
    expect(parseDecimal('', 2)).toBeNull();
    expect(parseDecimal('99999999999999999999', 2)).toBeNull();
  });
});

describe('formatDecimal and formatMoney', () => {
  it('writes integers back as decimal text without float drift', () => {
    expect(formatDecimal(68_500, 6)).toBe('0.0685');
    expect(formatRateMicro(0)).toBe('0.00');
    expect(formatRateMicro(100_000)).toBe('0.10');
    expect(formatDecimal(-5, 2)).toBe('-0.05');
  });
  it('formats minor units with the currency’s own decimals', () => {
    expect(currencyDecimals('USD')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
    expect(formatMoney(123_456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(1_234, 'JPY')).toBe('¥1,234');
    expect(formatMoney(900_719_925_474_099, 'USD')).toBe('$9,007,199,254,740.99');
  });
});
