import type { PowerSource } from '../../contract/miners';

/** Samples are 5-minute buckets; all accounting is in whole epoch seconds so sums stay integers. */
export const BUCKET_S = 300;
/** Samples are kept this long; older ones are deleted once an hour (hourly and daily rollups stay). */
export const SAMPLE_RETENTION_S = 14 * 86_400;

export const bucketStartS = (epochS: number): number => Math.floor(epochS / BUCKET_S) * BUCKET_S;
export const isoAt = (epochS: number): string => new Date(epochS * 1000).toISOString();
export const epochSOf = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** Half-up integer average of non-negative integers, without a float. */
export function averageHalfUp(sum: number, n: number): number | null {
  return n > 0 ? Math.floor((2 * sum + n) / (2 * n)) : null;
}

/** Whole Wh from W·s, rounded half up: once per bucket, so rounding never accumulates. */
export const wattSecondsToWh = (ws: number): number => Math.floor((ws + 1800) / 3600);

/**
 * The time one poll accounts for, split at bucket boundaries: from the miner's previous poll (at most one
 * interval back) to this poll. The first poll of a miner accounts for nothing (nothing is known before it).
 */
export function coveredSegments(previousS: number | null, nowS: number, intervalS: number): { bucketS: number; seconds: number }[] {
  if (previousS === null || previousS >= nowS) return [];
  let from = Math.max(previousS, nowS - intervalS);
  const out: { bucketS: number; seconds: number }[] = [];
  while (from < nowS) {
    const bucketS = bucketStartS(from);
    const end = Math.min(nowS, bucketS + BUCKET_S);
    out.push({ bucketS, seconds: end - from });
    from = end;
  }
  return out;
}

/** Exact integer sums behind one miner_samples row; the row's averages and Wh are derived from them. */
export type SampleAcc = {
  minerId: number;
  bucketS: number;
  polls: number;
  answered: number;
  hashSum: number;
  hashN: number;
  powerSum: number;
  powerN: number;
  powerSource: PowerSource | null;
  tempMaxC: number | null;
  onlineS: number;
  energyWs: number;
};

export type SampleRow = {
  minerId: number;
  at: string;
  polls: number;
  answered: number;
  hashrateGhs: number | null;
  powerW: number | null;
  powerSource: PowerSource | null;
  tempMaxC: number | null;
  onlineS: number;
  energyWh: number;
};

export const emptyAcc = (minerId: number, bucketS: number): SampleAcc => ({
  minerId,
  bucketS,
  polls: 0,
  answered: 0,
  hashSum: 0,
  hashN: 0,
  powerSum: 0,
  powerN: 0,
  powerSource: null,
  tempMaxC: null,
  onlineS: 0,
  energyWs: 0,
});

/**
 * Sums rebuilt from a stored row (after a restart), so the bucket goes on from what was written and nothing
 * is counted twice: average × answered for the sums; for the energy, average power × online seconds (exact
 * while the power held steady) kept within the half Wh the stored whole Wh allows.
 */
export function accFromRow(row: SampleRow): SampleAcc {
  const storedWs = row.energyWh * 3600;
  const estimateWs = row.powerW === null ? storedWs : row.powerW * row.onlineS;
  const energyWs = Math.min(storedWs + 1799, Math.max(storedWs - 1800, estimateWs, 0));
  return {
    minerId: row.minerId,
    bucketS: epochSOf(row.at),
    polls: row.polls,
    answered: row.answered,
    hashSum: (row.hashrateGhs ?? 0) * row.answered,
    hashN: row.hashrateGhs === null ? 0 : row.answered,
    powerSum: (row.powerW ?? 0) * row.answered,
    powerN: row.powerW === null ? 0 : row.answered,
    powerSource: row.powerSource,
    tempMaxC: row.tempMaxC,
    onlineS: row.onlineS,
    energyWs,
  };
}

export function rowFromAcc(acc: SampleAcc): SampleRow {
  return {
    minerId: acc.minerId,
    at: isoAt(acc.bucketS),
    polls: acc.polls,
    answered: acc.answered,
    hashrateGhs: averageHalfUp(acc.hashSum, acc.hashN),
    powerW: averageHalfUp(acc.powerSum, acc.powerN),
    powerSource: acc.powerSource,
    tempMaxC: acc.tempMaxC,
    onlineS: acc.onlineS,
    energyWh: wattSecondsToWh(acc.energyWs),
  };
}

/** What one poll of one miner adds. `powerW` null = answered but no power known; `answered` false = offline (0 W). */
export type PollReading = {
  answered: boolean;
  hashrateGhs: number | null;
  tempMaxC: number | null;
  powerW: number | null;
  powerSource: PowerSource | null;
};

/**
 * Adds a poll at `nowS` to the accumulators: the poll itself counts in the bucket of `nowS`, the time since
 * the previous poll counts (as online seconds and energy, 0 W when offline) in the buckets it spans.
 * Returns the accumulators it touched. `accFor` creates or loads the accumulator of a bucket.
 */
export function addPoll(accFor: (bucketS: number) => SampleAcc, reading: PollReading, previousS: number | null, nowS: number, intervalS: number): SampleAcc[] {
  const touched: SampleAcc[] = [];
  for (const { bucketS, seconds } of coveredSegments(previousS, nowS, intervalS)) {
    const acc = accFor(bucketS);
    if (reading.answered) {
      acc.onlineS += seconds;
      if (reading.powerW !== null) acc.energyWs += reading.powerW * seconds;
    }
    touched.push(acc);
  }
  const acc = accFor(bucketStartS(nowS));
  acc.polls += 1;
  if (reading.answered) {
    acc.answered += 1;
    if (reading.hashrateGhs !== null) {
      acc.hashSum += reading.hashrateGhs;
      acc.hashN += 1;
    }
    if (reading.powerW !== null) {
      acc.powerSum += reading.powerW;
      acc.powerN += 1;
      acc.powerSource = reading.powerSource;
    }
    if (reading.tempMaxC !== null) acc.tempMaxC = acc.tempMaxC === null ? reading.tempMaxC : Math.max(acc.tempMaxC, reading.tempMaxC);
  }
  if (!touched.includes(acc)) touched.push(acc);
  return touched;
}
