import { describe, expect, it } from 'vitest';
import { billPreview, computeBill } from './billing.engine';
import { at, billingInput, contract, HOUR, miner } from './billing.test-inputs';

/** Fixed, Infinity and O&M lines, taxes and the preview's shape, worked by hand. */

const NY = 'America/New_York';

describe('fixed', () => {
  it('pro-rates the monthly fee by hours under contract ÷ hours in the month (743 in March, New York)', () => {
    // From 17 March 00:00 EDT to 1 April 00:00: 15 days = 360 h of 743. 1,000.00 × 360 / 743 = 484.5222… → 484.52.
    // Hosting fee 25.00 per miner per month from the client's pricing, same 360 h: 12.1130… → 12.11.
    const c = contract({ method: 'fixed', inForce: { fromS: at('2026-03-17T04:00:00Z'), toS: null }, fixedMonthlyFeeMinor: 100_000 });
    const pricing = {
      organisationRateMicroPerKwh: 68_500,
      client: [{ validFrom: '2026-01-01', energyRateMicroPerKwh: null, hostingFeeMinorPerMinerMonth: 2_500 }],
    };
    const bill = computeBill(billingInput({ month: '2026-03', timeZone: NY, pricing, contracts: [c] }));
    expect(bill.lines.map((l) => [l.method, l.minerId, l.quantity, l.unit, l.rate, l.amountMinor])).toEqual([
      ['fixed', null, '0.484522', 'month', '1000.00', 48_452],
      ['fixed', 1, '0.484522', 'month', '25.00', 1_211],
    ]);
    expect(bill.lines[0].explanation).toContain('360 h of 743 h');
    expect(bill.lines[0].billedSeconds).toBe(360 * HOUR);
  });

  it('bills a whole month at the whole fee, whatever its length', () => {
    const c = contract({ method: 'fixed', fixedMonthlyFeeMinor: 100_000, hostingFeeMinorPerMinerMonth: 2_500 });
    for (const month of ['2026-03', '2026-11', '2026-02']) {
      const bill = computeBill(billingInput({ month, timeZone: NY, contracts: [c] }));
      expect(bill.lines.map((l) => [l.quantity, l.amountMinor])).toEqual([
        ['1', 100_000],
        ['1', 2_500],
      ]);
    }
  });
});

describe('Infinity', () => {
  const infinity = (fromIso: string) =>
    contract({ type: 'infinity', method: null, miners: [], inForce: { fromS: at(fromIso), toS: null }, contractedGhs: 100_000, priceMicroPerThsDay: 80_000 });

  it('bills a whole month as its number of local days, even with a 23-hour day', () => {
    // 100 TH/s × 31 days × 0.08 = 248.00
    const bill = computeBill(billingInput({ month: '2026-03', timeZone: NY, contracts: [infinity('2026-01-01T00:00:00Z')] }));
    expect(bill.lines[0]).toMatchObject({ method: 'infinity', minerId: null, quantity: '3100', unit: 'TH/s-day', rate: '0.08', amountMinor: 24_800 });
  });

  it('counts a part day as its share of that local day', () => {
    // Starts 8 March 03:00 EDT (07:00Z). That day has 23 h; 21 of them remain: 21/23 day. Then 9–31 March: 23 days.
    // 23 + 21/23 = 550/23 days × 100 TH/s = 2,391.3043… TH/s-days × 0.08 = 191.3043… → 191.30
    const bill = computeBill(billingInput({ month: '2026-03', timeZone: NY, contracts: [infinity('2026-03-08T07:00:00Z')] }));
    expect(bill.lines[0]).toMatchObject({ quantity: '2391.3043', amountMinor: 19_130 });
    expect(bill.lines[0].explanation).toContain('100 TH/s × 23.913 days');
  });
});

