import { billPreview, computeBill } from '../electron/services/billing/billing.engine';
import type { EnergySpan, MeterReading } from '../electron/services/billing/billing.meter';
import { billingPeriod } from '../electron/services/billing/billing.period';
import type { BillingInput, CounterInput, MinerInput } from '../electron/services/billing/billing.types';
import { billingInput, contract, counter, miner } from '../electron/services/billing/billing.test-inputs';
import { timeRuns } from './fixtures/time-runs';

/**
 * The billing engine alone (no database) for one metered client of 1,000 miners over March in New York
 * (743 h), as `billing.preview` will call it: each miner on its own PDU outlet, the outlet's hourly energy
 * (743 rows each, 743,000 in all, standing for 1,000 × 743 × 12 ≈ 8.9 M five-minute readings), one miner in
 * 20 moved to another outlet mid-hour with the raw readings of that hour, and one outlet in 10 with a
 * 3-hour hole in its readings (billed as calculated). `hourly`: the engine over those rows;
 * `preSummed`: the same bill when the service sums runs of complete hours in SQL first.
 */
const MINERS = 1_000;
const HOUR = 3600;

function hourlySpans(fromS: number, toS: number, energyWh: number, holeAtS: number | null): EnergySpan[] {
  const spans: EnergySpan[] = [];
  for (let s = fromS; s < toS; s += HOUR) {
    if (holeAtS !== null && s >= holeAtS && s < holeAtS + 3 * HOUR) continue;
    spans.push({ fromS: s, toS: s + HOUR, energyWh, coveredS: HOUR });
  }
  return spans;
}

/**
 * Runs of complete hours summed into one span (what a GROUP BY would give), split at holes and around
 * `cutHourS`, the hour a billing boundary cuts, which stays its own row so its raw readings apply.
 */
function summedSpans(spans: EnergySpan[], cutHourS: number | null): EnergySpan[] {
  const runs: EnergySpan[] = [];
  for (const span of spans) {
    const last = runs[runs.length - 1];
    const alone = span.fromS === cutHourS || last?.fromS === cutHourS;
    if (last && last.toS === span.fromS && !alone)
      Object.assign(last, { toS: span.toS, energyWh: last.energyWh + span.energyWh, coveredS: last.coveredS + span.coveredS });
    else runs.push({ ...span });
  }
  return runs;
}

function clientInput(preSummed: boolean): BillingInput {
  const period = billingPeriod('2026-03', 'America/New_York');
  const since = period.fromS - 86_400;
  const counters: CounterInput[] = [];
  const miners: MinerInput[] = [];
  for (let i = 0; i < MINERS; i += 1) {
    const moved = i % 20 === 0;
    const moveAtS = period.fromS + 400 * HOUR + 1_234;
    const hole = i % 10 === 5 ? period.fromS + 200 * HOUR : null;
    const hourStartS = moveAtS - ((moveAtS - period.fromS) % HOUR);
    const readings: MeterReading[] = moved ? Array.from({ length: 15 }, (_, k) => ({ atS: hourStartS - 300 + k * 300, wh: 9_000_000 + k * 270 })) : [];
    for (const id of moved ? [2 * i, 2 * i + 1] : [2 * i]) {
      const spans = hourlySpans(period.fromS, period.toS, 3_200 + (i % 7) * 10, hole);
      const label = `PDU ${Math.floor(i / 24)} outlet ${(i % 24) + 1}`;
      counters.push(counter({ id, label, spans: preSummed ? summedSpans(spans, moved ? hourStartS : null) : spans, readings }));
    }
    const outlets = moved
      ? [
          { counterId: 2 * i, fromS: since, toS: moveAtS },
          { counterId: 2 * i + 1, fromS: moveAtS, toS: null },
        ]
      : [{ counterId: 2 * i, fromS: since, toS: null }];
    const offline = i % 50 === 0 ? [{ fromS: period.fromS + 200 * HOUR, toS: period.fromS + 201 * HOUR }] : [];
    miners.push(miner({ id: i + 1, label: `M-${String(i + 1).padStart(5, '0')}`, underContract: [{ fromS: since, toS: null }], offline, outlets }));
  }
  const hosted = contract({ id: 1, method: 'metered', inForce: { fromS: since, toS: null }, miners });
  return billingInput({ month: '2026-03', timeZone: 'America/New_York', taxRates: [{ name: 'Sales tax', percent: '8.875' }], contracts: [hosted], counters });
}

export async function billingEngine(): Promise<Record<string, number>> {
  const hourly = clientInput(false);
  const summed = clientInput(true);
  const run = (input: BillingInput) => () => billPreview(computeBill(input));
  const lines = computeBill(hourly).lines.length;
  const same = JSON.stringify(billPreview(computeBill(hourly))) === JSON.stringify(billPreview(computeBill(summed))) ? 1 : 0;
  const hourlyRuns = timeRuns(run(hourly), 20);
  const summedRuns = timeRuns(run(summed), 20);
  return {
    miners: MINERS,
    hourlyRows: hourly.counters.reduce((sum, c) => sum + c.spans.length, 0),
    readingsRepresented: MINERS * 743 * 12,
    lines,
    sameBillPreSummed: same,
    hourlyMedianMs: hourlyRuns.median,
    hourlyP95Ms: hourlyRuns.p95,
    preSummedMedianMs: summedRuns.median,
    preSummedP95Ms: summedRuns.p95,
  };
}
