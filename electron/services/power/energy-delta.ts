import type { EnergyCounterEventKind } from '../../contract/power.vocab';

/**
 * Energy between two raw readings of one counter: pure, no clock, no database. Whole Wh and whole
 * seconds only. The rules:
 * - growth: current ≥ previous → the difference;
 * - rollover: current < previous, the counter has a wrap point (maxWh) and maxWh − previous + current is
 *   plausible for the time elapsed at the power bound → that amount, event 'rollover';
 * - reset: current < previous otherwise → the current value is the energy since the reset (when plausible
 *   at the power bound, else 0: a replaced meter that starts at some other count is not energy), event 'reset';
 * - gap: more than `maxGapS` between the readings → the measured delta is still counted (the counter kept
 *   counting; nothing is invented) but it is not spread: it all goes to the hour the gap ends in, the gap's
 *   seconds are not "covered", and event 'gap' records what was credited, so a report can see and hold it;
 * - a jump forward beyond the power bound is a reset too (a replaced counter), counted as 0;
 * - anything implausible (more than the power bound allows) is not counted; energy is never negative.
 * A delta that is spread goes to the hours it spans in proportion to the seconds in each, by cumulative
 * rounding down: hour k gets floor(Δ·S_k/T) − floor(Δ·S_{k−1}/T) where S_k is the seconds up to the end of
 * hour k, so the parts are whole Wh, each within 1 Wh of its share, and they add up to Δ exactly.
 */

export type CounterPoint = { wh: number; atS: number };
export type DeltaRules = {
  /** Where the counter wraps (e.g. 2³² × scale), null when it does not. */
  maxWh: number | null;
  /** Longer than this between readings is a gap. */
  maxGapS: number;
  /** The most power the counter can plausibly measure, W: bounds a rollover, a reset's count and any growth. */
  maxPowerW: number;
};
export type HourSlice = { hourS: number; energyWh: number; coveredS: number };
export type DeltaEvent = { kind: EnergyCounterEventKind; countedWh: number };
export type EnergyDelta = { deltaWh: number; slices: HourSlice[]; events: DeltaEvent[] };

const HOUR_S = 3600;

/** At most the energy `maxPowerW` could deliver in `seconds` (Wh, rounded up so an exact bound passes). */
const plausible = (wh: number, seconds: number, maxPowerW: number): boolean => wh * HOUR_S <= maxPowerW * seconds + HOUR_S - 1;

/** Splits `deltaWh` over the hours of [fromS, toS) in proportion to the seconds in each (see the rule above). */
export function spreadOverHours(deltaWh: number, fromS: number, toS: number): HourSlice[] {
  const total = toS - fromS;
  const slices: HourSlice[] = [];
  let given = 0n;
  for (let start = fromS; start < toS;) {
    const hourS = Math.floor(start / HOUR_S) * HOUR_S;
    const end = Math.min(toS, hourS + HOUR_S);
    // BigInt: Wh × seconds may pass 2⁵³ for a large site over a long span.
    const upTo = (BigInt(deltaWh) * BigInt(end - fromS)) / BigInt(total);
    slices.push({ hourS, energyWh: Number(upTo - given), coveredS: end - start });
    given = upTo;
    start = end;
  }
  return slices;
}

const hourOf = (atS: number) => Math.floor((atS - 1) / HOUR_S) * HOUR_S;

/** The energy between `previous` and `current` of one counter, and what happened to the counter (see the rules above). */
export function energyDelta(previous: CounterPoint, current: CounterPoint, rules: DeltaRules): EnergyDelta {
  const elapsedS = current.atS - previous.atS;
  // The same or an older reading (a clock step back, a retried poll): nothing to count.
  if (elapsedS <= 0) return { deltaWh: 0, slices: [], events: [] };
  const events: DeltaEvent[] = [];
  let deltaWh: number;
  const diff = current.wh - previous.wh;
  if (diff >= 0) {
    deltaWh = plausible(diff, elapsedS, rules.maxPowerW) ? diff : 0;
    // A jump forward no load could make: the counter was replaced by one at another count.
    if (deltaWh !== diff) events.push({ kind: 'reset', countedWh: 0 });
  } else {
    const wrapped = rules.maxWh === null ? null : rules.maxWh - previous.wh + current.wh;
    if (wrapped !== null && wrapped >= 0 && plausible(wrapped, elapsedS, rules.maxPowerW)) {
      deltaWh = wrapped;
      events.push({ kind: 'rollover', countedWh: wrapped });
    } else {
      deltaWh = current.wh >= 0 && plausible(current.wh, elapsedS, rules.maxPowerW) ? current.wh : 0;
      events.push({ kind: 'reset', countedWh: deltaWh });
    }
  }
  if (elapsedS > rules.maxGapS) {
    events.push({ kind: 'gap', countedWh: deltaWh });
    return { deltaWh, slices: deltaWh > 0 ? [{ hourS: hourOf(current.atS), energyWh: deltaWh, coveredS: 0 }] : [], events };
  }
  return { deltaWh, slices: spreadOverHours(deltaWh, previous.atS, current.atS), events };
}
