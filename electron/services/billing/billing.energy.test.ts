import { describe, expect, it } from 'vitest';
import { billPreview, computeBill } from './billing.engine';
import { at, billingInput, contract, HOUR, miner } from './billing.test-inputs';

/**
 * Calculated and hash lines, worked by hand. Rate 0.0685 per kWh (the organisation's) unless said;
 * energy = W × hours, amount = kWh × rate rounded half-up to the cent.
 */

const NY = 'America/New_York';

describe('calculated across DST months', () => {
  it('bills 743 hours in March in New York (spring forward)', () => {
    // 3,250 W × 743 h = 2,414,750 Wh; 2,414.750 kWh × 0.0685 = 165.410375 → 165.41
    const bill = computeBill(billingInput({ month: '2026-03', timeZone: NY }));
    expect(bill.lines).toHaveLength(1);
    expect(bill.lines[0]).toMatchObject({ method: 'calculated', quantity: '2414.750', unit: 'kWh', rate: '0.0685', amountMinor: 16_541, energyWh: 2_414_750 });
    expect(bill.lines[0].billedSeconds).toBe(743 * HOUR);
    expect(bill.periodHours).toBe('743');
  });

  it('bills 721 hours in November in New York (fall back)', () => {
    // 3,250 W × 721 h = 2,343,250 Wh; × 0.0685 = 160.512625 → 160.51
    const bill = computeBill(billingInput({ month: '2026-11', timeZone: NY }));
    expect(bill.lines[0]).toMatchObject({ quantity: '2343.250', amountMinor: 16_051 });
  });

  it('bills 744 hours in March in Tokyo (no DST)', () => {
    // 3,250 W × 744 h = 2,418,000 Wh; × 0.0685 = 165.633 → 165.63
    const bill = computeBill(billingInput({ month: '2026-03', timeZone: 'Asia/Tokyo' }));
    expect(bill.lines[0]).toMatchObject({ quantity: '2418.000', amountMinor: 16_563 });
  });

  it('counts offline hours at 0 W', () => {
    // April (720 h), offline 10 h: 3,250 W × 710 h = 2,307,500 Wh; × 0.0685 = 158.06375 → 158.06
    const offline = [{ fromS: at('2026-04-03T00:00:00Z'), toS: at('2026-04-03T10:00:00Z') }];
    const bill = computeBill(billingInput({ contracts: [contract({ miners: [miner({ offline })] })] }));
    expect(bill.lines[0]).toMatchObject({ quantity: '2307.500', amountMinor: 15_806 });
    expect(bill.lines[0].explanation).toContain('710 h online of 720 h');
  });
});

describe('pro-rating by the hour', () => {
  it('bills a contract starting on the 17th and ending mid-day by its exact hours', () => {
    // New York, June (EDT). 17 June 00:00 → 28 June 12:30 local = 11 days + 12.5 h = 276.5 h.
    // Calculated: 3,250 W × 276.5 h = 898,625 Wh; × 0.0685 = 61.5558125 → 61.56.
    // Fixed fee 1,000.00 × 276.5 / 720 = 384.02777… → 384.03 (quantity 0.384028 month).
    const inForce = { fromS: at('2026-06-17T04:00:00Z'), toS: at('2026-06-28T16:30:00Z') };
    const bill = computeBill(billingInput({ month: '2026-06', timeZone: NY, contracts: [contract({ inForce, fixedMonthlyFeeMinor: 100_000 })] }));
    expect(bill.lines.map((l) => [l.method, l.quantity, l.amountMinor])).toEqual([
      ['calculated', '898.625', 6_156],
      ['fixed', '0.384028', 38_403],
    ]);
    expect(bill.lines[0].billedSeconds).toBe(276.5 * HOUR);
    expect(bill.subtotalMinor).toBe(6_156 + 38_403);
  });

  it('splits a mid-month reassignment between the two clients exactly', () => {
    // Reassigned on 20 March 15:45 EDT (19:45Z). Client A: 1 Mar 00:00 → 20 Mar 00:00 is 19 days less the
    // DST hour = 455 h, + 15.75 h = 470.75 h; 2,000 W × 470.75 h = 941,500 Wh × 0.0685 = 64.49275 → 64.49.
    // Client B: 743 − 470.75 = 272.25 h; 544,500 Wh × 0.0685 = 37.29825 → 37.30. Together: 2,000 W × 743 h.
    const moved = at('2026-03-20T19:45:00Z');
    const billFor = (withClient: { fromS: number; toS: number | null }) =>
      computeBill(
        billingInput({ month: '2026-03', timeZone: NY, contracts: [contract({ miners: [miner({ nominalPowerW: 2_000, withClient: [withClient] })] })] }),
      );
    const a = billFor({ fromS: at('2025-01-01T00:00:00Z'), toS: moved });
    const b = billFor({ fromS: moved, toS: null });
    expect(a.lines[0]).toMatchObject({ quantity: '941.500', amountMinor: 6_449, billedSeconds: 470.75 * HOUR });
    expect(b.lines[0]).toMatchObject({ quantity: '544.500', amountMinor: 3_730, billedSeconds: 272.25 * HOUR });
    expect(a.lines[0].energyWh! + b.lines[0].energyWh!).toBe(2_000 * 743);
  });

  it('rounds a line’s energy half-up to the whole Wh, then its amount half-up to the cent', () => {
    // 1,800 W for 1 s = 0.5 Wh → 1 Wh. 1,000 W for 1 h = 1 kWh × 0.0685 = 6.85 ¢ → 7 ¢.
    const second = contract({
      id: 1,
      inForce: { fromS: at('2026-04-01T00:00:00Z'), toS: at('2026-04-01T00:00:01Z') },
      miners: [miner({ nominalPowerW: 1_800 })],
    });
    const hour = contract({
      id: 2,
      inForce: { fromS: at('2026-04-01T00:00:00Z'), toS: at('2026-04-01T01:00:00Z') },
      miners: [miner({ nominalPowerW: 1_000 })],
    });
    const bill = computeBill(billingInput({ contracts: [second, hour] }));
    expect(bill.lines.map((l) => [l.energyWh, l.amountMinor])).toEqual([
      [1, 0],
      [1_000, 7],
    ]);
  });
});

