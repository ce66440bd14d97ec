import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractEquipment, minerClientAssignments, miners } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { activeWith, draft, openContractsDb, testNow, localText, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { updateSettings, getSettings } from '../settings/settings.service';
import { contractTimeline } from './contracts.events';
import { activateContract, extendContract, terminateContract } from './contracts.lifecycle';
import { getContractDetail } from './contracts.read';
import { renewContract, settleDueContracts } from './contracts.renewal';
import { updateContract } from './contracts.create';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

const ny = 'America/New_York';
const local = (iso: string) => localText(iso, ny);
const chain = (id: number): string[] => {
  const out: string[] = [];
  for (let at: number | undefined = id; at !== undefined;) {
    const c = getContractDetail(w.db, at, testNow);
    out.push(`${c.number} ${c.status} ${local(c.startsAt)}..${local(c.endsAt)}`);
    at = c.renewedTo?.id;
  }
  return out;
};

describe('activation', () => {
  it('gives permanent numbers in order with the prefix from settings, and refuses a draft without the equipment its type needs', () => {
    const empty = draft(w.db, { clientId: w.acme.id, siteId: w.site.id });
    expect(() => activateContract(w.db, empty.id, actor, testNow)).toThrow(
      `Hosted draft ${empty.reference} has no miners yet: a Hosted contract covers miners. Assign at least one before activating it.`,
    );
    const first = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id }, [w.miners.acme1.id]);
    updateSettings(w.db, { ...getSettings(w.db), logo: undefined, contractPrefix: 'NW' }, actor);
    const infinity = draft(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.055', contractedThs: '500' });
    const second = activateContract(w.db, infinity.id, actor, testNow); // Infinity: active at once, no equipment
    expect([first.number, second.number]).toEqual(['HD-2026-0001', 'NW-2026-0002']);
    expect(second).toMatchObject({ status: 'active', reference: 'NW-2026-0002', draftReference: infinity.reference, activatedAt: testNow.toISOString() });
    expect(() => activateContract(w.db, infinity.id, actor, testNow)).toThrow(
      'Infinity contract NW-2026-0002 is already active; only a draft can be activated.',
    );
  });

  it('enters a contract that began before the facility used Hashdesk with its true dates (the issue’s example)', () => {
    const c = activeWith(
      w.db,
      { clientId: w.acme.id, siteId: w.site.id, term: 'custom', startsAt: '2026-03-17', endsAt: '2026-06-10T12:00', noticeDays: 30 },
      [w.miners.acme2.id],
      new Date('2026-04-01T12:00:00Z'),
    );
    expect(c).toMatchObject({
      startsAt: '2026-03-17T04:00:00.000Z',
      endsAt: '2026-06-10T16:00:00.000Z',
      status: 'active',
      noticeBy: '2026-05-11T16:00:00.000Z',
    });
    const settled = settleDueContracts(w.db, new Date('2026-05-12T00:00:00Z'));
    expect(settled).toEqual({ renewed: 0, ended: 0, terminated: 0, expiring: 1 });
    expect(settleDueContracts(w.db, new Date('2026-06-10T16:00:00Z'))).toEqual({ renewed: 0, ended: 1, terminated: 0, expiring: 0 });
    const ended = getContractDetail(w.db, c.id, testNow);
    expect(ended).toMatchObject({ status: 'ended', minerCount: 1 });
    expect(ended.equipment[0].toAt).toBe('2026-06-10T16:00:00.000Z');
    expect(contractTimeline(w.db, c.id).map((e) => [e.kind, local(e.at)])).toEqual([
      ['ended', '2026-06-10 12:00'],
      ['expiring', '2026-05-11 12:00'],
      ['activated', local(new Date('2026-04-01T12:00:00Z').toISOString())],
      ['equipment_assigned', '2026-03-17'],
      ['created', local(new Date('2026-04-01T12:00:00Z').toISOString())],
    ]);
  });
});

