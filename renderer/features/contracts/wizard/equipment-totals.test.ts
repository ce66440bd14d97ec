import { describe, expect, it } from 'vitest';
import { addTotals, capShare, totalsOf } from './equipment-totals';

describe('equipment totals', () => {
  it('sums nominal TH/s and kW exactly, skipping unknown figures', () => {
    const rows = [
      { nominalHashrateThs: '0.1', nominalPowerW: 3250 },
      { nominalHashrateThs: '0.2', nominalPowerW: null },
      { nominalHashrateThs: null, nominalPowerW: 3500 },
    ];
    expect(totalsOf(rows)).toEqual({ count: 3, nominalThs: '0.3', nominalKw: '6.75' });
  });

  it('adds what the contract holds to what is selected', () => {
    expect(addTotals({ count: 2, nominalThs: '400', nominalKw: '7' }, { count: 1, nominalThs: '0.5', nominalKw: '3.25' })).toEqual({
      count: 3,
      nominalThs: '400.5',
      nominalKw: '10.25',
    });
  });

  it('measures the cap used, capped at a full bar', () => {
    expect(capShare('25', '50')).toBe(50);
    expect(capShare('75', '50')).toBe(100);
    expect(capShare('75', null)).toBeNull();
  });
});
