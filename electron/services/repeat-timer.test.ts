import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repeatAfterEach } from './repeat-timer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('repeatAfterEach', () => {
  it('runs after the first delay, then the interval after each run has ended, and not after stop', async () => {
    const starts: number[] = [];
    let finish: () => void = () => {};
    const repeat = repeatAfterEach(
      5_000,
      60_000,
      () => {
        starts.push(Date.now());
        return new Promise<void>((resolve) => (finish = resolve));
      },
      (error) => {
        throw error;
      },
    );
    const t0 = Date.now();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([t0 + 5_000]);
    await vi.advanceTimersByTimeAsync(120_000); // the run is still going: no second start
    expect(starts).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts).toEqual([t0 + 5_000, t0 + 185_000]);
    repeat.stop();
    finish();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(starts).toHaveLength(2);
  });

  it('hands a failed run to onError and goes on', async () => {
    let runs = 0;
    const errors: unknown[] = [];
    const repeat = repeatAfterEach(
      0,
      1_000,
      () => {
        runs += 1;
        throw new Error(`boom ${runs}`);
      },
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(2_500);
    expect(runs).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom 1', 'boom 2', 'boom 3']);
    repeat.stop();
  });
});
