import { describe, expect, it } from 'vitest';
import { energyDelta, spreadOverHours } from './energy-delta';

const H = 3600;
const t0 = 1_780_000_200;
const rules = { maxWh: 429_496_729_600, maxGapS: 900, maxPowerW: 20_000 };

describe('spreadOverHours', () => {
  it('gives each hour its share in whole Wh and loses nothing', () => {
    const from = 10 * H - 60; // 60 s in the first hour, 1 h in the second, 30 s in the third
    const slices = spreadOverHours(1001, from, 11 * H + 30);
    expect(slices.map((s) => s.hourS)).toEqual([9 * H, 10 * H, 11 * H]);
    expect(slices.map((s) => s.coveredS)).toEqual([60, 3600, 30]);
    expect(slices.reduce((sum, s) => sum + s.energyWh, 0)).toBe(1001);
    // cumulative: floor(1001·60/3690) = 16, floor(1001·3660/3690) = 992, 1001; each within 1 Wh of 16.28, 976.59, 8.14
    expect(slices.map((s) => s.energyWh)).toEqual([16, 976, 9]);
  });

  it('keeps a delta inside one hour in that hour', () => {
    expect(spreadOverHours(7, 5 * H + 10, 5 * H + 70)).toEqual([{ hourS: 5 * H, energyWh: 7, coveredS: 60 }]);
  });
});

describe('energyDelta', () => {
  it('counts ordinary growth without events', () => {
    const d = energyDelta({ wh: 1_000, atS: t0 }, { wh: 1_050, atS: t0 + 60 }, rules);
    expect(d.deltaWh).toBe(50);
    expect(d.events).toEqual([]);
    expect(d.slices.reduce((sum, s) => sum + s.coveredS, 0)).toBe(60);
  });

  it('reads a counter that went back as a reset and counts its new value as energy since the reset', () => {
    const d = energyDelta({ wh: 5_000_000, atS: t0 }, { wh: 120, atS: t0 + 60 }, rules);
    expect(d.deltaWh).toBe(120);
    expect(d.events).toEqual([{ kind: 'reset', countedWh: 120 }]);
  });

  it('counts nothing after a reset to an implausible value (a replaced meter), never negative', () => {
    const d = energyDelta({ wh: 5_000_000, atS: t0 }, { wh: 4_000_000, atS: t0 + 60 }, rules);
    expect(d.deltaWh).toBe(0);
    expect(d.events).toEqual([{ kind: 'reset', countedWh: 0 }]);
  });

  it('reads a wrap near the top as a rollover and counts across it', () => {
    const max = rules.maxWh;
    const d = energyDelta({ wh: max - 200, atS: t0 }, { wh: 100, atS: t0 + 60 }, rules);
    expect(d.deltaWh).toBe(300);
    expect(d.events).toEqual([{ kind: 'rollover', countedWh: 300 }]);
  });

  it('calls a fall a reset when the wrap would need more power than the bound', () => {
    const max = rules.maxWh;
    // 1 MWh in 60 s would be 60 MW: not a wrap at 20 kW
    const d = energyDelta({ wh: max - 1_000_000, atS: t0 }, { wh: 10, atS: t0 + 60 }, rules);
    expect(d.events[0].kind).toBe('reset');
    expect(d.deltaWh).toBe(10);
  });

  it('treats a fall as a reset when the counter does not wrap', () => {
    const d = energyDelta({ wh: 1_000, atS: t0 }, { wh: 10, atS: t0 + 60 }, { ...rules, maxWh: null });
    expect(d.events).toEqual([{ kind: 'reset', countedWh: 10 }]);
  });

  it('marks a gap: the measured delta goes to the hour it ends in, its time is not covered', () => {
    const from = 10 * H + 100;
    const to = 12 * H + 300;
    const d = energyDelta({ wh: 1_000, atS: from }, { wh: 9_000, atS: to }, rules);
    expect(d.events).toEqual([{ kind: 'gap', countedWh: 8_000 }]);
    expect(d.slices).toEqual([{ hourS: 12 * H, energyWh: 8_000, coveredS: 0 }]);
  });

  it('credits a gap that ends exactly on the hour to the hour before', () => {
    const d = energyDelta({ wh: 0, atS: 10 * H }, { wh: 500, atS: 12 * H }, rules);
    expect(d.slices).toEqual([{ hourS: 11 * H, energyWh: 500, coveredS: 0 }]);
  });

  it('records both a reset and a gap when the counter went back during a gap', () => {
    const d = energyDelta({ wh: 1_000_000, atS: t0 }, { wh: 4_000, atS: t0 + 2 * H }, rules);
    expect(d.events.map((e) => e.kind)).toEqual(['reset', 'gap']);
    expect(d.deltaWh).toBe(4_000);
  });

  it('counts nothing for a jump forward no load could make, and says so', () => {
    const d = energyDelta({ wh: 1_000, atS: t0 }, { wh: 900_000, atS: t0 + 60 }, rules);
    expect(d.deltaWh).toBe(0);
    expect(d.events).toEqual([{ kind: 'reset', countedWh: 0 }]);
  });

  it('ignores a reading that is not newer', () => {
    expect(energyDelta({ wh: 10, atS: t0 }, { wh: 20, atS: t0 }, rules)).toEqual({ deltaWh: 0, slices: [], events: [] });
    expect(energyDelta({ wh: 10, atS: t0 }, { wh: 5, atS: t0 - 60 }, rules).deltaWh).toBe(0);
  });
});
