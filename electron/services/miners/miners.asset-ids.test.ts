import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { assetIdAllocator, facilityAssetSeries, nextAssetId } from './miners.asset-ids';
import { createMiner } from './miners.service';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

const add = (...assetIds: string[]) => assetIds.forEach((assetId) => createMiner(t.db, { assetId, make: 'Bitmain', model: 'Antminer S21' }, actor));

describe("the facility's asset ID series", () => {
  it("starts the app's own series in an inventory without numbered asset IDs", () => {
    expect(nextAssetId(t.db)).toBe('M-000001');
    add('SPARE');
    expect(nextAssetId(t.db)).toBe('M-000001');
  });

  it('continues the prefix most miners share, padded as they are, after its highest number in any case', () => {
    add('NW-00001', 'NW-00002', 'nw-00041', 'M-000900', 'SPARE-7', 'NW-x');
    expect(facilityAssetSeries(t.db)).toEqual({ prefix: 'NW-', digits: 5, highest: 41 });
    expect(nextAssetId(t.db)).toBe('NW-00042');
  });

  it('grows past its padding and hands out consecutive IDs to a batch', () => {
    add('B-98', 'B-99');
    const next = assetIdAllocator(t.db);
    expect([next(), next(), next()]).toEqual(['B-100', 'B-101', 'B-102']);
  });
});
