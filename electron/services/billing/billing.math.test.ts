import { describe, expect, it } from 'vitest';
import { ratio, ratioText, roundHalfUp } from './billing.exact';
import { energyChargeMinor, feeShareMinor, parsePercent, taxMinor, thsDaysChargeMinor } from './billing.math';
import { energyRateInForce, hostingFeeInForce, pricedParts } from './billing.rates';
import { billingPeriod } from './billing.period';
import { at } from './billing.test-inputs';

describe('half-up rounding', () => {
  it('sends halves up and everything else to the nearest integer', () => {
    expect(roundHalfUp(ratio(1, 2))).toBe(1n);
    expect(roundHalfUp(ratio(5, 2))).toBe(3n); // banker's rounding would give 2
    expect(roundHalfUp(ratio(24_999, 10_000))).toBe(2n);
    expect(roundHalfUp(ratio(7, 3))).toBe(2n);
    expect(ratioText(ratio(7, 3), 4)).toBe('2.3333');
    expect(ratioText(ratio(360, 743), 6)).toBe('0.484522');
  });
});

describe('energyChargeMinor', () => {
  it('rounds half a cent up', () => expect(energyChargeMinor(1_000, 68_500)).toBe(7)); // 1 kWh × 0.0685 = 6.85 ¢
  it('bills a 3.25 kW miner for 30 days at 6.85 ¢/kWh', () =>
    // 3.25 kW × 720 h = 2,340 kWh × 0.0685 = 160.29
    expect(energyChargeMinor(3_250 * 24 * 30, 68_500)).toBe(16_029));
  it('uses the currency’s own minor unit', () => {
    // JPY has no decimals: 2,418 kWh × 25.55 = 61,779.9 → 61,780 yen.
    expect(energyChargeMinor(2_418_000, 25_550_000, 0)).toBe(61_780);
    // KWD has three: 1 kWh × 0.0125 = 0.0125 → 0.013 (12.5 fils, half-up).
    expect(energyChargeMinor(1_000, 12_500, 3)).toBe(13);
  });
});

describe('fees, TH/s-days and taxes', () => {
  it('pro-rates a monthly fee by an exact share', () => {
    // 1,000.00 × 360 / 743 = 484.5222… → 484.52
    expect(feeShareMinor(100_000, ratio(360, 743))).toBe(48_452);
    // 0.01 × 1/2 = 0.005 → 0.01
    expect(feeShareMinor(1, ratio(1, 2))).toBe(1);
  });
  it('prices TH/s-days', () => {
    // 2,391.304… TH/s-days × 0.08 = 191.3043… → 191.30
    expect(thsDaysChargeMinor(ratio(55_000, 23), 80_000, 2)).toBe(19_130);
  });
  it('reads a tax percentage exactly and rounds the tax half-up', () => {
    const vat = parsePercent('8.875')!;
    expect(vat.text).toBe('8.875');
    expect(taxMinor(1_000, vat.share)).toBe(89); // 10.00 × 8.875 % = 0.8875 → 0.89
    expect(taxMinor(100, parsePercent('2.5')!.share)).toBe(3); // 1.00 × 2.5 % = 0.025 → 0.03
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('-1')).toBeNull();
    expect(parsePercent('1.23456')).toBeNull();
  });
});

describe('price in force', () => {
  const pricing = {
    organisationRateMicroPerKwh: 70_000,
    client: [
      { validFrom: '2026-04-11', energyRateMicroPerKwh: 50_000, hostingFeeMinorPerMinerMonth: null },
      { validFrom: '2026-01-01', energyRateMicroPerKwh: 60_000, hostingFeeMinorPerMinerMonth: 2_500 },
      { validFrom: '2026-04-21', energyRateMicroPerKwh: null, hostingFeeMinorPerMinerMonth: 3_000 },
    ],
  };
  it('takes the contract’s own rate, else the client’s latest row on or before the day, else the organisation’s', () => {
    expect(energyRateInForce(pricing, 68_500, '2026-04-15')).toEqual({ value: 68_500, source: 'contract', validFrom: null });
    expect(energyRateInForce(pricing, null, '2025-12-31')).toEqual({ value: 70_000, source: 'organisation', validFrom: null });
    expect(energyRateInForce(pricing, null, '2026-04-10')).toEqual({ value: 60_000, source: 'client', validFrom: '2026-01-01' });
    expect(energyRateInForce(pricing, null, '2026-04-11')).toEqual({ value: 50_000, source: 'client', validFrom: '2026-04-11' });
    // A row whose rate is null hands the rate back to the organisation from its date.
    expect(energyRateInForce(pricing, null, '2026-04-30')).toEqual({ value: 70_000, source: 'organisation', validFrom: null });
    expect(hostingFeeInForce(pricing, null, '2026-04-15').value).toBeNull();
    expect(hostingFeeInForce(pricing, null, '2026-04-21').value).toBe(3_000);
  });
  it('cuts the month at local 00:00 of each valid-from date', () => {
    const parts = pricedParts(billingPeriod('2026-04', 'America/New_York'), pricing, (date) => energyRateInForce(pricing, null, date));
    expect(parts.map((p) => [p.fromS, p.toS, p.value])).toEqual([
      [at('2026-04-01T04:00:00Z'), at('2026-04-11T04:00:00Z'), 60_000],
      [at('2026-04-11T04:00:00Z'), at('2026-04-21T04:00:00Z'), 50_000],
      [at('2026-04-21T04:00:00Z'), at('2026-05-01T04:00:00Z'), 70_000],
    ]);
  });
});
