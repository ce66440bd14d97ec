import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../../tests/helpers/temp-db';
import { createMiner } from '../miners.service';
import { loadImportContext } from './import.context';

let t: TempDb;
beforeEach(() => {
  t = openTempDb();
});
afterEach(() => t.close());

const add = (assetId: string) => createMiner(t.db, { assetId, make: 'Bitmain', model: 'Antminer S21' }, actor);

describe('loadImportContext', () => {
  it('finds miners by asset ID in any case and names them by id', () => {
    const miner = add('B-0042');
    const ctx = loadImportContext(t.db, actor);
    expect(ctx.minerIdByAsset('b-0042')).toBe(miner.id);
    expect(ctx.minerIdByAsset('B-43')).toBeNull();
    expect(ctx.assetIdOf(miner.id)).toBe('B-0042');
    expect(ctx.assetIdOf(miner.id + 100)).toBe(`miner #${miner.id + 100}`);
  });
});
