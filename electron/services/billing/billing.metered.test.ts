import { describe, expect, it } from 'vitest';
import { computeBill } from './billing.engine';
import type { CounterInput, MinerInput } from './billing.types';
import { at, billingInput, contract, counter, HOUR, hourlySpans, miner, readingsEvery5Min } from './billing.test-inputs';

/**
 * Metered lines, worked by hand. April 2026 in UTC (720 hours), rate 0.0685 per kWh; the outlet
 * counter stores 3,000 Wh every hour unless said. Amount = kWh × 0.0685, half-up to the cent.
 */

const APRIL = '2026-04-01T00:00:00Z';
const onOutlet = (counterId: number, overrides: Partial<MinerInput> = {}) => miner({ outlets: [{ counterId, fromS: 0, toS: null }], ...overrides });
const billOne = (counters: CounterInput[], m: MinerInput, inForceFrom = 0) =>
  computeBill(billingInput({ counters, contracts: [contract({ method: 'metered', inForce: { fromS: inForceFrom, toS: null }, miners: [m] })] })).lines[0];

describe('metered from hourly energy', () => {
  it('sums the hours of the outlet the miner was on', () => {
    // 720 h × 3,000 Wh = 2,160,000 Wh; 2,160 kWh × 0.0685 = 147.96
    const line = billOne([counter({ spans: hourlySpans(APRIL, 720, 3_000) })], onOutlet(100));
    expect(line).toMatchObject({ method: 'metered', quantity: '2160.000', amountMinor: 14_796, fallbackSeconds: 0 });
    expect(line.explanation).toContain('2160.000 kWh measured on PDU A outlet 1');
  });

  it('follows the outlet history across a mid-month move', () => {
    // Outlet A until 15 April 06:00 (14 × 24 + 6 = 342 h × 3,000 = 1,026,000 Wh), then outlet B
    // (378 h × 3,100 = 1,171,800 Wh): 2,197,800 Wh × 0.0685 = 150.5493 → 150.55
    const moved = at('2026-04-15T06:00:00Z');
    const counters = [
      counter({ id: 1, label: 'Outlet A', spans: hourlySpans(APRIL, 720, 3_000) }),
      counter({ id: 2, label: 'Outlet B', spans: hourlySpans(APRIL, 720, 3_100) }),
    ];
    const m = miner({
      outlets: [
        { counterId: 1, fromS: at('2026-01-01T00:00:00Z'), toS: moved },
        { counterId: 2, fromS: moved, toS: null },
      ],
    });
    const line = billOne(counters, m);
    expect(line).toMatchObject({ quantity: '2197.800', amountMinor: 15_055 });
    expect(line.explanation).toContain('Outlet A, Outlet B');
  });
});

