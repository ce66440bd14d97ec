import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { energyCounterEvents, energyHourly } from '../../../db/schema';
import { activeWith, openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { actor } from '../../../tests/helpers/client-fixtures';
import { importRows, makeManual, makePdu, pduReading, closeCheckingDaily } from '../../../tests/helpers/power-fixtures';
import { contract } from '../../contract';
import { AppError } from '../../contract/errors';
import { formatDecimal } from '../../contract/money';
import { energyChargeMinor } from '../billing/billing.math';
import { previewBill } from '../billing/billing.service';
import { createSecretBox } from '../secrets/secret-box';
import { assignOutlet, listOutlets, outletHistory } from './power.outlets';
import { pruneEnergyReadings, storePowerPoll } from './power.store';
import { builtInPowerProfiles } from './profiles';

let w: ContractsWorld;
const deps = { builtIns: builtInPowerProfiles, secrets: createSecretBox(randomBytes(32)) };
beforeEach(() => {
  w = openContractsDb();
});
// Every test's writes leave energy_daily equal to the hours' sums (the triggers of migration 0028).
afterEach(() => closeCheckingDaily(w.db, () => w.t.close()));

const kwh = (wh: number) => formatDecimal(wh, 3, 3);
const usd = (minor: number) => formatDecimal(minor, 2, 2);
const assign = (outletId: number, minerId: number | null, from?: string) =>
  assignOutlet(w.db, contract['power.outlets.assign'].input.parse({ outletId, minerId, from }), actor);

/** A manual panel whose outlet 1 was read by hand at local midnight on 1 March and 1 April 2026 (New York). */
function readPanelForMarch(marchWh: number) {
  const panel = makeManual(w.db, deps, w.site.id, { outletCount: 2 });
  const result = importRows(w.db, [
    { device: 'Panel B', outlet: 1, at: '2026-03-01T00:00', kwh: '1000' },
    { device: 'Panel B', outlet: 1, at: '2026-04-01T00:00', kwh: kwh(1_000_000 + marchWh) },
  ]);
  expect(result.refusals).toEqual([]);
  const [outlet1, outlet2] = listOutlets(w.db, { deviceId: panel.id });
  return { panel, outlet1, outlet2 };
}

describe('imported readings in billing', () => {
  it('bills the energy read by hand on a manual outlet feeding a metered miner, like polled energy', () => {
    activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, billingMethod: 'metered' }, [w.miners.acme1.id]);
    const marchWh = 2_229_123;
    const { outlet1 } = readPanelForMarch(marchWh);
    assign(outlet1.id, w.miners.acme1.id, '2026-02-15T00:00:00Z');
    const [line] = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' }).lines;
    expect(line).toMatchObject({ method: 'metered', quantity: kwh(marchWh), amount: usd(energyChargeMinor(marchWh, 50_000)) });
    expect(line.explanation).toMatch(/Panel B outlet 1/);
  });

  it('bills by a back-dated plug-in: plugged in today the March energy is not the miner\u2019s, dated back to 1 March it is', () => {
    activeWith(w.db, { clientId: w.acme.id, siteId: w.site.id, billingMethod: 'metered' }, [w.miners.acme1.id]);
    const marchWh = 2_000_000;
    const { outlet1 } = readPanelForMarch(marchWh);
    assign(outlet1.id, w.miners.acme1.id);
    const today = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' }).lines[0];
    expect(today.quantity).toBe(kwh(743 * w.s21.nominalPowerW));
    // A local time, read in the site's zone (New York): midnight on 1 March.
    const moved = assign(outlet1.id, w.miners.acme1.id, '2026-03-01T00:00');
    expect(moved.outlet.assignedFrom).toBe('2026-03-01T05:00:00.000Z');
    const backDated = previewBill(w.db, { clientId: w.acme.id, period: '2026-03' }).lines[0];
    expect(backDated).toMatchObject({ method: 'metered', quantity: kwh(marchWh) });
    expect(outletHistory(w.db, { minerId: w.miners.acme1.id })).toHaveLength(1);
  });

  it('moves a miner to another outlet from a past instant, and refuses a date that would overlap a later plug-in', () => {
    const { outlet1, outlet2 } = readPanelForMarch(1_000);
    assign(outlet1.id, w.miners.acme1.id, '2026-03-01T05:00:00Z');
    assign(outlet2.id, w.miners.acme2.id, '2026-03-10T05:00:00Z');
    // acme1 moves to outlet 2 from the 5th: outlet 2 fed acme2 from the 10th, so that would overlap.
    let refusal: unknown;
    try {
      assign(outlet2.id, w.miners.acme1.id, '2026-03-05T05:00:00Z');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toBe(
      'Outlet 2 of "Panel B" fed miner A-2 from 2026-03-10T05:00:00.000Z until now, which a change dated 2026-03-05T05:00:00.000Z would overlap. Choose a time after 2026-03-10T05:00:00.000Z, or change that plug-in first.',
    );
    // From the 20th it is a move: acme2 unplugged and acme1 leaves outlet 1, both at that instant.
    const moved = assign(outlet2.id, w.miners.acme1.id, '2026-03-20T05:00:00Z');
    expect(moved).toMatchObject({ unplugged: { assetId: 'A-2' }, movedFrom: { outletIndex: 1 } });
    expect(outletHistory(w.db, { minerId: w.miners.acme1.id }).map((a) => [a.outletIndex, a.fromAt, a.toAt])).toEqual([
      [2, '2026-03-20T05:00:00.000Z', null],
      [1, '2026-03-01T05:00:00.000Z', '2026-03-20T05:00:00.000Z'],
    ]);
    expect(() => assign(outlet1.id, w.miners.acme2.id, '2099-01-01T00:00:00Z')).toThrow(/must not be in the future/);
    expect(() => assign(outlet1.id, w.miners.acme2.id, '2026-03-08T02:30')).toThrow(/^From: 2026-03-08T02:30 did not happen in America\/New_York/);
  });
});

