// An energy counter as power devices keep it: an unsigned 32-bit register that grows with the
// load, can be reset by an operator, and wraps to zero after 2^32 units.

export const uint32Wrap = 2 ** 32;

export type EnergyCounter = {
  /** The register now, in the device's unit (tenths of kWh, Wh…), 0 ≤ value < 2^32. */
  read(nowMs?: number): number;
  reset(nowMs?: number): void;
  /** Sets the register just below 2^32 so it wraps after about `secondsBeforeWrap` seconds of load. */
  rollOver(secondsBeforeWrap?: number, nowMs?: number): void;
  /** Units added per second at the current load. */
  unitsPerSecond(): number;
};

/**
 * `unitsPerSecond` is the growth at the device's load; `speed` makes simulated time run faster
 * (3600 = one hour of energy per second) so tests can watch a counter move.
 */
export function energyCounter(initial: number, unitsPerSecond: number, speed = 1, startMs = Date.now()): EnergyCounter {
  let base = initial % uint32Wrap;
  let baseAtMs = startMs;
  const rate = unitsPerSecond * speed;
  const read = (nowMs = Date.now()) => (base + Math.floor((rate * Math.max(0, nowMs - baseAtMs)) / 1000)) % uint32Wrap;
  return {
    read,
    reset(nowMs = Date.now()) {
      base = 0;
      baseAtMs = nowMs;
    },
    rollOver(secondsBeforeWrap = 5, nowMs = Date.now()) {
      base = uint32Wrap - Math.max(1, Math.ceil(rate * secondsBeforeWrap));
      baseAtMs = nowMs;
    },
    unitsPerSecond: () => rate,
  };
}