describe('extensions', () => {
  it('extends a Lease three times, each recorded with its new end, and refuses the fourth with the reason', () => {
    const lease = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'lease', term: '3m', fixedMonthlyFee: '1000', startsAt: '2026-03-01' }, [
      w.miners.stock1.id,
    ]);
    for (const end of ['2026-07-01', '2026-08-01', '2026-09-30']) extendContract(w.db, { id: lease.id, endsAt: end }, actor, testNow);
    expect(() => extendContract(w.db, { id: lease.id, endsAt: '2026-12-31' }, actor, testNow)).toThrow(
      `Lease contract ${lease.number} was already extended 3 times, the most a lease allows. Renew it or draw up a new lease instead.`,
    );
    const after = getContractDetail(w.db, lease.id, testNow);
    expect(after).toMatchObject({ extensionCount: 3, endsAt: '2026-09-30T04:00:00.000Z', can: { extend: false } });
    expect(
      contractTimeline(w.db, lease.id)
        .filter((e) => e.kind === 'extended')
        .map((e) => e.message),
    ).toEqual([
      'Extended from 1 Aug 2026 to 30 Sept 2026 (extension 3 of 3).',
      'Extended from 1 Jul 2026 to 1 Aug 2026 (extension 2 of 3).',
      'Extended from 1 Jun 2026 to 1 Jul 2026 (extension 1 of 3).',
    ]);
    expect(() => extendContract(w.db, { id: lease.id, endsAt: '2026-09-01' }, actor, testNow)).toThrow(/already extended 3 times/);
  });

  it('refuses an extension that does not move the end later, and brings an Expiring contract back to Active', () => {
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, term: '3m', startsAt: '2026-01-01' }, [w.miners.acme1.id]);
    expect(hosted.status).toBe('expiring'); // ends 1 April, notice window of 60 days opened in January
    expect(() => extendContract(w.db, { id: hosted.id, endsAt: '2026-03-31' }, actor, testNow)).toThrow(
      'An extension must end after the current end, 1 Apr 2026.',
    );
    expect(extendContract(w.db, { id: hosted.id, endsAt: '2027-01-01' }, actor, testNow).status).toBe('active');
  });
});

describe('renewals', () => {
  it('renews month-to-month from 31 January on the last day of each month, catching up after the app was closed', () => {
    const m2m = activeWith(
      w.db,
      { clientId: w.acme.id, siteId: w.site.id, term: 'm2m', startsAt: '2026-01-31', noticeDays: 10 },
      [w.miners.acme1.id],
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(m2m.autoRenew).toBe(true);
    // Closed from 1 February to 10 May: three ends passed (28 Feb, 31 Mar, 30 Apr).
    const outcome = settleDueContracts(w.db, new Date('2026-05-10T12:00:00Z'));
    expect(outcome.renewed).toBe(1);
    expect(chain(m2m.id)).toEqual([
      'HD-2026-0001 renewed 2026-01-31..2026-02-28',
      'HD-2026-0002 renewed 2026-02-28..2026-03-31',
      'HD-2026-0003 renewed 2026-03-31..2026-04-30',
      'HD-2026-0004 active 2026-04-30..2026-05-31',
    ]);
    // The miner's periods touch end to end: billing sees no gap and no overlap.
    const periods = w.db
      .select({ from: contractEquipment.fromAt, to: contractEquipment.toAt })
      .from(contractEquipment)
      .where(eq(contractEquipment.minerId, w.miners.acme1.id))
      .orderBy(asc(contractEquipment.fromAt))
      .all();
    expect(periods.map((p) => [local(p.from), p.to && local(p.to)])).toEqual([
      ['2026-01-31', '2026-02-28'],
      ['2026-02-28', '2026-03-31'],
      ['2026-03-31', '2026-04-30'],
      ['2026-04-30', null],
    ]);
    expect(w.db.select().from(minerClientAssignments).where(eq(minerClientAssignments.minerId, w.miners.acme1.id)).all()).toHaveLength(1);
  });

  it('renews a year from 29 February 2028 to 28 February 2029, and across the spring DST change keeps local midnight', () => {
    const leap = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, term: '1y', startsAt: '2027-02-28', autoRenew: true }, [w.miners.acme1.id]);
    expect(local(leap.endsAt)).toBe('2028-02-28');
    const renewed = renewContract(w.db, leap.id, actor, testNow);
    expect([local(renewed.startsAt), local(renewed.endsAt)]).toEqual(['2028-02-28', '2029-02-28']);
    const february = new Date('2026-02-10T12:00:00Z');
    const dst = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, term: 'm2m', startsAt: '2026-02-08' }, [w.miners.acme2.id], february);
    const next = renewContract(w.db, dst.id, actor, february);
    expect([next.startsAt, next.endsAt]).toEqual(['2026-03-08T05:00:00.000Z', '2026-04-08T04:00:00.000Z']); // 31 days less one hour
    expect(getContractDetail(w.db, dst.id, testNow)).toMatchObject({ status: 'renewed', renewedTo: { id: next.id, reference: next.number } });
    expect(next.renewedFrom).toMatchObject({ id: dst.id, status: 'renewed' });
  });

  it('ends a contract without auto-renew, sending leased miners back to stock at its end instant', () => {
    const lease = activeWith(w.db, { clientId: w.boreal.id, siteId: w.site.id, type: 'lease', term: '3m', fixedMonthlyFee: '1', startsAt: '2026-01-15' }, [
      w.miners.stock2.id,
    ]);
    expect(settleDueContracts(w.db, new Date('2026-04-15T04:00:00.000Z'))).toMatchObject({ ended: 1 });
    expect(w.db.select({ clientId: miners.clientId, state: miners.state }).from(miners).where(eq(miners.id, w.miners.stock2.id)).get()).toEqual({
      clientId: null,
      state: 'unassigned',
    });
    expect(
      w.db.select({ toAt: minerClientAssignments.toAt }).from(minerClientAssignments).where(eq(minerClientAssignments.minerId, w.miners.stock2.id)).get(),
    ).toEqual({
      toAt: '2026-04-15T04:00:00.000Z',
    });
    expect(getContractDetail(w.db, lease.id, testNow).status).toBe('ended');
  });
});