describe('O&M', () => {
  it('bills the monthly fee and the per-miner fee for the miners on its sites', () => {
    // April (720 h): fee 500.00; 10.00 per miner per month; two miners all month, one from 16 April (360 h): 5.00.
    const miners = [miner({ id: 1 }), miner({ id: 2 }), miner({ id: 3, underContract: [{ fromS: at('2026-04-16T00:00:00Z'), toS: null }] })];
    const om = contract({ type: 'om', method: null, fixedMonthlyFeeMinor: 50_000, hostingFeeMinorPerMinerMonth: 1_000, miners });
    const bill = computeBill(billingInput({ contracts: [om] }));
    expect(bill.lines.map((l) => [l.method, l.minerId, l.amountMinor])).toEqual([
      ['om', null, 50_000],
      ['om', 1, 1_000],
      ['om', 2, 1_000],
      ['om', 3, 500],
    ]);
    expect(bill.subtotalMinor).toBe(52_500);
  });
});

describe('taxes', () => {
  const feeContract = (id: number, feeMinor: number) => contract({ id, method: 'fixed', fixedMonthlyFeeMinor: feeMinor });

  it('computes each rate on the sum of the lines, rounded half-up once', () => {
    // Two lines of 0.05: 10 % of the sum 0.10 is 0.01 (per line it would be 0.005 + 0.005 → 0.01 + 0.01 = 0.02).
    const bill = computeBill(billingInput({ taxRates: [{ name: 'VAT', percent: '10' }], contracts: [feeContract(1, 5), feeContract(2, 5)] }));
    expect(bill.taxes).toEqual([{ name: 'VAT', percent: '10', amountMinor: 1 }]);
    expect(bill.totalMinor).toBe(11);
  });

  it('rounds a half-cent tax up, per rate', () => {
    // Subtotal 1.00: 2.5 % = 0.025 → 0.03; 0.25 % = 0.0025 → 0.00. Total 1.03.
    const bill = computeBill(
      billingInput({
        taxRates: [
          { name: 'State', percent: '2.5' },
          { name: 'City', percent: '0.25' },
        ],
        contracts: [feeContract(1, 50), feeContract(2, 50)],
      }),
    );
    expect(bill.taxes.map((t) => t.amountMinor)).toEqual([3, 0]);
    expect(bill.totalMinor).toBe(103);
  });

  it('shows a tax-exempt client’s exemption and tax id, and charges no tax', () => {
    const bill = computeBill(
      billingInput({ client: { taxExempt: true, taxId: 'EU372189' }, taxRates: [{ name: 'VAT', percent: '20' }], contracts: [feeContract(1, 10_000)] }),
    );
    expect(bill.taxes).toEqual([]);
    expect(bill.totalMinor).toBe(10_000);
    expect(bill.taxExemption).toEqual({ taxId: 'EU372189' });
  });

  it('refuses a tax rate that is not a percentage', () => {
    expect(() => computeBill(billingInput({ taxRates: [{ name: 'VAT', percent: 'twenty' }] }))).toThrow(/The tax rate "VAT" is twenty%/);
  });
});

describe('billPreview', () => {
  it('answers in the shape of billing.preview, amounts as decimal text', () => {
    // Calculated April: 3,250 W × 720 h = 2,340 kWh × 0.0685 = 160.29; fee 48.45; sum 208.74; VAT 8.875 % = 18.525… → 18.53
    const c = contract({ fixedMonthlyFeeMinor: 4_845 });
    const preview = billPreview(computeBill(billingInput({ taxRates: [{ name: 'VAT', percent: '8.875' }], contracts: [c] })));
    expect(preview).toMatchObject({
      currency: 'USD',
      lines: [
        { contractId: 10, minerId: 1, method: 'calculated', quantity: '2340.000', unit: 'kWh', rate: '0.0685', amount: '160.29' },
        { contractId: 10, minerId: null, method: 'fixed', quantity: '1', unit: 'month', rate: '48.45', amount: '48.45' },
      ],
      subtotal: '208.74',
      taxes: [{ name: 'VAT', percent: '8.875', amount: '18.53' }],
      total: '227.27',
      taxExemption: null,
    });
    expect(preview.lines[0].explanation).toMatch(
      /3250 W nominal × 720 h online of 720 h under contract\. 720 h of 720 h billed at 0\.0685 per kWh \(the organisation’s rate\)\./,
    );
  });
});
