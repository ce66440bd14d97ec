import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import { efficiencyJPerTh } from '../../contract/models';
import { listAudit } from '../audit/audit.service';
import { createModel, listModels, updateModel } from './models.service';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

const create = (raw: Partial<Input<'models.create'>>) =>
  createModel(
    t.db,
    contract['models.create'].input.parse({ make: 'Bitmain', model: 'Antminer S23', nominalHashrateThs: '318', nominalPowerW: 3498, ...raw }),
    actor,
  );

describe('efficiencyJPerTh', () => {
  it('divides watts by TH/s and rounds half up to one decimal, once', () => {
    expect(efficiencyJPerTh(3500, 200_000)).toBe(17.5); // S21: exact
    expect(efficiencyJPerTh(3250, 95_000)).toBe(34.2); // S19: 34.2105…
    expect(efficiencyJPerTh(3068, 104_000)).toBe(29.5); // S19j Pro: exactly 29.5
    expect(efficiencyJPerTh(17, 1_200)).toBe(14.2); // Bitaxe Gamma: 14.1666…
    expect(efficiencyJPerTh(1, 20_000)).toBe(0.1); // 0.05 rounds up
    expect(efficiencyJPerTh(1, 20_001)).toBe(0); // 0.0499… rounds down
  });
});

describe('model catalogue', () => {
  it('holds the common models after the migrations, with their nominal figures', () => {
    const all = listModels(t.db, { search: '' });
    expect(all).toHaveLength(16);
    expect(all.find((m) => m.model === 'Antminer S21 Hydro')).toMatchObject({
      make: 'Bitmain',
      nominalHashrateGhs: 335_000,
      nominalHashrateThs: '335',
      nominalPowerW: 5360,
      efficiencyJPerTh: 16,
      algorithm: 'SHA-256',
      cooling: 'hydro',
    });
    expect(all.find((m) => m.model === 'Bitaxe Supra')).toMatchObject({ nominalHashrateThs: '0.6', nominalPowerW: 15, efficiencyJPerTh: 25 });
    expect(listModels(t.db, { search: 'whatsMINER m60' }).map((m) => m.model)).toEqual(['Whatsminer M60', 'Whatsminer M60S']);
    expect(listModels(t.db, { search: 'canaan' })).toHaveLength(2);
    expect(listModels(t.db, { search: '%' })).toEqual([]);
  });

  it('creates and edits a model with audit rows, keeping TH/s exact', () => {
    const model = create({ nominalHashrateThs: '318.5', cooling: 'immersion' });
    expect(model).toMatchObject({ nominalHashrateGhs: 318_500, nominalHashrateThs: '318.5', efficiencyJPerTh: 11, algorithm: 'SHA-256' });
    const edited = updateModel(
      t.db,
      { id: model.id, make: 'Bitmain', model: 'Antminer S23', nominalHashrateThs: '0.001', nominalPowerW: 1, algorithm: 'SHA-256', cooling: 'air' },
      actor,
    );
    expect(edited).toMatchObject({ nominalHashrateGhs: 1, efficiencyJPerTh: 1000 });
    const rows = listAudit(t.db, { entity: 'miner_model', limit: 10, offset: 0 }).rows;
    expect(rows.map((r) => r.action)).toEqual(['model.updated', 'model.created']);
    expect(rows[0]).toMatchObject({ before: { nominalHashrateGhs: 318_500 }, after: { nominalHashrateGhs: 1 } });
  });

  it('refuses a make and model the catalogue has, in any case', () => {
    expect(() => create({ make: 'bitmain', model: 'ANTMINER S21' })).toThrow(/already has Bitmain Antminer S21 \(#\d+\)/);
    const model = create({});
    expect(() =>
      updateModel(
        t.db,
        { ...contract['models.update'].input.parse({ id: model.id, make: 'Bitmain', model: 'Antminer S19', nominalHashrateThs: '95', nominalPowerW: 3250 }) },
        actor,
      ),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT', fields: { model: 'is taken' } }));
    expect(() =>
      updateModel(t.db, { id: 999, make: 'X', model: 'Y', nominalHashrateThs: '1', nominalPowerW: 1, algorithm: 'SHA-256', cooling: 'air' }, actor),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('explains bad hashrate and power', () => {
    const issues = contract['models.create'].input.safeParse({ make: 'X', model: 'Y', nominalHashrateThs: '0.0005', nominalPowerW: 0.5, cooling: 'oil' }).error
      ?.issues;
    expect(issues?.map((i) => i.path[0]).sort()).toEqual(['cooling', 'nominalHashrateThs', 'nominalPowerW']);
    expect(contract['models.create'].input.safeParse({ make: 'X', model: 'Y', nominalHashrateThs: '0', nominalPowerW: 10 }).success).toBe(false);
  });
});
