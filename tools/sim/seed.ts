// Deterministic per-miner randomness: every value is a pure function of (seed, miner index, label),
// so a miner's identity can be derived on demand and the same seed always gives the same fleet.

function mix32(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Deterministic draws for one miner; each label names an independent value. */
export class Dice {
  constructor(private readonly base: number) {}

  /** A uint32 for this label. */
  int(label: string): number {
    return mix32(this.base ^ hashLabel(label));
  }

  /** A number in [0, 1). */
  unit(label: string): number {
    return this.int(label) / 2 ** 32;
  }

  /** A number in [min, max). */
  between(label: string, min: number, max: number): number {
    return min + this.unit(label) * (max - min);
  }

  pick<T>(label: string, items: readonly T[]): T {
    return items[this.int(label) % items.length];
  }

  /** `length` characters drawn from `alphabet`. */
  text(label: string, alphabet: string, length: number): string {
    let out = '';
    let state = this.int(label);
    for (let i = 0; i < length; i++) {
      state = mix32(state + 0x9e3779b9);
      out += alphabet[state % alphabet.length];
    }
    return out;
  }
}

export function diceFor(seed: number, index: number): Dice {
  return new Dice(mix32(mix32(seed >>> 0) ^ mix32(index + 0x9e3779b9)));
}
