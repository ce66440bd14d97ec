import { describe, expect, it } from 'vitest';
import { readRowValues } from './import.cells';

describe('import cells', () => {
  it('refuses IPs no single miner can have, with the same sentence as the miner form', () => {
    expect(readRowValues(['0.0.0.0'], ['ip']).errors).toEqual(['IP "0.0.0.0" is in 0.0.0.0/8, which means "this network", not a device']);
    expect(readRowValues(['255.255.255.255'], ['ip']).errors).toEqual(['IP "255.255.255.255" is the broadcast address, not one device']);
    expect(readRowValues(['010.000.007.021'], ['ip'])).toMatchObject({ values: { ip: '10.0.7.21' }, errors: [] });
  });
});
