import { describe, expect, it } from 'vitest';
import { counterMaxWh, counterReading, floatToDecimalText, scaleToText, scaleToWhole } from './scale';

describe('scaleToWhole (raw × scale, rounded half away from zero)', () => {
  it('multiplies exactly where a float would drift', () => {
    // 0.1 × 3 is 0.30000000000000004 in floats; 1234567.1 × 100 is 123456709.99999999 in floats.
    expect(scaleToWhole('3', '0.1')).toBe(0);
    expect(scaleToWhole('1234567.1', '100')).toBe(123_456_710);
    expect(scaleToWhole('2301', '0.1')).toBe(230);
  });

  it('rounds halves away from zero, once', () => {
    expect(scaleToWhole('25', '0.1')).toBe(3);
    expect(scaleToWhole('-25', '0.1')).toBe(-3);
    expect(scaleToWhole('24', '0.1')).toBe(2);
    expect(scaleToWhole('0.5', '1')).toBe(1);
    expect(scaleToWhole('0.4999999', '1')).toBe(0);
  });

  it('scales tenths of kWh to Wh and 64-bit counters beyond 2^53 to null', () => {
    expect(scaleToWhole('4294967295', '100')).toBe(429_496_729_500);
    expect(scaleToWhole('18446744073709551615', '1')).toBeNull();
  });

  it('refuses text that is not a decimal number', () => {
    expect(scaleToWhole('12abc', '1')).toBeNull();
    expect(scaleToWhole('1e5', '1')).toBeNull();
    expect(scaleToWhole('', '1')).toBeNull();
  });
});

describe('scaleToText', () => {
  it('keeps every decimal and drops trailing zeros', () => {
    expect(scaleToText('2301', '0.1')).toBe('230.1');
    expect(scaleToText('50', '0.01')).toBe('0.5');
    expect(scaleToText('-7', '0.001')).toBe('-0.007');
    expect(scaleToText('0', '0.1')).toBe('0');
  });
});

describe('counterMaxWh', () => {
  it('is 2^bits × scale, null without bits or beyond 2^53', () => {
    expect(counterMaxWh(32, '1')).toBe(4_294_967_296);
    expect(counterMaxWh(32, '100')).toBe(429_496_729_600);
    expect(counterMaxWh(32, '0.1')).toBe(429_496_730);
    expect(counterMaxWh(64, '1')).toBeNull();
    expect(counterMaxWh(null, '1')).toBeNull();
  });

  it('comes with the raw text in a counter reading', () => {
    expect(counterReading('123456', '100', 32)).toEqual({ raw: '123456', wh: 12_345_600, maxWh: 429_496_729_600 });
  });
});

describe('floatToDecimalText', () => {
  it('gives the shortest text of a float32, not of the double it widens to', () => {
    expect(floatToDecimalText(Math.fround(0.1), 32)).toBe('0.1');
    expect(floatToDecimalText(Math.fround(230.7), 32)).toBe('230.7');
    expect(floatToDecimalText(Math.fround(12345.678), 32)).toBe('12345.678');
    expect(floatToDecimalText(Math.fround(16777217), 32)).toBe('16777216');
  });

  it('writes large and small values without an exponent', () => {
    expect(floatToDecimalText(Math.fround(3.4e38), 32)).toBe('340000000000000000000000000000000000000');
    expect(floatToDecimalText(Math.fround(1.5e-7), 32)).toBe('0.00000015');
    expect(floatToDecimalText(1e21, 64)).toBe('1000000000000000000000');
    expect(floatToDecimalText(0.1 + 0.2, 64)).toBe('0.30000000000000004');
  });

  it('has no text for NaN or infinity, and none of -0', () => {
    expect(floatToDecimalText(Number.NaN, 32)).toBeNull();
    expect(floatToDecimalText(Number.POSITIVE_INFINITY, 64)).toBeNull();
    expect(floatToDecimalText(-0, 32)).toBe('0');
  });
});