describe('missing readings fall back to calculated', () => {
  it('bills hours with no readings, and the uncovered part of an hour, at nominal power', () => {
    // Hours 100–109 have no row (10 h missing); hour 200 is covered 1,800 s with 1,500 Wh (0.5 h missing).
    // Measured: 709 × 3,000 + 1,500 = 2,128,500 Wh. Fallback: 10.5 h × 3,250 W = 34,125 Wh.
    // Total 2,162,625 Wh; × 0.0685 = 148.1398125 → 148.14
    const missing: Record<number, null | { energyWh: number; coveredS: number }> = { 200: { energyWh: 1_500, coveredS: 1_800 } };
    for (let h = 100; h < 110; h += 1) missing[h] = null;
    const line = billOne([counter({ spans: hourlySpans(APRIL, 720, 3_000, missing) })], onOutlet(100));
    expect(line).toMatchObject({ quantity: '2162.625', amountMinor: 14_814, fallbackSeconds: 10.5 * HOUR });
    expect(line.explanation).toContain('10.5 h without readings billed as calculated at 3250 W (34.125 kWh)');
  });

  it('counts 0 W for the missing hours the miner was offline', () => {
    // As above without hour 200's shortfall; the miner was offline for 4 of the 10 missing hours.
    // Measured 710 × 3,000 = 2,130,000; fallback 6 h × 3,250 = 19,500; total 2,149,500 Wh × 0.0685 = 147.24075 → 147.24
    const missing: Record<number, null> = {};
    for (let h = 100; h < 110; h += 1) missing[h] = null;
    const offline = [{ fromS: at(APRIL) + 98 * HOUR, toS: at(APRIL) + 104 * HOUR }];
    const line = billOne([counter({ spans: hourlySpans(APRIL, 720, 3_000, missing) })], onOutlet(100, { offline }));
    expect(line).toMatchObject({ quantity: '2149.500', amountMinor: 14_724, fallbackSeconds: 6 * HOUR });
  });

  it('takes a gap’s credited energy out of the hour it ended in and bills the gap’s time as calculated', () => {
    // Gap from hour 300 + 10 min to hour 302 + 20 min. Stored: hour 300 covered 600 s (500 Wh), hour 301 no
    // row, hour 302 covered 2,400 s with 2,000 Wh + the 7,000 Wh credited across the gap.
    // Measured: 717 × 3,000 + 500 + (9,000 − 7,000) = 2,153,500 Wh. Missing 3,000 + 3,600 + 1,200 = 7,800 s;
    // at 3,600 W that is 7,800 Wh. Total 2,161,300 Wh × 0.0685 = 148.04905 → 148.05
    const spans = hourlySpans(APRIL, 720, 3_000, { 300: { energyWh: 500, coveredS: 600 }, 301: null, 302: { energyWh: 9_000, coveredS: 2_400 } });
    const gapCredits = [{ endS: at(APRIL) + 302 * HOUR + 1_200, countedWh: 7_000 }];
    const line = billOne([counter({ spans, gapCredits })], onOutlet(100, { nominalPowerW: 3_600 }));
    expect(line).toMatchObject({ quantity: '2161.300', amountMinor: 14_805, fallbackSeconds: 7_800 });
  });

  it('bills time the miner was on no outlet as calculated', () => {
    // On the outlet only from 11 April 00:00 (240 h before it): 480 h × 3,000 = 1,440,000 measured,
    // 240 h × 3,250 = 780,000 fallback; 2,220,000 Wh × 0.0685 = 152.07
    const m = miner({ outlets: [{ counterId: 100, fromS: at('2026-04-11T00:00:00Z'), toS: null }] });
    const line = billOne([counter({ spans: hourlySpans(APRIL, 720, 3_000) })], m);
    expect(line).toMatchObject({ quantity: '2220.000', amountMinor: 15_207, fallbackSeconds: 240 * HOUR });
  });

  it('says plainly when no counter covered the miner at all', () => {
    const line = billOne([], miner({ outlets: [] }));
    expect(line.explanation).toMatch(
      /^No energy counter covered this miner in the period. 720 h without readings billed as calculated at 3250 W \(2340.000 kWh\)\./,
    );
  });
});

describe('a boundary inside an hour', () => {
  // The contract starts on 10 April 12:32:30. From 13:00 on: 11 h that day + 20 days × 24 = 491 h × 3,000 = 1,473,000 Wh.
  const start = at('2026-04-10T12:32:30Z');
  const spans = hourlySpans(APRIL, 720, 3_000);
  // Readings every 5 minutes from 11:55 to 13:05 (15 of them), 250 Wh apart unless said.
  const readings = readingsEvery5Min('2026-04-10T11:55:00Z', 15, 500_000, 250);

  it('pro-rates the stored hour by the second when no raw readings are left', () => {
    // 27.5 min of 60: 3,000 × 1,650 / 3,600 = 1,375 Wh. Total 1,474,375 Wh × 0.0685 = 100.9946875 → 100.99
    const line = billOne([counter({ spans })], onOutlet(100), start);
    expect(line).toMatchObject({ quantity: '1474.375', amountMinor: 10_099 });
    expect(line.explanation).toContain('Stored energy pro-rated by the second at 2026-04-10 12:32');
  });

  it('uses raw readings only where they bracket the cut hour', () => {
    // The readings are of 10 April; a start on 20 April 06:15 cuts another hour, which is pro-rated:
    // 45 min of 3,000 Wh = 2,250; then 17 h that day + 10 days × 24 = 257 h × 3,000 = 771,000. Total 773,250 Wh.
    const line = billOne([counter({ spans, readings })], onOutlet(100), at('2026-04-20T06:15:00Z'));
    expect(line.energyWh).toBe(773_250);
    expect(line.explanation).toContain('pro-rated by the second at 2026-04-20 06:15');
  });

  it('interpolates the counter linearly between raw readings, counting a reset from 0', () => {
    // The counter was reset between 12:40 and 12:45 (502,250 → 100): that pair counts 100 Wh, not 250.
    // 12:32:30–12:35 is half of the 12:30–12:35 pair: 125 Wh. Then 12:35–12:40 250, 12:40–12:45 100,
    // 12:45–13:00 3 × 250. Boundary hour: 1,225 Wh. Total 1,474,225 Wh × 0.0685 = 100.9844125 → 100.98
    const reset = readings.map((r, k) => (k >= 10 ? { ...r, wh: 100 + (k - 10) * 250 } : r));
    const line = billOne([counter({ spans, readings: reset })], onOutlet(100), start);
    expect(line).toMatchObject({ quantity: '1474.225', amountMinor: 10_098 });
    expect(line.explanation).toContain('Counter interpolated between raw readings at 2026-04-10 12:32');
    expect(line.explanation).toContain('1 counter reset(s)');
  });

  it('counts across a rollover without losing energy', () => {
    // The counter wraps at 1,000,000 Wh: 999,900 at 12:40, 150 at 12:45 is 250 Wh. Boundary hour
    // 125 + 5 × 250 = 1,375 Wh; total 1,474,375 Wh → 100.99
    const wrapping = readingsEvery5Min('2026-04-10T11:55:00Z', 15, 997_650, 250).map((r) => ({ ...r, wh: r.wh % 1_000_000 }));
    const line = billOne([counter({ spans, readings: wrapping, maxWh: 1_000_000 })], onOutlet(100), start);
    expect(line).toMatchObject({ quantity: '1474.375', amountMinor: 10_099 });
    expect(line.explanation).toContain('1 counter rollover(s)');
  });

  it('treats readings further apart than the gap threshold as missing', () => {
    // No reading between 12:30 and 12:50 (20 min > 15): 12:32:30–12:50 (17.5 min) falls back to 3,250 W
    // = 947.916… Wh; 12:50–13:00 measured 2 × 250 = 500. Boundary hour exact 1,447.916… Wh.
    // Total 1,474,447.916… → 1,474,448 Wh × 0.0685 = 100.999688 → 101.00
    const sparse = readings.filter((r) => r.atS <= at('2026-04-10T12:30:00Z') || r.atS >= at('2026-04-10T12:50:00Z'));
    const line = billOne([counter({ spans, readings: sparse })], onOutlet(100), start);
    expect(line).toMatchObject({ quantity: '1474.448', amountMinor: 10_100, fallbackSeconds: 1_050 });
  });
});

