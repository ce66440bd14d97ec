import { formatDecimal, formatRateMicro } from '../../contract/money';
import { add, isZero, ratio, roundHalfUpNumber, scale, ZERO, type Ratio } from './billing.exact';
import { contractBilledTime, hoursOfPeriod, minerBilledTime, priceSourceText, type LineContext } from './billing.lines';
import { energyChargeMinor, hoursText, kwhText } from './billing.math';
import { emptyMeasured, fallbackSeconds, measure, measuredWh, type Measured } from './billing.meter';
import { intersect, localText, normalise, subtract, totalSeconds, type Interval } from './billing.period';
import { energyRateInForce, pricedParts, type PricedPart } from './billing.rates';
import type { BillLine, ContractInput, LineMethod, MinerInput } from './billing.types';

/**
 * Energy lines of a Hosted or Lease contract, one per miner (or one for the contract's meters) per
 * price in force. Energy is exact until the line: the line's Wh is rounded half-up once, and its
 * amount is that whole Wh × the rate, rounded half-up once (so quantity × rate = amount, to the cent).
 * - calculated: nominal W × online seconds ÷ 3,600 (offline time counts 0 W);
 * - hash: average GH/s × mJ/TH × billed seconds ÷ (3,600 × 10⁶), i.e. TH/s × J/TH = W, × hours;
 *   a miner with no hashrate or efficiency is billed calculated, and the line says why;
 * - metered: the outlets it was on (billing.meter.ts), its missing readings billed as calculated.
 */

type EnergyFigures = { method: LineMethod; energy: Ratio; fallback: Ratio; explanation: string };

const onlineTime = (billed: Interval[], miner: MinerInput, part: Interval) => subtract(billed, normalise(miner.offline, part));

function calculated(miner: MinerInput, billed: Interval[], online: Interval[], reason = ''): EnergyFigures {
  const onlineS = totalSeconds(online);
  return {
    method: 'calculated',
    energy: ratio(BigInt(miner.nominalPowerW) * BigInt(onlineS), 3600),
    fallback: ZERO,
    explanation: `${reason}${miner.nominalPowerW} W nominal × ${hoursText(onlineS)} online of ${hoursText(totalSeconds(billed))} under contract.`,
  };
}

function hash(miner: MinerInput, billed: Interval[], online: Interval[]): EnergyFigures {
  const { averageHashrateGhs: ghs, efficiencyMilliJoulePerTh: mj } = miner;
  if (ghs === null || mj === null) return calculated(miner, billed, online, 'No hashrate or efficiency recorded, so billed as calculated: ');
  const billedS = totalSeconds(billed);
  return {
    method: 'hash',
    energy: ratio(BigInt(ghs) * BigInt(mj) * BigInt(billedS), 3_600_000_000n),
    fallback: ZERO,
    explanation: `${thousandthsText(ghs)} TH/s average × ${thousandthsText(mj)} J/TH × ${hoursText(billedS)} under contract.`,
  };
}

/** GH/s as TH/s, mJ/TH as J/TH: thousandths as decimal text. */
const thousandthsText = (thousandths: number): string => formatDecimal(thousandths, 3);

/** The measured side of a metered line in words: what was read, interpolated, pro-rated, and counter events. */
function measuredWords(measured: Measured, sources: string[], timeZone: string): string {
  if (sources.length === 0) return 'No energy counter covered this miner in the period.';
  const words = [`${kwhText(roundHalfUpNumber(measuredWh(measured)))} kWh measured on ${sources.join(', ')}.`];
  const at = (list: number[]) => [...new Set(list)].map((s) => localText(s, timeZone)).join(', ');
  if (measured.interpolatedAt.length) words.push(`Counter interpolated between raw readings at ${at(measured.interpolatedAt)}.`);
  if (measured.proRatedAt.length) words.push(`Stored energy pro-rated by the second at ${at(measured.proRatedAt)}.`);
  if (measured.resets) words.push(`${measured.resets} counter reset(s): energy after each counted from 0.`);
  if (measured.rollovers) words.push(`${measured.rollovers} counter rollover(s) counted across the wrap.`);
  return words.join(' ');
}

const fallbackWords = (fallback: Ratio, watts: string, energy: Ratio) =>
  isZero(fallback) ? '' : ` ${hoursText(fallback)} without readings billed as calculated at ${watts} (${kwhText(roundHalfUpNumber(energy))} kWh).`;

