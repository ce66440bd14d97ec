import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, powerDevices } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { draft, openContractsDb, testNow, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { contract } from '../../contract';
import { setClientPrice } from '../clients/clients.pricing';
import { deletePowerDevice } from '../power/power.devices';
import { contractDefaults, deleteDraft, updateContract } from './contracts.create';
import { listContracts } from './contracts.list';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string; fields?: Record<string, string> };
  }
  throw new Error('expected a refusal');
};

describe('drafts', () => {
  it('saves a Hosted draft with a temporary reference, the term end, and the rate in force on the start date', () => {
    setClientPrice(w.db, { clientId: w.acme.id, validFrom: '2026-02-01', energyRatePerKwh: '0.0685', hostingFeePerMinerMonth: null }, actor);
    setClientPrice(w.db, { clientId: w.acme.id, validFrom: '2026-04-01', energyRatePerKwh: '0.07', hostingFeePerMinerMonth: null }, actor);
    const created = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-03-17', depositAmount: '500', notes: 'Rack row 3' });
    expect(created).toMatchObject({
      status: 'draft',
      number: null,
      type: 'hosted',
      term: '1y',
      timeZone: 'America/New_York',
      startsAt: '2026-03-17T04:00:00.000Z',
      endsAt: '2027-03-17T04:00:00.000Z',
      billingMethod: 'metered',
      energyRatePerKwh: '0.0685',
      energyRateSource: 'client',
      currency: 'USD',
      depositAmount: '500.00',
      netDays: 30,
      noticeDays: 60,
      autoRenew: false,
      noticeBy: '2027-01-16T05:00:00.000Z',
      can: { activate: true, deleteDraft: true, extend: false },
    });
    expect(created.reference).toMatch(/^DRAFT-[0-9a-f]{4}$/);
    expect(created.reference).toBe(created.draftReference);
  });

  it("takes the organisation's rate when the client has none, and the start defaults to today 00:00 in the site's zone", () => {
    const created = draft(w.db, { clientId: w.boreal.id, siteId: w.other.id, startsAt: undefined, term: 'm2m' });
    expect(created).toMatchObject({ energyRatePerKwh: '0.05', energyRateSource: 'organisation', timeZone: 'Asia/Tokyo', autoRenew: true });
    expect(created.startsAt).toBe('2026-03-10T15:00:00.000Z'); // 11 March 00:00 in Tokyo
    expect(created.endsAt).toBe('2026-04-10T15:00:00.000Z');
  });

  it('offers the defaults the wizard shows: currency, start, every term end and the rate', () => {
    const defaults = contractDefaults(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-01-31' }, testNow);
    expect(defaults).toMatchObject({
      currency: 'USD',
      timeZone: 'America/New_York',
      energyRatePerKwh: '0.05',
      energyRateSource: 'organisation',
      noticeDays: 60,
    });
    expect(defaults.endsByTerm).toEqual({
      m2m: '2026-02-28T05:00:00.000Z',
      '3m': '2026-04-30T04:00:00.000Z',
      '6m': '2026-07-31T04:00:00.000Z',
      '1y': '2027-01-31T05:00:00.000Z',
      '2y': '2028-01-31T05:00:00.000Z',
      custom: null,
    });
  });

  it('refuses, with a sentence per field and nothing saved: end before start, a term that does not match, too many decimals', () => {
    const before = w.db.select().from(auditLog).all().length;
    const custom = refusal(() => draft(w.db, { clientId: w.acme.id, siteId: w.site.id, term: 'custom', startsAt: '2026-05-01', endsAt: '2026-04-01' }));
    expect(custom).toMatchObject({ code: 'INVALID_INPUT', fields: { endsAt: 'must be after the start' } });
    expect(custom.message).toBe('The end (1 Apr 2026) must be after the start (1 May 2026).');
    const mismatch = refusal(() => draft(w.db, { clientId: w.acme.id, siteId: w.site.id, term: '1y', startsAt: '2026-03-17', endsAt: '2027-04-01' }));
    expect(mismatch.message).toBe('A 1 year term from 17 Mar 2026 ends on 17 Mar 2027, not 1 Apr 2027. Choose the Custom term to set another end.');
    const decimals = refusal(() =>
      draft(w.db, { clientId: w.acme.id, siteId: w.site.id, billingMethod: 'fixed', fixedMonthlyFee: '100.005', depositAmount: '1.5' }),
    );
    expect(decimals).toMatchObject({ fields: { fixedMonthlyFee: 'must have at most 2 decimals in USD' } });
    expect(decimals.message).toBe('The monthly fee 100.005 has more decimals than USD allows (2).');
    expect(listContracts(w.db, contract['contracts.list'].input.parse({})).total).toBe(0);
    expect(w.db.select().from(auditLog).all().length).toBe(before);
  });

  it('refuses a rate of zero or with seven decimals at the boundary', () => {
    const schema = contract['contracts.create'].input;
    const base = { clientId: w.acme.id, siteId: w.site.id, type: 'hosted', term: '1y' };
    expect(schema.safeParse({ ...base, energyRatePerKwh: '0' }).error?.issues[0].message).toBe('must be more than 0 with at most 6 decimals');
    expect(schema.safeParse({ ...base, energyRatePerKwh: '0.0685001' }).success).toBe(false);
    expect(schema.safeParse({ ...base, energyRatePerKwh: '-1' }).success).toBe(false);
    expect(schema.safeParse({ ...base, startsAt: '17/03/2026' }).success).toBe(false);
  });

  it("holds each type to its own fields: Infinity's price and TH/s, O&M's monthly fee, no method for either", () => {
    const infinity = refusal(() => draft(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'infinity', billingMethod: 'metered', powerCapKw: '100' }));
    expect(infinity.fields).toEqual({
      billingMethod: 'is not used by Infinity contracts',
      pricePerThsDay: 'is required',
      contractedThs: 'is required',
      powerCapKw: 'is not used by Infinity contracts',
    });
    const ok = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'infinity', pricePerThsDay: '0.055', contractedThs: '1500.5' });
    expect(ok).toMatchObject({ billingMethod: null, energyRatePerKwh: null, pricePerThsDay: '0.055', contractedThs: '1500.5' });
    const om = refusal(() => draft(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'om' }));
    expect(om.fields).toEqual({ fixedMonthlyFee: 'is required' });
    expect(draft(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'om', fixedMonthlyFee: '12000', hostingFeePerMinerMonth: '4.5' })).toMatchObject({
      fixedMonthlyFee: '12000.00',
      hostingFeePerMinerMonth: '4.50',
    });
    const fixed = refusal(() => draft(w.db, { clientId: w.acme.id, siteId: w.site.id, type: 'lease' }));
    expect(fixed.message).toBe('A fixed-fee contract needs a monthly fee, a fee per miner, or both.');
  });

  it('updates a draft field by field, re-reads the priced rate for a new start, and deletes a draft with an audit row', () => {
    setClientPrice(w.db, { clientId: w.acme.id, validFrom: '2026-06-01', energyRatePerKwh: '0.09', hostingFeePerMinerMonth: null }, actor);
    const created = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, startsAt: '2026-03-01' });
    expect(created.energyRatePerKwh).toBe('0.05');
    const moved = updateContract(w.db, { id: created.id, startsAt: '2026-06-10', powerCapKw: '250' }, actor, testNow);
    expect(moved).toMatchObject({ energyRatePerKwh: '0.09', energyRateSource: 'client', endsAt: '2027-06-10T04:00:00.000Z', powerCapKw: '250' });
    const typed = updateContract(w.db, { id: created.id, energyRatePerKwh: '0.0612' }, actor, testNow);
    expect(typed).toMatchObject({ energyRatePerKwh: '0.0612', energyRateSource: 'contract' });
    deleteDraft(w.db, created.id, actor);
    expect(listContracts(w.db, contract['contracts.list'].input.parse({})).total).toBe(0);
    expect(
      w.db
        .select()
        .from(auditLog)
        .all()
        .some((row) => row.action === 'contract.draft_deleted'),
    ).toBe(true);
  });

  it('names metering devices at the contract site only, and keeps a device that measures a contract from being deleted', () => {
    const device = (siteId: number, name: string) =>
      w.db
        .insert(powerDevices)
        .values({ siteId, kind: 'pdu', name, host: '127.61.0.1', port: 161, builtinProfile: 'apc-rpdu2', createdAt: 'x', updatedAt: 'x' })
        .returning()
        .get().id;
    const [here, there] = [device(w.site.id, 'PDU C4-A'), device(w.other.id, 'PDU Tokyo')];
    expect(() => draft(w.db, { clientId: w.acme.id, siteId: w.site.id, meteringDeviceIds: [there] })).toThrow(
      '"PDU Tokyo" is at another site: a contract is measured by devices at its own site.',
    );
    const measured = draft(w.db, { clientId: w.acme.id, siteId: w.site.id, meteringDeviceIds: [here] });
    expect(measured.meteringDevices).toEqual([{ id: here, name: 'PDU C4-A', kind: 'pdu', siteId: w.site.id }]);
    expect(() => deletePowerDevice(w.db, here, actor)).toThrow(
      `"PDU C4-A" measures contract ${measured.reference}. Take it off that contract first, or disable it instead.`,
    );
  });
});
