import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractEquipment, minerClientAssignments, miners } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { activeWith, draft, openContractsDb, testNow, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { assignEquipment, releaseEquipment } from './contracts.equipment';
import { activateContract, terminateContract } from './contracts.lifecycle';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

const history = (minerId: number) =>
  w.db
    .select({ clientId: minerClientAssignments.clientId, fromAt: minerClientAssignments.fromAt, toAt: minerClientAssignments.toAt })
    .from(minerClientAssignments)
    .where(eq(minerClientAssignments.minerId, minerId))
    .orderBy(asc(minerClientAssignments.fromAt))
    .all();
const minerNow = (id: number) => w.db.select({ clientId: miners.clientId, state: miners.state }).from(miners).where(eq(miners.id, id)).get();
const periods = (contractId: number) =>
  w.db
    .select({ minerId: contractEquipment.minerId, siteId: contractEquipment.siteId, fromAt: contractEquipment.fromAt, toAt: contractEquipment.toAt })
    .from(contractEquipment)
    .where(eq(contractEquipment.contractId, contractId))
    .orderBy(asc(contractEquipment.id))
    .all();

describe('equipment under a contract', () => {
  it("puts a draft's miners under it from its start, and with the client only when it is activated", () => {
    const lease = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'lease', fixedMonthlyFee: '9000', startsAt: '2026-03-01' });
    const planned = assignEquipment(w.db, { contractId: lease.id, minerIds: [w.miners.stock1.id, w.miners.staged.id] }, actor, testNow);
    expect(planned.minerCount).toBe(2);
    expect(planned.nominalThs).toBe('400'); // two S21s of 200 TH/s
    expect(minerNow(w.miners.stock1.id)).toEqual({ clientId: null, state: 'unassigned' });
    const active = activateContract(w.db, lease.id, actor, testNow);
    expect(active.number).toBe('HD-2026-0001');
    expect(periods(lease.id)).toEqual([
      { minerId: w.miners.stock1.id, siteId: null, fromAt: '2026-03-01T05:00:00.000Z', toAt: null },
      { minerId: w.miners.staged.id, siteId: null, fromAt: '2026-03-01T05:00:00.000Z', toAt: null },
    ]);
    // Back-dated to the contract's start, before today.
    expect(history(w.miners.stock1.id)).toEqual([{ clientId: w.acme.id, fromAt: '2026-03-01T05:00:00.000Z', toAt: null }]);
    expect(minerNow(w.miners.staged.id)).toEqual({ clientId: w.acme.id, state: 'assigned' });
  });

  it("back-dates a Hosted miner's assignment to the contract's start when the client's row began later", () => {
    const before = history(w.miners.acme1.id);
    expect(before).toHaveLength(1);
    expect(before[0].fromAt > '2026-01-01').toBe(true);
    activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2025-06-01', term: '2y' }, [w.miners.acme1.id]);
    expect(history(w.miners.acme1.id)).toEqual([{ clientId: w.acme.id, fromAt: '2025-06-01T04:00:00.000Z', toAt: null }]);
  });

  it('refuses an overlap naming the other contract, retired and RMA miners, and another client’s miners; nothing is saved', () => {
    const first = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-01-01', term: '1y' }, [w.miners.acme1.id]);
    const second = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-12-01', term: '1y' });
    assignEquipment(w.db, { contractId: second.id, minerIds: [w.miners.acme1.id] }, actor, testNow);
    expect(() => activateContract(w.db, second.id, actor, testNow)).toThrow(
      `Miner A-1 is already under Hosted contract ${first.number} from 1 Jan 2026 to 1 Jan 2027: a miner is under one contract at a time. Release it from ${first.number} first, or choose dates that do not overlap.`,
    );
    const lease = draft(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'lease', fixedMonthlyFee: '100' });
    expect(() => assignEquipment(w.db, { contractId: lease.id, minerIds: [w.miners.retired.id, w.miners.rma.id, w.miners.acme2.id] }, actor, testNow)).toThrow(
      'Miner A-2 belongs to Client #1 "Acme Hashing"; R-1 is retired; R-2 is away for repair (RMA). Retired or RMA miners cannot go under a contract. A Lease takes the facility\'s own stock (staged or unassigned miners).',
    );
    expect(periods(lease.id)).toEqual([]);
  });

  it('lets a miner move to a later contract once the earlier one released it (half-open periods touch, never overlap)', () => {
    const first = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-01-01', term: '1y' }, [w.miners.acme1.id]);
    releaseEquipment(w.db, { contractId: first.id, minerIds: [w.miners.acme1.id], at: '2026-03-05' }, actor, testNow);
    const second = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-03-05', term: 'm2m', noticeDays: 7 }, [w.miners.acme1.id]);
    expect(second.status).toBe('active');
    expect(periods(first.id)[0].toAt).toBe('2026-03-05T05:00:00.000Z');
    expect(periods(second.id)[0].fromAt).toBe('2026-03-05T05:00:00.000Z');
  });

  it('adds a miner to an active contract from a given instant, and refuses a release in the future', () => {
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id }, [w.miners.acme1.id]);
    const more = assignEquipment(w.db, { contractId: hosted.id, minerIds: [w.miners.stock2.id], from: '2026-03-05T12:00' }, actor, testNow);
    expect(more.minerCount).toBe(2);
    expect(history(w.miners.stock2.id)).toEqual([{ clientId: w.acme.id, fromAt: '2026-03-05T17:00:00.000Z', toAt: null }]);
    expect(() => releaseEquipment(w.db, { contractId: hosted.id, minerIds: [w.miners.stock2.id], at: '2026-04-01' }, actor, testNow)).toThrow(
      'A release takes effect now or at a past moment. To end the whole contract later, terminate it with that date.',
    );
    expect(() => assignEquipment(w.db, { contractId: hosted.id, minerIds: [w.miners.stock1.id], from: '2025-12-01' }, actor, testNow)).toThrow(
      /is outside Hosted contract/,
    );
  });

  it('releases at the termination instant: Lease miners back to unassigned stock, Hosted miners stay with the client', () => {
    const lease = activeWith(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'lease', fixedMonthlyFee: '100', startsAt: '2026-02-01' }, [
      w.miners.stock1.id,
    ]);
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-02-01' }, [w.miners.acme1.id]);
    const ended = terminateContract(w.db, { id: lease.id, endsAt: '2026-03-09T18:30', reason: 'Client moved out' }, actor, testNow);
    expect(ended).toMatchObject({
      status: 'terminated',
      terminatedAt: '2026-03-09T22:30:00.000Z',
      endsAt: '2026-03-09T22:30:00.000Z',
      terminationReason: 'Client moved out',
      minerCount: 1,
    });
    expect(periods(lease.id)).toEqual([{ minerId: w.miners.stock1.id, siteId: null, fromAt: '2026-02-01T05:00:00.000Z', toAt: '2026-03-09T22:30:00.000Z' }]);
    expect(history(w.miners.stock1.id)).toEqual([{ clientId: w.boreal.id, fromAt: '2026-02-01T05:00:00.000Z', toAt: '2026-03-09T22:30:00.000Z' }]);
    expect(minerNow(w.miners.stock1.id)).toEqual({ clientId: null, state: 'unassigned' });
    terminateContract(w.db, { id: hosted.id, endsAt: '2026-03-10', reason: 'Moved to a new contract' }, actor, testNow);
    expect(periods(hosted.id)[0].toAt).toBe('2026-03-10T04:00:00.000Z');
    expect(minerNow(w.miners.acme1.id)).toEqual({ clientId: w.acme.id, state: 'assigned' });
  });

  it('puts whole sites under an O&M contract and refuses the same site on two at once', () => {
    const om = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'om', fixedMonthlyFee: '5000' });
    expect(() => assignEquipment(w.db, { contractId: om.id, minerIds: [w.miners.acme1.id] }, actor, testNow)).toThrow('O&M contracts take sites, not miners.');
    const withSite = assignEquipment(w.db, { contractId: om.id, siteIds: [w.site.id] }, actor, testNow);
    expect(withSite).toMatchObject({ siteCount: 1, minerCount: 6, nominalThs: '1200' }); // the retired one does not count
    activateContract(w.db, om.id, actor, testNow);
    const other = draft(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'om', fixedMonthlyFee: '5000' });
    assignEquipment(w.db, { contractId: other.id, siteIds: [w.site.id] }, actor, testNow);
    expect(() => activateContract(w.db, other.id, actor, testNow)).toThrow(/^Site "Midland" is already under O&M contract HD-2026-0001/);
  });
});
