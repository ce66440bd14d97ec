import { describe, expect, it } from 'vitest';
import { hashrateText } from './miner-format';

describe('hashrateText', () => {
  it('shows the live figure to one decimal beside the nominal one', () => {
    expect(hashrateText({ live: { hashrateThs: '204.579' } as never, nominalHashrateThs: '200' })).toBe('204.6/200 TH/s');
    expect(hashrateText({ live: { hashrateThs: '127' } as never, nominalHashrateThs: '130' })).toBe('127/130 TH/s');
  });
  it('says — until the miner was polled', () => {
    expect(hashrateText({ live: null, nominalHashrateThs: '200' })).toBe('—/200 TH/s');
  });
});