describe('termination', () => {
  it('schedules a termination in the future: still in force, no renewal, closed by the timer at that instant', () => {
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, term: '1y', startsAt: '2026-03-01', autoRenew: true }, [w.miners.acme1.id]);
    const scheduled = terminateContract(w.db, { id: hosted.id, endsAt: '2026-04-30T23:59', reason: 'Client consolidates sites' }, actor, testNow);
    expect(scheduled).toMatchObject({ status: 'expiring', autoRenew: false, terminatedAt: '2026-05-01T03:59:00.000Z', can: { renew: false, extend: false } });
    expect(() => renewContract(w.db, hosted.id, actor, testNow)).toThrow(/is set to end early on 30 Apr 2026, 23:59/);
    settleDueContracts(w.db, new Date('2026-05-01T03:59:00.000Z'));
    expect(getContractDetail(w.db, hosted.id, testNow)).toMatchObject({ status: 'terminated', terminationReason: 'Client consolidates sites' });
    expect(() => terminateContract(w.db, { id: hosted.id, endsAt: '2026-04-01', reason: 'again' }, actor, testNow)).toThrow(
      `Hosted contract ${hosted.number} cannot be terminated: it is terminated and closed; draw up a new contract instead.`,
    );
  });

  it('refuses a termination before the start or after the end, and changes to the price of a contract in force', () => {
    const hosted = activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, term: '1y', startsAt: '2026-03-01' }, [w.miners.acme1.id]);
    expect(() => terminateContract(w.db, { id: hosted.id, endsAt: '2026-02-01', reason: 'x' }, actor, testNow)).toThrow(
      'A termination must come after the start, 1 Mar 2026.',
    );
    expect(() => terminateContract(w.db, { id: hosted.id, endsAt: '2027-06-01', reason: 'x' }, actor, testNow)).toThrow(/ends on 1 Mar 2027 anyway/);
    expect(() => updateContract(w.db, { id: hosted.id, energyRatePerKwh: '0.2' }, actor, testNow)).toThrow(
      `Hosted contract ${hosted.number} is active: its type, client, dates and prices are fixed: extend, renew or terminate it, or draw up a new contract.`,
    );
    // The whole form sent back unchanged, with a new cap and notes, is fine.
    const edited = updateContract(
      w.db,
      { id: hosted.id, energyRatePerKwh: '0.05', startsAt: '2026-03-01', powerCapKw: '3.5', notes: 'Cap agreed by phone' },
      actor,
      testNow,
    );
    expect(edited).toMatchObject({ powerCapKw: '3.5', notes: 'Cap agreed by phone' });
  });
});
