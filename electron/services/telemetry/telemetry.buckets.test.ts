import { describe, expect, it } from 'vitest';
import { accFromRow, addPoll, averageHalfUp, coveredSegments, emptyAcc, rowFromAcc, wattSecondsToWh, type SampleAcc } from './telemetry.buckets';
import { powerOf, warningReasons } from './telemetry.rules';

const T0 = Date.parse('2026-03-10T12:00:00Z') / 1000; // a bucket start
const online = (powerW: number | null, hashrateGhs: number | null = 100_000, tempMaxC: number | null = 70) =>
  ({ answered: true, hashrateGhs, tempMaxC, powerW, powerSource: powerW === null ? null : 'nameplate' }) as const;
const offline = { answered: false, hashrateGhs: null, tempMaxC: null, powerW: null, powerSource: null } as const;

function accumulator() {
  const accs = new Map<number, SampleAcc>();
  const accFor = (bucketS: number) => {
    let acc = accs.get(bucketS);
    if (!acc) accs.set(bucketS, (acc = emptyAcc(1, bucketS)));
    return acc;
  };
  return { accs, accFor };
}

describe('bucket accounting', () => {
  it('rounds energy half up once per bucket, from exact W·s', () => {
    expect(wattSecondsToWh(1799)).toBe(0);
    expect(wattSecondsToWh(1800)).toBe(1); // exactly half a Wh
    expect(wattSecondsToWh(3600 * 50 + 1799)).toBe(50);
    expect(averageHalfUp(3, 2)).toBe(2); // 1.5 → 2
    expect(averageHalfUp(5, 4)).toBe(1); // 1.25 → 1
    expect(averageHalfUp(0, 0)).toBeNull();
  });

  it('accounts the time since the previous poll (at most one interval), split at bucket edges', () => {
    expect(coveredSegments(null, T0 + 30, 60)).toEqual([]); // the first poll accounts for nothing
    expect(coveredSegments(T0 - 30, T0 + 30, 60)).toEqual([
      { bucketS: T0 - 300, seconds: 30 },
      { bucketS: T0, seconds: 30 },
    ]);
    expect(coveredSegments(T0 - 3600, T0 + 10, 60)).toEqual([
      { bucketS: T0 - 300, seconds: 50 },
      { bucketS: T0, seconds: 10 },
    ]);
  });

  it('keeps integer sums: three polls of 1001 W over 180 s make 50.05 Wh → 50 Wh, averages do not drift', () => {
    const { accs, accFor } = accumulator();
    let previous: number | null = null;
    const hashes = [100_001, 100_002, 100_002];
    [T0, T0 + 60, T0 + 120, T0 + 180].forEach((at, i) => {
      addPoll(accFor, online(1001, hashes[i] ?? 100_002), previous, at, 60);
      previous = at;
    });
    const row = rowFromAcc(accs.get(T0)!);
    expect(row).toMatchObject({ polls: 4, answered: 4, onlineS: 180, energyWh: 50, powerW: 1001, hashrateGhs: 100_002, powerSource: 'nameplate' });
    // 1001 W × 180 s = 180,180 W·s = 50.05 Wh: rounded once, not per poll (per poll 16.68 → 17 × 3 = 51).
  });

  it('counts an offline poll as a poll, with 0 W and no online seconds for the time since the previous one', () => {
    const { accs, accFor } = accumulator();
    addPoll(accFor, online(3000), null, T0, 60);
    addPoll(accFor, offline, T0, T0 + 60, 60);
    addPoll(accFor, online(3000), T0 + 60, T0 + 120, 60);
    const row = rowFromAcc(accs.get(T0)!);
    expect(row).toMatchObject({ polls: 3, answered: 2, onlineS: 60, energyWh: 50, powerW: 3000 });
  });

  it('goes on from a stored row after a restart without counting it twice', () => {
    const { accs, accFor } = accumulator();
    addPoll(accFor, online(3500), null, T0, 60);
    addPoll(accFor, online(3500), T0, T0 + 60, 60);
    const stored = rowFromAcc(accs.get(T0)!);
    const resumed = accFromRow(stored);
    addPoll(() => resumed, online(3500), T0 + 60, T0 + 90, 60);
    expect(rowFromAcc(resumed)).toMatchObject({ polls: 3, answered: 3, onlineS: 90, energyWh: 88 }); // 3500 W × 90 s = 87.5 Wh → 88, as if there had been no restart
  });
});

describe('status and power rules', () => {
  const reading = { hashrateGhs: 160_000, tempMaxC: 70, errors: [] as string[], nominalHashrateGhs: null };
  const rules = { hashrateLowPercent: 80, tempHighC: 85 }; // the alert rules' defaults
  it('warns below 80 % of nominal, at 85 °C and on reported errors', () => {
    expect(warningReasons(reading, 200_000, rules)).toEqual([]); // exactly 80 %
    expect(warningReasons({ ...reading, hashrateGhs: 159_999 }, 200_000, rules)[0]).toMatch(/below 80 % of the nominal 200000 GH\/s/);
    expect(warningReasons({ ...reading, tempMaxC: 85 }, 200_000, rules)[0]).toMatch(/85 °C/);
    expect(warningReasons({ ...reading, errors: ['fan 2 lost'] }, 200_000, rules)).toEqual(['the miner reports: fan 2 lost']);
    expect(warningReasons({ ...reading, nominalHashrateGhs: 250_000 }, null, rules)).toHaveLength(1); // the firmware's nominal when no model
  });
  it('follows the thresholds it is given', () => {
    const strict = { hashrateLowPercent: 95, tempHighC: 70 };
    expect(warningReasons({ ...reading, hashrateGhs: 189_999 }, 200_000, strict)[0]).toMatch(/below 95 % of the nominal/);
    expect(warningReasons({ ...reading, hashrateGhs: 190_000, tempMaxC: 69 }, 200_000, strict)).toEqual([]);
    expect(warningReasons({ ...reading, hashrateGhs: 190_000, tempMaxC: 70 }, 200_000, strict)[0]).toMatch(/70 °C is at or above 70 °C/);
  });
  it("takes the miner's own power, else the outlet, else the nameplate", () => {
    expect(powerOf({ powerW: 3321, powerSource: 'miner' }, { powerW: 3400 }, 3500)).toEqual({ powerW: 3321, source: 'miner' });
    expect(powerOf({ powerW: null, powerSource: null }, { powerW: 3400 }, 3500)).toEqual({ powerW: 3400, source: 'pdu' });
    expect(powerOf({ powerW: null, powerSource: null }, null, 3500)).toEqual({ powerW: 3500, source: 'nameplate' });
    expect(powerOf({ powerW: null, powerSource: null }, null, null)).toBeNull();
  });
});
