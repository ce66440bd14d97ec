import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';

let t: DispatchDb['t'];
let run: DispatchDb['run'];
let fleet: Fleet;
beforeEach(() => {
  ({ t, run } = openDispatchDb());
  fleet = makeFleet(t.db);
});
afterEach(() => t.close());

describe('miners procedures through dispatch', () => {
  it('mass-edits the miners a filter selects, lists them, and undoes it', async () => {
    const edited = await run('miners.massEdit', { filter: { clientIds: ['unassigned'] }, changes: { clientEmail: 'it@boreal.no', paid: false } });
    expect(edited).toMatchObject({ ok: true, value: { changed: 1 } });
    const listed = await run('miners.list', { clientIds: [fleet.boreal.id], paid: false });
    expect(listed).toMatchObject({ ok: true, value: { total: 1, rows: [{ assetId: 'SPARE-1', client: { name: 'Boreal' } }] } });
    const undoToken = edited.ok ? (edited.value as { undoToken: string }).undoToken : '';
    expect(await run('miners.massEdit.undo', { undoToken })).toEqual({ ok: true, value: { restored: 1 } });
    expect(await run('miners.get', { id: fleet.miners[4].id })).toMatchObject({ ok: true, value: { client: null, paid: true, auditCount: 3 } });
  });

  it('explains bad input and a missing miner in plain words', async () => {
    expect(await run('miners.massEdit', { minerIds: [], changes: { paid: true } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Miners: choose at least one miner.' },
    });
    expect(await run('miners.massEdit', { minerIds: [fleet.miners[0].id, 4242], changes: { paid: false } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Miner #4242 no longer exists, so nothing was changed. Refresh the miners list and try again.' },
    });
    expect(await run('miners.list', { limit: 5000 })).toMatchObject({ ok: false, error: { message: 'Limit: must be at most 1000.' } });
  });
});