describe('hash', () => {
  it('bills average TH/s × J/TH × hours', () => {
    // 110 TH/s × 29.5 J/TH = 3,245 W; × 720 h = 2,336,400 Wh; × 0.0685 = 160.0434 → 160.04
    const m = miner({ averageHashrateGhs: 110_000, efficiencyMilliJoulePerTh: 29_500 });
    const bill = computeBill(billingInput({ contracts: [contract({ method: 'hash', miners: [m] })] }));
    expect(bill.lines[0]).toMatchObject({ method: 'hash', quantity: '2336.400', amountMinor: 16_004 });
    expect(bill.lines[0].explanation).toContain('110 TH/s average × 29.5 J/TH × 720 h');
  });
  it('falls back to calculated, and says so, when the miner has no hashrate', () => {
    const bill = computeBill(billingInput({ contracts: [contract({ method: 'hash' })] }));
    expect(bill.lines[0]).toMatchObject({ method: 'calculated', quantity: '2340.000' });
    expect(bill.lines[0].explanation).toMatch(/No hashrate or efficiency recorded/);
  });
});

describe('per-client pricing by valid-from', () => {
  const pricing = {
    organisationRateMicroPerKwh: 70_000,
    client: [
      { validFrom: '2026-01-01', energyRateMicroPerKwh: 60_000, hostingFeeMinorPerMinerMonth: null },
      { validFrom: '2026-04-11', energyRateMicroPerKwh: 50_000, hostingFeeMinorPerMinerMonth: null },
      { validFrom: '2026-04-21', energyRateMicroPerKwh: null, hostingFeeMinorPerMinerMonth: null },
      { validFrom: '2026-05-01', energyRateMicroPerKwh: 40_000, hostingFeeMinorPerMinerMonth: null },
    ],
  };
  const m = miner({ nominalPowerW: 1_000 });

  it('bills each part of the month at the price in force, cut at local midnight', () => {
    // New York April: 1–11 (240 h) at 0.06 = 14.40; 11–21 (240 h) at 0.05 = 12.00; 21–30 (240 h) back to the
    // organisation's 0.07 = 16.80. The row from 1 May is not yet in force.
    const bill = computeBill(billingInput({ timeZone: NY, pricing, contracts: [contract({ miners: [m] })] }));
    expect(bill.lines.map((l) => [l.quantity, l.rate, l.amountMinor, l.billedSeconds])).toEqual([
      ['240.000', '0.06', 1_440, 240 * HOUR],
      ['240.000', '0.05', 1_200, 240 * HOUR],
      ['240.000', '0.07', 1_680, 240 * HOUR],
    ]);
    expect(bill.lines[1].explanation).toContain('the client’s pricing from 2026-04-11');
    expect(bill.subtotalMinor).toBe(4_320);
  });

  it('lets the contract’s own rate override both', () => {
    // 720 kWh × 0.0685 = 49.32
    const bill = computeBill(billingInput({ timeZone: NY, pricing, contracts: [contract({ miners: [m], energyRateMicroPerKwh: 68_500 })] }));
    expect(bill.lines.map((l) => [l.quantity, l.rate, l.amountMinor])).toEqual([['720.000', '0.0685', 4_932]]);
  });
});

describe('currencies with 0 and 3 decimals', () => {
  it('rounds to the yen and to the fils, and writes amounts with the currency’s decimals', () => {
    // Tokyo March: 2,418 kWh × 25.55 JPY = 61,779.9 → 61,780. × 0.01234 KWD = 29.83812 → 29.838.
    const jpy = computeBill(
      billingInput({ month: '2026-03', timeZone: 'Asia/Tokyo', currency: 'JPY', pricing: { organisationRateMicroPerKwh: 25_550_000, client: [] } }),
    );
    expect(billPreview(jpy)).toMatchObject({ lines: [{ amount: '61780' }], total: '61780' });
    const kwd = computeBill(
      billingInput({ month: '2026-03', timeZone: 'Asia/Tokyo', currency: 'KWD', pricing: { organisationRateMicroPerKwh: 12_340, client: [] } }),
    );
    expect(billPreview(kwd)).toMatchObject({ lines: [{ amount: '29.838', rate: '0.01234' }], total: '29.838' });
  });
});
