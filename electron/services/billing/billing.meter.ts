import { energyDelta } from '../power/energy-delta';
import { add, ratio, scale, ZERO, type Ratio } from './billing.exact';
import { intersect, totalSeconds, type Interval } from './billing.period';
import type { CounterInput } from './billing.types';

/**
 * Energy of one counter over part of a period, from what the power domain stores. The counter is a
 * piecewise-linear curve: inside a span (an hour row, or a run of complete hours the service summed)
 * energy accrues evenly, so the counter value at an instant between two known points is interpolated
 * linearly. Where a billing boundary cuts a span and raw readings bracket that whole span, the finer
 * raw readings are used instead (the same linear rule between two readings; resets and rollovers are
 * handled by the power domain's `energyDelta`: never negative, energy after a reset counts from 0).
 * The service passes, for each span a boundary cuts, the stored readings of [start − gap threshold,
 * end + gap threshold] (raw readings are kept 14 days; older cut spans are pro-rated).
 *
 * MISSING READINGS: time no span covers, the seconds of a span its readings did not cover
 * (`span length − coveredS`: readings further apart than the counter's gap threshold cover nothing),
 * and, on the raw path, any pair of readings further apart than that threshold. The energy the power
 * domain credited across a gap (put whole in the hour the gap ends) is taken out of that hour, because
 * the gap's time is billed by the fallback instead (counting both would bill it twice).
 */
export type EnergySpan = Interval & { energyWh: number; coveredS: number };
/** The energy credited across a gap ending at `endS` (an energy_counter_events row of kind 'gap'). */
export type GapCredit = { endS: number; countedWh: number };
export type MeterReading = { atS: number; wh: number };

/** Missing `seconds` of readings somewhere inside [fromS, toS) (spread evenly when shorter than it). */
export type MissingPiece = Interval & { seconds: Ratio };

/** What was measured over the parts asked for, accumulated. */
export type Measured = {
  wholeWh: number;
  partialWh: Ratio;
  missing: MissingPiece[];
  /** Boundaries read from raw readings, and those pro-rated inside a stored span. */
  interpolatedAt: number[];
  proRatedAt: number[];
  resets: number;
  rollovers: number;
};

export const emptyMeasured = (): Measured => ({ wholeWh: 0, partialWh: ZERO, missing: [], interpolatedAt: [], proRatedAt: [], resets: 0, rollovers: 0 });

export const measuredWh = (m: Measured): Ratio => add(ratio(m.wholeWh), m.partialWh);

/** A counter ready to measure: the spans whose energy a gap's credit reduced, by index (few; the rest are as stored). */
export type PreparedCounter = { counter: CounterInput; reducedWh: ReadonlyMap<number, number> };

/** Takes each gap's credited energy out of the span it ended in. */
export function prepareCounter(counter: CounterInput): PreparedCounter {
  const { spans } = counter;
  const reducedWh = new Map<number, number>();
  for (const gap of counter.gapCredits) {
    const i = spanIndexAfter(counter, gap.endS - 1);
    if (i < spans.length && spans[i].fromS <= gap.endS - 1) reducedWh.set(i, Math.max(0, (reducedWh.get(i) ?? spans[i].energyWh) - gap.countedWh));
  }
  return { counter, reducedWh };
}

