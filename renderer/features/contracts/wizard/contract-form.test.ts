import { describe, expect, it } from 'vitest';
import type { ContractDefaults } from '../../../../electron/contract/contracts';
import { blankContractForm, formToInput, missingFields, withDefaults } from './contract-form';

const defaults: ContractDefaults = {
  currency: 'USD',
  timeZone: 'America/Chicago',
  startsAt: '2026-03-17T05:00:00.000Z',
  endsByTerm: { m2m: null, '3m': null, '6m': null, '1y': '2027-03-17T05:00:00.000Z', '2y': null, custom: null },
  energyRatePerKwh: '0.0685',
  energyRateSource: 'client',
  hostingFeePerMinerMonth: '12.50',
  noticeDays: 60,
  netDays: 30,
  autoRenew: false,
};

describe('the wizard form', () => {
  it('sends only what the type uses, money as the text typed', () => {
    const values = blankContractForm({
      type: 'infinity',
      clientId: 3,
      siteId: 1,
      contractedThs: '1500',
      pricePerThsDay: '0.052',
      powerCapKw: '40',
      fixedMonthlyFee: '99',
    });
    expect(formToInput(values, { energyRatePerKwh: null, startsAt: null })).toMatchObject({
      type: 'infinity',
      billingMethod: null,
      energyRatePerKwh: null,
      fixedMonthlyFee: null,
      powerCapKw: null,
      contractedThs: '1500',
      pricePerThsDay: '0.052',
      meteringDeviceIds: [],
    });
  });

  it('leaves the prefilled rate out so the server records where it came from, but sends a typed one', () => {
    const values = blankContractForm({ type: 'hosted', clientId: 3, siteId: 1, energyRatePerKwh: '0.0685' });
    expect(formToInput(values, { energyRatePerKwh: '0.0685', startsAt: null }).energyRatePerKwh).toBeNull();
    expect(formToInput({ ...values, energyRatePerKwh: '0.07' }, { energyRatePerKwh: '0.0685', startsAt: null }).energyRatePerKwh).toBe('0.07');
  });

  it('sends the end only for a custom term', () => {
    const values = blankContractForm({ type: 'hosted', startsAt: '2026-03-17', endsAt: '2026-05-01' });
    expect(formToInput(values, { energyRatePerKwh: null, startsAt: null })).not.toHaveProperty('endsAt');
    expect(formToInput({ ...values, term: 'custom' }, { energyRatePerKwh: null, startsAt: null })).toMatchObject({
      startsAt: '2026-03-17',
      endsAt: '2026-05-01',
    });
  });

  it('marks every field the type cannot do without', () => {
    expect(missingFields(blankContractForm({ type: 'om' }))).toEqual({ fixedMonthlyFee: 'Is required' });
    expect(Object.keys(missingFields(blankContractForm({ type: 'infinity' })))).toEqual(['contractedThs', 'pricePerThsDay']);
    expect(missingFields(blankContractForm({ type: 'lease', billingMethod: 'fixed', hostingFeePerMinerMonth: '40' }))).toEqual({});
  });

  it('pre-fills the server figures only where nothing was typed', () => {
    const typed = new Set(['energyRatePerKwh']);
    const change = withDefaults(blankContractForm({ energyRatePerKwh: '0.09' }), defaults, (field) => !typed.has(field));
    expect(change).toEqual({ startsAt: '2026-03-17', hostingFeePerMinerMonth: '12.50', noticeDays: 60, netDays: 30 });
  });
});