function meteredMiner(ctx: LineContext, miner: MinerInput, billed: Interval[], online: Interval[], part: Interval): EnergyFigures {
  const measured = emptyMeasured();
  const sources = new Set<string>();
  const onOutlet: Interval[] = [];
  for (const outlet of miner.outlets) {
    const prepared = ctx.counters.get(outlet.counterId);
    for (const piece of intersect(billed, normalise([outlet], part))) {
      onOutlet.push(piece);
      if (prepared) {
        measure(prepared, piece, measured);
        sources.add(prepared.counter.label);
      } else measured.missing.push({ ...piece, seconds: ratio(piece.toS - piece.fromS) });
    }
  }
  for (const piece of subtract(billed, normalise(onOutlet, part))) measured.missing.push({ ...piece, seconds: ratio(piece.toS - piece.fromS) });
  const fallback = fallbackSeconds(measured.missing, online);
  const fallbackWh = scale(fallback, miner.nominalPowerW, 3600);
  return {
    method: 'metered',
    energy: add(measuredWh(measured), fallbackWh),
    fallback,
    explanation: `${measuredWords(measured, [...sources], ctx.period.timeZone)}${fallbackWords(fallback, `${miner.nominalPowerW} W`, fallbackWh)}`,
  };
}

/**
 * The contract's meters as a whole over its time in force; their missing time is billed as calculated for
 * the miners under the contract then. With several meters, a hole in one is filled with the nominal power
 * of all those miners (the engine is not told which miners each meter feeds): a known over-estimate.
 */
function meteredDevices(ctx: LineContext, contract: ContractInput, billed: Interval[], part: Interval): EnergyFigures {
  const measured = emptyMeasured();
  const sources: string[] = [];
  for (const id of contract.meteringCounterIds) {
    const prepared = ctx.counters.get(id);
    if (prepared) sources.push(prepared.counter.label);
    for (const piece of billed) {
      if (prepared) measure(prepared, piece, measured);
      else measured.missing.push({ ...piece, seconds: ratio(piece.toS - piece.fromS) });
    }
  }
  // The line's fallback time is the meters' missing time; its energy sums each miner's online share of it.
  const fallback = measured.missing.reduce((sum, piece) => add(sum, piece.seconds), ZERO);
  let fallbackWh = ZERO;
  for (const miner of measured.missing.length ? contract.miners : []) {
    const seconds = fallbackSeconds(measured.missing, onlineTime(minerBilledTime(contract, miner, part), miner, part));
    fallbackWh = add(fallbackWh, scale(seconds, miner.nominalPowerW, 3600));
  }
  return {
    method: 'metered',
    energy: add(measuredWh(measured), fallbackWh),
    fallback,
    explanation: `${measuredWords(measured, sources, ctx.period.timeZone)}${fallbackWords(fallback, 'the nominal power of the miners then under contract', fallbackWh)}`,
  };
}

function energyLine(
  ctx: LineContext,
  contract: ContractInput,
  minerId: number | null,
  billedS: number,
  price: PricedPart<number>,
  figures: EnergyFigures,
): BillLine {
  const energyWh = roundHalfUpNumber(figures.energy);
  return {
    contractId: contract.id,
    minerId,
    method: figures.method,
    quantity: kwhText(energyWh),
    unit: 'kWh',
    rate: formatRateMicro(price.value),
    amountMinor: energyChargeMinor(energyWh, price.value, ctx.decimals),
    billedSeconds: billedS,
    energyWh,
    fallbackSeconds: roundHalfUpNumber(figures.fallback),
    explanation: `${figures.explanation} ${hoursOfPeriod(ctx.period, billedS)} billed at ${formatRateMicro(price.value)} per kWh (${priceSourceText(price)}).`,
  };
}

/** Every energy line of a Hosted or Lease contract billed by metered, calculated or hash. */
export function energyLines(ctx: LineContext, contract: ContractInput): BillLine[] {
  const lines: BillLine[] = [];
  const parts = pricedParts(ctx.period, ctx.pricing, (date) => energyRateInForce(ctx.pricing, contract.energyRateMicroPerKwh, date));
  for (const part of parts) {
    if (contract.method === 'metered' && contract.meteringCounterIds.length) {
      const billed = contractBilledTime(contract, part);
      if (billed.length) lines.push(energyLine(ctx, contract, null, totalSeconds(billed), part, meteredDevices(ctx, contract, billed, part)));
      continue;
    }
    for (const miner of contract.miners) {
      const billed = minerBilledTime(contract, miner, part);
      if (!billed.length) continue;
      const online = onlineTime(billed, miner, part);
      const figures =
        contract.method === 'metered'
          ? meteredMiner(ctx, miner, billed, online, part)
          : contract.method === 'hash'
            ? hash(miner, billed, online)
            : calculated(miner, billed, online);
      lines.push(energyLine(ctx, contract, miner.id, totalSeconds(billed), part, figures));
    }
  }
  return lines;
}
