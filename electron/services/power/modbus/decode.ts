import type { RegisterType } from '../../../contract/power.profiles';
import { floatToDecimalText } from '../scale';

/** How many 16-bit registers a value of each type spans. */
export const registerWords: Record<RegisterType, number> = {
  uint16: 1,
  int16: 1,
  uint32: 2,
  int32: 2,
  float32: 2,
  uint64: 4,
  int64: 4,
  float64: 4,
};

/**
 * Turns the registers of one value into exact decimal text. Registers are 16-bit words as read; each
 * word is big-endian on the wire (Modbus), and `wordOrder` says whether the high word comes first
 * ("big") or last ("little", as many meters store 32-bit values). Null for NaN or infinity.
 */
export function decodeRegisters(words: readonly number[], type: RegisterType, wordOrder: 'big' | 'little'): string | null {
  const count = registerWords[type];
  if (words.length !== count) throw new Error(`A ${type} value needs ${count} registers, got ${words.length}.`);
  const ordered = wordOrder === 'little' ? [...words].reverse() : [...words];
  const bytes = Buffer.alloc(count * 2);
  ordered.forEach((word, i) => bytes.writeUInt16BE(word & 0xffff, i * 2));
  switch (type) {
    case 'uint16':
      return String(bytes.readUInt16BE(0));
    case 'int16':
      return String(bytes.readInt16BE(0));
    case 'uint32':
      return String(bytes.readUInt32BE(0));
    case 'int32':
      return String(bytes.readInt32BE(0));
    case 'uint64':
      return bytes.readBigUInt64BE(0).toString();
    case 'int64':
      return bytes.readBigInt64BE(0).toString();
    case 'float32':
      return floatToDecimalText(bytes.readFloatBE(0), 32);
    case 'float64':
      return floatToDecimalText(bytes.readDoubleBE(0), 64);
  }
}
