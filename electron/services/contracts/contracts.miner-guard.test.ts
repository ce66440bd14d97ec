import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { miners } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { activeWith, openContractsDb, testNow, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { contract, type Input } from '../../contract';
import { massEditMiners } from '../miners/miners.edit';
import { updateMinerRecord } from '../miners/miners.records';
import { releaseEquipment } from './contracts.equipment';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

const massEdit = (raw: Input<'miners.massEdit'>) => massEditMiners(w.db, contract['miners.massEdit'].input.parse(raw), actor, testNow);
const update = (raw: Input<'miners.update'>) => updateMinerRecord(w.db, contract['miners.update'].input.parse(raw), actor);
const stateOf = (id: number) => w.db.select({ clientId: miners.clientId, state: miners.state }).from(miners).where(eq(miners.id, id)).get();

/** Acme's two miners under a Hosted contract in force until 2035, so the real clock of `miners.update` is inside it. */
const hostedForYears = () =>
  activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, term: 'custom', startsAt: '2026-03-01', endsAt: '2035-01-01' }, [
    w.miners.acme1.id,
    w.miners.acme2.id,
  ]);

describe('miners held by a contract', () => {
  it('are not moved to another client by a mass edit, naming the contract, its miners and the way out; nothing changes', () => {
    const hosted = hostedForYears();
    const before = [stateOf(w.miners.acme1.id), stateOf(w.miners.acme2.id), stateOf(w.miners.stock1.id)];
    expect(() => massEdit({ minerIds: [w.miners.acme1.id, w.miners.acme2.id, w.miners.stock1.id], changes: { clientId: w.boreal.id } })).toThrow(
      `Miners A-1, A-2 are under Hosted contract ${hosted.number} until 1 Jan 2035: a miner under a contract cannot go to another client. ` +
        `Release them from ${hosted.number} first (the contract's Equipment section), then try again. Nothing was changed.`,
    );
    expect([stateOf(w.miners.acme1.id), stateOf(w.miners.acme2.id), stateOf(w.miners.stock1.id)]).toEqual(before);
  });

  it('are not retired, by a mass edit or one by one, but may go away for repair', () => {
    const hosted = hostedForYears();
    expect(() => massEdit({ minerIds: [w.miners.acme1.id], changes: { state: 'retired' } })).toThrow(
      `Miner A-1 is under Hosted contract ${hosted.number} until 1 Jan 2035: a miner under a contract cannot be retired.`,
    );
    expect(() => update({ id: w.miners.acme2.id, state: 'retired' })).toThrow(/cannot be retired/);
    expect(() => update({ id: w.miners.acme2.id, clientId: null })).toThrow(/cannot go to another client/);
    massEdit({ minerIds: [w.miners.acme1.id], changes: { state: 'rma' } });
    expect(stateOf(w.miners.acme1.id)).toEqual({ clientId: w.acme.id, state: 'rma' });
  });

  it('change freely once released from the contract, and edits that keep the client pass meanwhile', () => {
    const hosted = hostedForYears();
    massEdit({ minerIds: [w.miners.acme1.id, w.miners.acme2.id], changes: { paid: false, notes: 'rack B' } });
    releaseEquipment(w.db, { contractId: hosted.id, minerIds: [w.miners.acme1.id] }, actor, testNow);
    massEdit({ minerIds: [w.miners.acme1.id], changes: { clientId: w.boreal.id } });
    expect(stateOf(w.miners.acme1.id)).toEqual({ clientId: w.boreal.id, state: 'assigned' });
    expect(() => massEdit({ minerIds: [w.miners.acme2.id], changes: { clientId: w.boreal.id } })).toThrow(/Miner A-2 is under/);
  });
});