describe('imported readings on a polled PDU', () => {
  it('fills a gap of polled readings, replacing the gap\u2019s whole-hour credit with the energy spread over the filled stretch', () => {
    const pdu = makePdu(w.db, deps, w.site.id);
    const poll = (at: string, wh: number) => storePowerPoll(w.db, pdu.id, pduReading([{ powerW: 1_000, wh }], { powerW: 1_000, wh }), new Date(at), 60);
    poll('2026-03-02T10:00:00Z', 100_000);
    poll('2026-03-02T14:00:00Z', 104_000);
    const outletHours = () =>
      w.db
        .select()
        .from(energyHourly)
        .all()
        .filter((h) => h.counterId === 1)
        .sort((a, b) => a.hour.localeCompare(b.hour))
        .map((h) => [h.hour.slice(11, 13), h.energyWh, h.coveredS]);
    expect(outletHours()).toEqual([['13', 4_000, 0]]);
    const result = importRows(w.db, [{ device: 'PDU A1', outlet: 1, at: '2026-03-02T12:00:00Z', kwh: '102.5' }]);
    expect(result).toMatchObject({ stored: true, refusals: [] });
    expect(outletHours()).toEqual([
      ['10', 1_250, 3600],
      ['11', 1_250, 3600],
      ['12', 750, 3600],
      ['13', 750, 3600],
    ]);
    expect(
      w.db
        .select()
        .from(energyCounterEvents)
        .all()
        .filter((e) => e.counterId === 1),
    ).toEqual([]);
    // Inside the stretch now covered, or before the polled readings, there is nothing to fill.
    const refused = importRows(w.db, [
      { device: 'PDU A1', outlet: 1, at: '2026-03-02T11:00:00Z', kwh: '101' },
      { device: 'PDU A1', outlet: 1, at: '2026-03-02T15:00:00Z', kwh: '105' },
    ]);
    expect(refused.refusals).toEqual([{ row: 1, message: expect.stringMatching(/is polled and its readings around 2 Mar 2026, 06:00 are on record/) }]);
    expect(importRows(w.db, [{ device: 'PDU A1', outlet: 1, at: '2026-03-02T15:00:00Z', kwh: '105' }]).stored).toBe(true);
  });

  it('keeps a manual device\u2019s readings when polled ones are pruned', () => {
    makeManual(w.db, deps, w.site.id);
    importRows(w.db, [{ device: 'Panel B', at: '2026-01-01T00:00Z', kwh: '1' }]);
    expect(pruneEnergyReadings(w.db, new Date('2026-12-01T00:00:00Z'))).toBe(0);
  });
});