/** The first span that ends after `atS`. */
function spanIndexAfter(counter: CounterInput, atS: number): number {
  let lo = 0;
  let hi = counter.spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (counter.spans[mid].toS > atS) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Adds the counter's energy and missing time over `part` to `into`. */
export function measure(prepared: PreparedCounter, part: Interval, into: Measured): void {
  const { counter, reducedWh } = prepared;
  const { spans } = counter;
  const netWh = (i: number) => (reducedWh.size ? (reducedWh.get(i) ?? spans[i].energyWh) : spans[i].energyWh);
  let cursor = part.fromS;
  for (let i = spanIndexAfter(counter, part.fromS); i < spans.length && spans[i].fromS < part.toS; i += 1) {
    const span = spans[i];
    if (i > 0 && span.fromS < spans[i - 1].toS) throw new Error(`Energy spans of counter ${counter.id} overlap or are not sorted.`);
    if (span.fromS > cursor) into.missing.push({ fromS: cursor, toS: span.fromS, seconds: ratio(span.fromS - cursor) });
    const lengthS = span.toS - span.fromS;
    const uncoveredS = lengthS > span.coveredS ? lengthS - span.coveredS : 0;
    if (span.fromS >= part.fromS && span.toS <= part.toS) {
      // The common case, kept to integer sums: a whole span inside the part.
      into.wholeWh += netWh(i);
      if (uncoveredS > 0) into.missing.push({ fromS: span.fromS, toS: span.toS, seconds: ratio(uncoveredS) });
      cursor = span.toS;
      continue;
    }
    const fromS = Math.max(part.fromS, span.fromS);
    const toS = Math.min(part.toS, span.toS);
    const cuts = [fromS, toS].filter((atS) => atS > span.fromS && atS < span.toS);
    if (readingsBracket(counter, span)) {
      measureFromReadings(counter, { fromS, toS }, into);
      into.interpolatedAt.push(...cuts);
    } else {
      into.partialWh = add(into.partialWh, ratio(BigInt(netWh(i)) * BigInt(toS - fromS), lengthS));
      if (uncoveredS > 0) into.missing.push({ fromS, toS, seconds: ratio(BigInt(uncoveredS) * BigInt(toS - fromS), lengthS) });
      into.proRatedAt.push(...cuts);
    }
    cursor = toS;
  }
  if (cursor < part.toS) into.missing.push({ fromS: cursor, toS: part.toS, seconds: ratio(part.toS - cursor) });
}

/**
 * Raw readings bracket the span: one within the gap threshold before (or at) its start and one within it
 * after (or at) its end. The service passes every stored reading of that window, so two readings
 * further apart inside it are a true gap, not readings left out.
 */
function readingsBracket(counter: CounterInput, span: Interval): boolean {
  const { readings, maxGapS } = counter;
  const before = readings.some((r) => r.atS <= span.fromS && r.atS >= span.fromS - maxGapS);
  return before && readings.some((r) => r.atS >= span.toS && r.atS <= span.toS + maxGapS);
}

/** Energy over `part` between consecutive raw readings, each pair's delta spread evenly over its seconds. */
function measureFromReadings(counter: CounterInput, part: Interval, into: Measured): void {
  const { readings } = counter;
  const rules = { maxWh: counter.maxWh, maxGapS: counter.maxGapS, maxPowerW: counter.maxPowerW };
  for (let k = 0; k + 1 < readings.length && readings[k].atS < part.toS; k += 1) {
    const from = readings[k];
    const to = readings[k + 1];
    const fromS = Math.max(part.fromS, from.atS);
    const toS = Math.min(part.toS, to.atS);
    if (toS <= fromS) continue;
    const elapsedS = to.atS - from.atS;
    if (elapsedS > counter.maxGapS) {
      into.missing.push({ fromS, toS, seconds: ratio(toS - fromS) });
      continue;
    }
    const delta = energyDelta({ wh: from.wh, atS: from.atS }, { wh: to.wh, atS: to.atS }, rules);
    into.resets += delta.events.filter((e) => e.kind === 'reset').length;
    into.rollovers += delta.events.filter((e) => e.kind === 'rollover').length;
    into.partialWh = add(into.partialWh, ratio(BigInt(delta.deltaWh) * BigInt(toS - fromS), elapsedS));
  }
}

/**
 * The seconds of missing readings the fallback bills: each missing piece weighted by the share of its
 * time inside `online` (the equipment's billed, online time: offline counts 0 W, as in calculated billing).
 */
export function fallbackSeconds(missing: readonly MissingPiece[], online: readonly Interval[]): Ratio {
  let total = ZERO;
  for (const piece of missing) {
    const lengthS = piece.toS - piece.fromS;
    const onlineS = totalSeconds(intersect([piece], online));
    if (onlineS > 0) total = add(total, onlineS === lengthS ? piece.seconds : scale(piece.seconds, onlineS, lengthS));
  }
  return total;
}
