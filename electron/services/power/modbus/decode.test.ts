import { describe, expect, it } from 'vitest';
import { decodeRegisters } from './decode';

/** Registers of `bytes` (big-endian words, high word first). */
const words = (bytes: Buffer) => Array.from({ length: bytes.length / 2 }, (_, i) => bytes.readUInt16BE(i * 2));
const buffer = (write: (b: Buffer) => void, size: number) => {
  const b = Buffer.alloc(size);
  write(b);
  return b;
};

describe('decodeRegisters', () => {
  it('reads 16-bit values signed and unsigned', () => {
    expect(decodeRegisters([0xffff], 'uint16', 'big')).toBe('65535');
    expect(decodeRegisters([0xffff], 'int16', 'big')).toBe('-1');
    expect(decodeRegisters([0x8000], 'int16', 'little')).toBe('-32768');
  });

  it('reads 32-bit values in both word orders', () => {
    expect(decodeRegisters([0x0001, 0x0002], 'uint32', 'big')).toBe('65538');
    expect(decodeRegisters([0x0002, 0x0001], 'uint32', 'little')).toBe('65538');
    expect(decodeRegisters([0xffff, 0xfffe], 'int32', 'big')).toBe('-2');
    expect(decodeRegisters([0xfffe, 0xffff], 'int32', 'little')).toBe('-2');
    expect(decodeRegisters([0xffff, 0xffff], 'uint32', 'big')).toBe('4294967295');
  });

  it('reads float32 as its shortest decimal text', () => {
    const high = words(buffer((b) => b.writeFloatBE(230.7, 0), 4));
    expect(decodeRegisters(high, 'float32', 'big')).toBe('230.7');
    expect(decodeRegisters([...high].reverse(), 'float32', 'little')).toBe('230.7');
    expect(decodeRegisters([0x7fc0, 0x0000], 'float32', 'big')).toBeNull();
  });

  it('reads 64-bit integers exactly, beyond 2^53', () => {
    const big = words(buffer((b) => b.writeBigUInt64BE(18_446_744_073_709_551_615n, 0), 8));
    expect(decodeRegisters(big, 'uint64', 'big')).toBe('18446744073709551615');
    const wh = words(buffer((b) => b.writeBigInt64BE(9_007_199_254_740_993n, 0), 8));
    expect(decodeRegisters(wh, 'int64', 'big')).toBe('9007199254740993');
    expect(decodeRegisters([...wh].reverse(), 'int64', 'little')).toBe('9007199254740993');
    const negative = words(buffer((b) => b.writeBigInt64BE(-5n, 0), 8));
    expect(decodeRegisters(negative, 'int64', 'big')).toBe('-5');
  });

  it('reads float64 in both word orders', () => {
    const value = words(buffer((b) => b.writeDoubleBE(123456.789, 0), 8));
    expect(decodeRegisters(value, 'float64', 'big')).toBe('123456.789');
    expect(decodeRegisters([...value].reverse(), 'float64', 'little')).toBe('123456.789');
  });

  it('refuses the wrong number of registers', () => {
    expect(() => decodeRegisters([1], 'uint32', 'big')).toThrow(/needs 2 registers/);
  });
});
