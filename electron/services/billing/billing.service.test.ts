import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientPricing, clients, minerClientAssignments } from '../../../db/schema';
import { formatDecimal } from '../../contract/money';
import { activeWith, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { makeStoredPdu, plugIn, setTaxes, storeHourly } from '../../../tests/helpers/billing-fixtures';
import { energyChargeMinor } from './billing.math';
import { previewBill } from './billing.service';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
  setTaxes(w.db, [{ name: 'Sales tax', percent: '8.875' }]);
});
afterEach(() => w.t.close());

const site = () => ({ clientId: w.acme.id, siteId: w.site.id });
const usd = (minor: number) => formatDecimal(minor, 2, 2);
const kwh = (wh: number) => formatDecimal(wh, 3, 3);
const taxOf = (minor: number) => Math.floor((minor * 8875 + 50_000) / 100_000);

describe('billing.preview through the service', () => {
  it('bills a calculated month across the spring DST change as 743 hours at the organisation rate, with the sales tax on the sum', () => {
    activeWith(w.db, { ...site(), billingMethod: 'calculated' }, [w.miners.acme1.id, w.miners.acme2.id]);
    const preview = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' });
    const wh = w.s21.nominalPowerW * 743;
    const line = energyChargeMinor(wh, 50_000);
    expect(preview.lines.map((l) => [l.minerId, l.method, l.quantity, l.unit, l.rate, l.amount])).toEqual([
      [w.miners.acme1.id, 'calculated', kwh(wh), 'kWh', '0.05', usd(line)],
      [w.miners.acme2.id, 'calculated', kwh(wh), 'kWh', '0.05', usd(line)],
    ]);
    expect(preview.subtotal).toBe(usd(2 * line));
    expect(preview.taxes).toEqual([{ name: 'Sales tax', percent: '8.875', amount: usd(taxOf(2 * line)) }]);
    expect(preview.total).toBe(usd(2 * line + taxOf(2 * line)));
    expect(preview.lines[0].explanation).toMatch(/743 h of 743 h/);
  });

  it('bills the autumn DST month (November 2026 in New York) as 721 hours', () => {
    activeWith(w.db, { ...site(), billingMethod: 'calculated' }, [w.miners.acme1.id]);
    const preview = previewBill(w.db, { clientId: w.acme.id, period: '2026-11' });
    expect(preview.lines[0].quantity).toBe(kwh(w.s21.nominalPowerW * 721));
  });

  it('meters each miner on its outlet from hourly energy, and bills a hole in the readings as calculated', () => {
    activeWith(w.db, { ...site(), billingMethod: 'metered' }, [w.miners.acme1.id, w.miners.acme2.id]);
    const [o1, o2] = makeStoredPdu(w.db, w.site.id);
    plugIn(w.db, w.miners.acme1.id, o1.outletId, '2026-02-01T00:00:00Z');
    plugIn(w.db, w.miners.acme2.id, o2.outletId, '2026-02-01T00:00:00Z');
    // March in New York: 2026-03-01T05:00Z to 2026-04-01T04:00Z, 743 hours; outlet 2 misses hours 100-102.
    storeHourly(w.db, o1.counterId, '2026-02-28T00:00:00Z', 800, 3_000);
    storeHourly(w.db, o2.counterId, '2026-03-01T05:00:00Z', 743, 3_000, [100, 101, 102]);
    const preview = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' });
    const [one, two] = preview.lines;
    expect(one).toMatchObject({ method: 'metered', quantity: kwh(743 * 3_000), amount: usd(energyChargeMinor(743 * 3_000, 50_000)) });
    const twoWh = 740 * 3_000 + 3 * w.s21.nominalPowerW;
    expect(two).toMatchObject({ method: 'metered', quantity: kwh(twoWh), amount: usd(energyChargeMinor(twoWh, 50_000)) });
    expect(two.explanation).toMatch(/3 h without readings billed as calculated/);
    expect(one.explanation).toMatch(/PDU A outlet 1/);
  });

  it('splits a metered miner moved to another outlet mid-month between the two counters', () => {
    activeWith(w.db, { ...site(), billingMethod: 'metered' }, [w.miners.acme1.id]);
    const [o1, o2] = makeStoredPdu(w.db, w.site.id);
    plugIn(w.db, w.miners.acme1.id, o1.outletId, '2026-02-01T00:00:00Z', '2026-03-11T05:00:00Z');
    plugIn(w.db, w.miners.acme1.id, o2.outletId, '2026-03-11T05:00:00Z');
    storeHourly(w.db, o1.counterId, '2026-03-01T05:00:00Z', 743, 1_000);
    storeHourly(w.db, o2.counterId, '2026-03-01T05:00:00Z', 743, 2_000);
    const [line] = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' }).lines;
    // 240 hours on outlet 1 (1 kWh each), then 503 on outlet 2 (2 kWh each).
    expect(line.quantity).toBe(kwh(240 * 1_000 + 503 * 2_000));
    expect(line.explanation).toMatch(/PDU A outlet 1, PDU A outlet 2/);
  });

  it('stops billing a miner reassigned to another client mid-month', () => {
    activeWith(w.db, { ...site(), billingMethod: 'calculated' }, [w.miners.acme1.id]);
    const moved = '2026-03-16T04:00:00.000Z'; // local midnight of the 16th (EDT)
    w.db.update(minerClientAssignments).set({ toAt: moved }).where(eq(minerClientAssignments.minerId, w.miners.acme1.id)).run();
    w.db.insert(minerClientAssignments).values({ minerId: w.miners.acme1.id, clientId: w.boreal.id, fromAt: moved }).run();
    const [line] = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' }).lines;
    // 1 to 16 March local: 15 days less the hour skipped on the 8th.
    expect(line.quantity).toBe(kwh(w.s21.nominalPowerW * (15 * 24 - 1)));
  });

  it('bills a contract from the 17th to mid-day on the 28th by the hour, and its monthly fee pro rata', () => {
    activeWith(w.db, { ...site(), billingMethod: 'calculated', term: 'custom', startsAt: '2026-04-17', endsAt: '2026-04-28T12:00', fixedMonthlyFee: '720' }, [
      w.miners.acme1.id,
    ]);
    const preview = previewBill(w.db, { clientId: w.acme.id, period: '2026-04' });
    const hours = 11 * 24 + 12;
    const fee = preview.lines.find((l) => l.method === 'fixed')!;
    const energy = preview.lines.find((l) => l.method === 'calculated')!;
    expect(energy.quantity).toBe(kwh(w.s21.nominalPowerW * hours));
    expect(fee).toMatchObject({ minerId: null, unit: 'month', rate: '720.00', amount: usd(Math.round((72_000 * hours) / 720)) });
  });

  it('shows no taxes for a tax-exempt client, with its tax id', () => {
    w.db.update(clients).set({ taxExempt: true, taxId: 'EIN 12-3456789' }).where(eq(clients.id, w.acme.id)).run();
    activeWith(w.db, { ...site(), billingMethod: 'calculated' }, [w.miners.acme1.id]);
    const preview = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' });
    expect(preview.taxes).toEqual([]);
    expect(preview.total).toBe(preview.subtotal);
    expect(preview.taxExemption).toEqual({ taxId: 'EIN 12-3456789' });
  });

  it('follows the client’s pricing by valid-from when the contract’s rate came from pricing, and the contract’s own rate when typed', () => {
    w.db
      .insert(clientPricing)
      .values({ clientId: w.acme.id, validFrom: '2026-03-16', energyRateMicroPerKwh: 80_000, createdAt: '2026-03-01T00:00:00Z', actor: 't' })
      .run();
    const fromPricing = activeWith(w.db, { ...site(), billingMethod: 'calculated' }, [w.miners.acme1.id]);
    const typed = activeWith(w.db, { ...site(), billingMethod: 'calculated', energyRatePerKwh: '0.06' }, [w.miners.acme2.id]);
    const preview = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' });
    const of = (id: number) => preview.lines.filter((l) => l.contractId === id).map((l) => [l.rate, l.quantity]);
    const w1 = w.s21.nominalPowerW;
    expect(of(fromPricing.id)).toEqual([
      ['0.05', kwh(w1 * (15 * 24 - 1))],
      ['0.08', kwh(w1 * 16 * 24)],
    ]);
    expect(of(typed.id)).toEqual([['0.06', kwh(w1 * 743)]]);
  });

  it('saves nothing and answers an empty bill for a client without contracts in the month', () => {
    const preview = previewBill(w.db, { clientId: w.boreal.id, period: '2026-03' });
    expect(preview).toMatchObject({ lines: [], subtotal: '0.00', total: '0.00', contracts: [] });
  });
});
