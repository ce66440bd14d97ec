import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor } from '../../../tests/helpers/client-fixtures';
import { activeWith, draft, openContractsDb, testNow, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { contract, type Input } from '../../contract';
import { equipmentCandidates, siteCandidates } from './contracts.candidates';
import { assignEquipment } from './contracts.equipment';
import { terminateContract } from './contracts.lifecycle';
import { listContracts } from './contracts.list';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

const list = (input: Partial<Input<'contracts.list'>>) => listContracts(w.db, contract['contracts.list'].input.parse(input), testNow);
const refs = (input: Partial<Input<'contracts.list'>>) => list(input).rows.map((r) => r.reference);

describe('contracts.list', () => {
  it('filters by type, status, client, site, search and expiry, counts per status and pages in a stable order', () => {
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-01-01', term: '1y' }, [w.miners.acme1.id]); // notice from 2 Nov
    const lease = activeWith(w.db, { clientId: w.boreal.id, siteId: w.other.id, type: 'lease', term: '3m', fixedMonthlyFee: '50', startsAt: '2026-02-01' }, [
      w.miners.stock1.id,
    ]); // ends 1 May: expiring
    const ended = activeWith(w.db, { clientId: w.boreal.id, siteId: w.site.id, term: '1y', startsAt: '2026-02-01' }, [w.miners.stock2.id]);
    terminateContract(w.db, { id: ended.id, endsAt: '2026-02-20', reason: 'Test' }, actor, testNow);
    const plan = draft(w.db, { clientId: w.acme.id, siteId: w.site.id });

    const all = list({});
    expect(all.total).toBe(4);
    expect(all.statusCounts).toEqual({ draft: 1, active: 1, expiring: 1, renewed: 0, ended: 0, terminated: 1 });
    expect(all.rows.map((r) => r.id)).toEqual([plan.id, ended.id, lease.id, hosted.id]); // newest first by default
    expect(refs({ type: 'lease' })).toEqual([lease.reference]);
    expect(refs({ status: ['active', 'expiring'], sort: 'reference', dir: 'asc' })).toEqual([hosted.reference, lease.reference]);
    expect(list({ status: 'draft' }).statusCounts.active).toBe(1); // the counts ignore the status filter
    expect(refs({ clientId: w.boreal.id, sort: 'id', dir: 'asc' })).toEqual([lease.reference, ended.reference]);
    expect(refs({ siteId: [w.other.id] })).toEqual([lease.reference]);
    expect(refs({ search: 'tokyo' })).toEqual([lease.reference]);
    expect(refs({ search: hosted.number!.slice(-4) })).toEqual([hosted.reference]);
    expect(refs({ expiringWithinDays: 60 })).toEqual([lease.reference]);
    expect(refs({ noticeDueWithinDays: 0 })).toEqual([lease.reference]);
    expect(refs({ noticeDueWithinDays: 240 })).toEqual([lease.reference, hosted.reference]);
    expect(list({ sort: 'endsAt', dir: 'asc', limit: 2 }).rows.map((r) => r.id)).toEqual([ended.id, lease.id]);
    expect(list({ limit: 2, offset: 2, sort: 'endsAt', dir: 'asc' }).rows.map((r) => r.id)).toEqual([hosted.id, plan.id]);
    const row = all.rows.find((r) => r.id === lease.id)!;
    expect(row).toMatchObject({
      client: { name: 'Boreal' },
      site: { name: 'Tokyo' },
      timeZone: 'Asia/Tokyo',
      minerCount: 1,
      nominalThs: '200',
      nominalKw: '3.5',
    });
  });
});

describe("the wizard's equipment step", () => {
  it("scopes a Lease to stock and a Hosted contract to the client's miners, explains blocked rows and totals the matches", () => {
    const lease = draft(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'lease', fixedMonthlyFee: '50' });
    const stock = equipmentCandidates(w.db, contract['contracts.equipmentCandidates'].input.parse({ contractId: lease.id }), testNow);
    expect(stock.rows.map((r) => r.assetId)).toEqual(['S-1', 'S-2', 'S-3']);
    expect(stock.matching).toEqual({ count: 3, nominalThs: '600', nominalKw: '10.5' });
    activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'lease', fixedMonthlyFee: '50', startsAt: '2026-01-01' }, [w.miners.stock1.id]);
    assignEquipment(w.db, { contractId: lease.id, minerIds: [w.miners.stock2.id] }, actor, testNow);
    const everything = equipmentCandidates(
      w.db,
      contract['contracts.equipmentCandidates'].input.parse({
        contractId: lease.id,
        clientIds: [w.acme.id, 'unassigned'],
        states: ['unassigned', 'assigned', 'retired'],
      }),
      testNow,
    );
    expect(everything.blocked).toEqual({
      [w.miners.acme1.id]: 'A-1 belongs to Client #1 "Acme Hashing".',
      [w.miners.acme2.id]: 'A-2 belongs to Client #1 "Acme Hashing".',
      [w.miners.stock1.id]: 'S-1 belongs to Client #1 "Acme Hashing".',
      [w.miners.retired.id]: 'R-1 is retired.',
    });
    expect(everything.onThisContract).toEqual([w.miners.stock2.id]);
    expect(everything.contract).toEqual({ count: 1, nominalThs: '200', nominalKw: '3.5', powerCapKw: null });
    const hosted = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-02-01' });
    const own = equipmentCandidates(w.db, contract['contracts.equipmentCandidates'].input.parse({ contractId: hosted.id }), testNow);
    expect(own.rows.map((r) => r.assetId)).toEqual(['A-1', 'A-2', 'S-1']);
    expect(own.blocked[w.miners.stock1.id]).toBe('Under Lease contract HD-2026-0001 until 1 Jan 2027.');
    const om = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'om', fixedMonthlyFee: '1' });
    expect(siteCandidates(w.db, om.id, testNow)).toEqual([
      { id: w.site.id, name: 'Midland', minerCount: 6, nominalThs: '1200', nominalKw: '21', onContract: null },
      { id: w.other.id, name: 'Tokyo', minerCount: 0, nominalThs: '0', nominalKw: '0', onContract: null },
    ]);
  });
});
