import { describe, expect, it } from 'vitest';
import { countText, efficiencyText, fleetHashrateText, kwText, percentOf } from './dashboard-format';

describe('dashboard figures', () => {
  it('writes a hashrate in the largest unit that keeps it at 1 or more', () => {
    expect(fleetHashrateText(0)).toBe('0.0 TH/s');
    expect(fleetHashrateText(845_249)).toBe('845.2 TH/s');
    expect(fleetHashrateText(12_480_000)).toBe('12.48 PH/s');
    expect(fleetHashrateText(1_234_567_000)).toBe('1.23 EH/s');
    expect(fleetHashrateText(999_999)).toBe('1,000.0 TH/s');
  });

  it('writes power as kW with one decimal, grouped by thousands', () => {
    expect(kwText(0)).toBe('0.0 kW');
    expect(kwText(3_450)).toBe('3.5 kW');
    expect(kwText(1_234_549)).toBe('1,234.5 kW');
  });

  it('writes the fleet efficiency in joules per terahash', () => {
    expect(efficiencyText(7_927_500, 390_370_000)).toBe('20.3 J/TH');
    expect(efficiencyText(3_500, 200_000)).toBe('17.5 J/TH');
  });

  it('counts with the noun in the singular or plural, and shares as whole percents', () => {
    expect(countText(1, 'miner')).toBe('1 miner');
    expect(countText(12_040, 'miner')).toBe('12,040 miners');
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 0)).toBe(0);
  });
});