describe('stored spans', () => {
  it('gives the same bill from runs of complete hours summed by the service as from the hour rows', () => {
    // The cut hour (10 April 12:00) stays its own row so its raw readings still apply; the rest is two runs.
    const start = at('2026-04-10T12:32:30Z');
    const rows = hourlySpans(APRIL, 720, 3_000);
    const cutHour = rows.findIndex((s) => s.toS > start);
    const run = (from: number, to: number) => ({ fromS: rows[from].fromS, toS: rows[to - 1].toS, energyWh: 3_000 * (to - from), coveredS: HOUR * (to - from) });
    const runs = [run(0, cutHour), rows[cutHour], run(cutHour + 1, 720)];
    const readings = readingsEvery5Min('2026-04-10T11:55:00Z', 15, 500_000, 250);
    const fromRows = billOne([counter({ spans: rows, readings })], onOutlet(100), start);
    const fromRuns = billOne([counter({ spans: runs, readings })], onOutlet(100), start);
    expect(fromRuns).toEqual(fromRows);
    // 1,473,000 + 27.5 min of 250 Wh per 5 min = 1,375 → 1,474,375 Wh
    expect(fromRuns.energyWh).toBe(1_474_375);
  });

  it('refuses spans that overlap', () => {
    const spans = [...hourlySpans(APRIL, 2, 3_000), { fromS: at(APRIL) + 1_800, toS: at(APRIL) + 2 * HOUR, energyWh: 1, coveredS: 1 }];
    expect(() => billOne([counter({ spans })], onOutlet(100))).toThrow(/overlap or are not sorted/);
  });
});

describe('the contract’s meters as a whole', () => {
  it('bills the meter’s energy, and the missing hours at the nominal power of the miners then online', () => {
    // Meter: 30,000 Wh every hour except hours 50 and 51 (no rows). Miners of 3,000 W and 3,500 W; the second
    // offline during hour 51. Measured 718 × 30,000 = 21,540,000; fallback 2 h × 3,000 + 1 h × 3,500 = 9,500.
    // Total 21,549,500 Wh × 0.0685 = 1,476.14075 → 1,476.14
    const meter = counter({ id: 7, label: 'Container 3 meter', spans: hourlySpans(APRIL, 720, 30_000, { 50: null, 51: null }) });
    const miners = [
      miner({ id: 1, nominalPowerW: 3_000 }),
      miner({ id: 2, nominalPowerW: 3_500, offline: [{ fromS: at(APRIL) + 51 * HOUR, toS: at(APRIL) + 52 * HOUR }] }),
    ];
    const bill = computeBill(billingInput({ counters: [meter], contracts: [contract({ method: 'metered', meteringCounterIds: [7], miners })] }));
    expect(bill.lines).toHaveLength(1);
    expect(bill.lines[0]).toMatchObject({ minerId: null, quantity: '21549.500', amountMinor: 147_614, fallbackSeconds: 2 * HOUR });
    expect(bill.lines[0].explanation).toContain('Container 3 meter');
  });
});
