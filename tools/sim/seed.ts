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

export type Dice = {
  /** A uint32 for this label. */
  int(label: string): number;
  /** A number in [0, 1). */
  unit(label: string): number;
  /** A number in [min, max). */
  between(label: string, min: number, max: number): number;
  pick<T>(label: string, items: readonly T[]): T;
  /** `length` characters drawn from `alphabet`. */
  text(label: string, alphabet: string, length: number): string;
};

export function diceFor(seed: number, index: number): Dice {
  const base = mix32(mix32(seed >>> 0) ^ mix32(index + 0x9e3779b9));
  const int = (label: string) => mix32(base ^ hashLabel(label));
  const unit = (label: string) => int(label) / 2 ** 32;
  return {
    int,
    unit,
    between: (label, min, max) => min + unit(label) * (max - min),
    pick: (label, items) => items[int(label) % items.length],
    text: (label, alphabet, length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[int(`${label}#${i}`) % alphabet.length];
      return out;
    },
  };
}
