import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAdaptiveTimeout, createRateCap } from './probe-pacing';

afterEach(() => vi.useRealTimers());

describe('adaptive connect timeout', () => {
  it('waits the longest until enough answers came, then a smoothed round trip with room for spread, within bounds', () => {
    const timeout = createAdaptiveTimeout(100, 1_500, 4);
    for (let i = 0; i < 3; i++) timeout.answered(20);
    expect(timeout.currentMs()).toBe(1_500);
    timeout.answered(20);
    expect(timeout.currentMs()).toBe(100); // 20 ms answers: the floor
    for (let i = 0; i < 40; i++) timeout.answered(i % 2 ? 200 : 400);
    expect(timeout.currentMs()).toBeGreaterThan(400);
    expect(timeout.currentMs()).toBeLessThan(1_500);
    for (let i = 0; i < 40; i++) timeout.answered(5_000);
    expect(timeout.currentMs()).toBe(1_500);
  });
});

describe('rate cap', () => {
  it('lets at most the rate through a second, in small bursts', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const cap = createRateCap(200); // bursts of 10
    let allowed = 0;
    for (let i = 0; i < 50; i++) if (cap.take()) allowed += 1;
    expect(allowed).toBe(10);
    expect(cap.waitMs()).toBe(5);
    for (let ms = 0; ms < 1_000; ms += 5) {
      vi.advanceTimersByTime(5);
      while (cap.take()) allowed += 1;
    }
    expect(allowed).toBe(210);
  });
});
