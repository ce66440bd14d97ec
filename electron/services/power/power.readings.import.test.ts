import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, energyCounterEvents, energyHourly, energyReadings, powerOutlets } from '../../../db/schema';
import { openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { importRows, makeManual, makePdu, scriptedReader, closeCheckingDaily } from '../../../tests/helpers/power-fixtures';
import { actor } from '../../../tests/helpers/client-fixtures';
import { contract } from '../../contract';
import { AppError } from '../../contract/errors';
import { createSecretBox } from '../secrets/secret-box';
import { listPowerDevices, updatePowerDevice } from './power.devices';
import { createPowerPoller } from './power.poller';
import { listReadings } from './power.readings.import';
import { builtInPowerProfiles } from './profiles';

let w: ContractsWorld;
const deps = { builtIns: builtInPowerProfiles, secrets: createSecretBox(randomBytes(32)) };
const now = new Date('2026-04-10T12:00:00Z');
beforeEach(() => {
  w = openContractsDb();
});
// Every test's writes leave energy_daily equal to the hours' sums (the triggers of migration 0028).
afterEach(() => closeCheckingDaily(w.db, () => w.t.close()));

const hourly = () =>
  w.db
    .select()
    .from(energyHourly)
    .all()
    .sort((a, b) => a.hour.localeCompare(b.hour));
const totalWh = () => hourly().reduce((sum, h) => sum + h.energyWh, 0);

describe('manual power devices', () => {
  it('has no host or profile, numbers its outlets, and adds outlets when the count grows', () => {
    const device = makeManual(w.db, deps, w.site.id, { outletCount: 3 });
    expect(device).toMatchObject({ kind: 'manual', host: null, port: null, builtinProfile: null, profileLabel: '', outletCount: 3, snmp: null, modbus: null });
    const input = contract['power.devices.update'].input.parse({ kind: 'manual', id: device.id, siteId: w.site.id, name: 'Panel B', outletCount: 5 });
    expect(updatePowerDevice(w.db, deps, input, actor).outletCount).toBe(5);
    // Fewer asked: the outlets it has stay (readings and plug-ins hang on them).
    expect(updatePowerDevice(w.db, deps, contract['power.devices.update'].input.parse({ ...input, outletCount: 1 }), actor).outletCount).toBe(5);
    expect(listPowerDevices(w.db, deps, { kind: 'manual' }).map((d) => d.name)).toEqual(['Panel B']);
    expect(() => contract['power.devices.create'].input.parse({ kind: 'manual', siteId: w.site.id, name: 'X', host: '127.0.0.1' })).toThrow(/host/i);
  });
});

describe('power.readings.import', () => {
  it('stores kWh as exact Wh, numbers a new outlet on first use, spreads the energy evenly over the hours between readings and audits it', () => {
    const device = makeManual(w.db, deps, w.site.id);
    const result = importRows(
      w.db,
      [
        { device: 'Panel B', outlet: '2', at: '2026-03-02T00:00', kwh: '1234.567' },
        { device: device.id, outlet: 2, at: '2026-03-02T10:00:00Z', kwh: '1264.568' },
      ],
      { now },
    );
    expect(result).toMatchObject({ stored: true, rows: 2, refusals: [], remarks: [] });
    expect(result.counters).toEqual([
      {
        deviceId: device.id,
        deviceName: 'Panel B',
        outletIndex: 2,
        outletCreated: true,
        readings: 2,
        fromAt: '2026-03-02T05:00:00.000Z',
        toAt: '2026-03-02T10:00:00.000Z',
      },
    ]);
    expect(
      w.db
        .select()
        .from(powerOutlets)
        .all()
        .map((o) => o.outletIndex),
    ).toEqual([2]);
    expect(
      w.db
        .select()
        .from(energyReadings)
        .all()
        .map((r) => [r.at, r.raw, r.counterWh]),
    ).toEqual([
      ['2026-03-02T05:00:00.000Z', '1234.567', 1_234_567],
      ['2026-03-02T10:00:00.000Z', '1264.568', 1_264_568],
    ]);
    // 30,001 Wh over five hours: 6,000 or 6,001 an hour, nothing lost, every second covered.
    expect(hourly().map((h) => [h.hour.slice(11, 13), h.energyWh, h.coveredS])).toEqual([
      ['05', 6000, 3600],
      ['06', 6000, 3600],
      ['07', 6000, 3600],
      ['08', 6000, 3600],
      ['09', 6001, 3600],
    ]);
    const audit = w.db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.action === 'power.readings.imported');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].afterJson!)).toMatchObject({ readings: 2, counters: ['outlet 2'], outletsCreated: [2] });
    expect(listReadings(w.db, { deviceId: device.id, limit: 1 })).toEqual([
      { at: '2026-03-02T10:00:00.000Z', outletIndex: 2, raw: '1264.568', counterWh: 1_264_568, reset: false },
    ]);
  });

  it('refuses every bad row with its reason and then stores nothing at all', () => {
    makeManual(w.db, deps, w.site.id);
    makePdu(w.db, deps, w.site.id);
    importRows(w.db, [{ device: 'Panel B', outlet: 1, at: '2026-03-01T00:00Z', kwh: '10' }], { now });
    const before = { readings: w.db.select().from(energyReadings).all(), hourly: hourly(), audit: w.db.select().from(auditLog).all().length };
    const result = importRows(
      w.db,
      [
        { device: 'Panel B', outlet: 1, at: '2026-03-02T00:00Z', kwh: '20' },
        { device: 'Panel Z', outlet: 1, at: '2026-03-02T00:00Z', kwh: '20' },
        { device: 'Panel B', outlet: 1, at: '2026-04-11T00:00Z', kwh: '30' },
        { device: 'Panel B', outlet: 1, at: '2026-03-03T00:00Z', kwh: '3O.5' },
        { device: 'Panel B', outlet: 1, at: '2026-03-03T00:00Z', kwh: '30.1234' },
        { device: 'Panel B', outlet: 1, at: '2026-03-02T00:00Z', kwh: '21' },
        { device: 'Panel B', outlet: 1, at: '2026-03-01T00:00Z', kwh: '10' },
        { device: 'PDU A1', outlet: 40, at: '2026-03-02T00:00Z', kwh: '5' },
        { device: 'Panel B', outlet: 'x', at: 'soon', kwh: '-1' },
      ],
      { now },
    );
    expect(result.stored).toBe(false);
    expect(result.counters).toEqual([]);
    expect(result.refusals.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const message = (row: number) => result.refusals.find((r) => r.row === row)!.message;
    expect(message(2)).toBe('there is no power device "Panel Z"; add it on the Power page first, or check the name.');
    expect(message(3)).toMatch(/^10 Apr 2026, 20:00 is in the future/); // in the site's zone (New York), as the screens write it
    expect(message(4)).toMatch(/"3O.5" is not a number of kWh/);
    expect(message(5)).toMatch(/more than three decimals/);
    expect(message(6)).toBe('it repeats the time of row 1 for outlet 1 of "Panel B" (1 Mar 2026, 19:00); keep one of the two.');
    expect(message(7)).toBe('outlet 1 of "Panel B" already has a reading at 28 Feb 2026, 19:00.');
    expect(message(8)).toMatch(/"PDU A1" has no outlet 40; a polled device's outlets are the ones it reports/);
    // Several reasons in one row are said together.
    expect(message(9)).toMatch(/^outlet "x" is not an outlet number.* The reading "-1" kWh is negative.* "soon" is not a date and time/);
    expect(w.db.select().from(energyReadings).all()).toEqual(before.readings);
    expect(hourly()).toEqual(before.hourly);
    expect(w.db.select().from(auditLog).all()).toHaveLength(before.audit);
  });

  it('refuses a name two devices share, asking for the id', () => {
    makeManual(w.db, deps, w.site.id);
    const other = makeManual(w.db, deps, w.other.id);
    const result = importRows(w.db, [{ device: 'panel b', at: '2026-03-01T00:00Z', kwh: '1' }], { now });
    expect(result.refusals[0].message).toMatch(/2 devices are named "panel b"; write the device's id \(\d+ or \d+\) instead/);
    expect(importRows(w.db, [{ device: String(other.id), at: '2026-03-01T00:00', kwh: '1' }], { now }).counters[0]).toMatchObject({
      deviceId: other.id,
      outletIndex: null,
      // Read in the Tokyo site's zone.
      fromAt: '2026-02-28T15:00:00.000Z',
    });
  });

  it('stores a drop without the reset flag as a reset and reports it; with the flag it counts from 0 silently', () => {
    makeManual(w.db, deps, w.site.id);
    const result = importRows(
      w.db,
      [
        { device: 'Panel B', outlet: 1, at: '2026-03-02T00:00Z', kwh: '500' },
        { device: 'Panel B', outlet: 1, at: '2026-03-02T01:00Z', kwh: '502' },
        { device: 'Panel B', outlet: 1, at: '2026-03-02T02:00Z', kwh: '1.5' },
        { device: 'Panel B', outlet: 1, at: '2026-03-02T03:00Z', kwh: '0.5', reset: true },
        { device: 'Panel B', outlet: 1, at: '2026-03-02T04:00Z', kwh: '2.5' },
      ],
      { now },
    );
    expect(result.stored).toBe(true);
    expect(result.remarks).toEqual([
      {
        row: 3,
        message:
          'Outlet 1 of "Panel B" went down from 502.000 to 1.500 kWh (2026-03-02T01:00:00.000Z to 2026-03-02T02:00:00.000Z) without the reset flag; it was stored as a reset, and the energy after it counts from 0.',
      },
    ]);
    // 2 kWh, then 1.5 from the unflagged reset, 0.5 from the flagged one, then 2.
    expect(hourly().map((h) => h.energyWh)).toEqual([2_000, 1_500, 500, 2_000]);
    expect(
      w.db
        .select()
        .from(energyCounterEvents)
        .all()
        .map((e) => [e.kind, e.toAt.slice(11, 13), e.countedWh]),
    ).toEqual([
      ['reset', '02', 1_500],
      ['reset', '03', 500],
    ]);
  });

  it('reads a local time in the autumn overlap as the first one and says so', () => {
    makeManual(w.db, deps, w.site.id);
    const result = importRows(w.db, [{ device: 'Panel B', at: '2026-11-01T01:30', kwh: '1' }], { now: new Date('2026-11-02T00:00:00Z') });
    expect(result.counters[0].fromAt).toBe('2026-11-01T05:30:00.000Z');
    expect(result.remarks).toEqual([{ row: 1, message: expect.stringMatching(/happened twice in America\/New_York/) }]);
  });

  it('checks without storing when asked, answering what saving would do', () => {
    makeManual(w.db, deps, w.site.id);
    const rows = [
      { device: 'Panel B', at: '2026-03-02T00:00Z', kwh: '9' },
      { device: 'Panel B', at: '2026-03-02T01:00Z', kwh: '8' },
    ];
    const checked = importRows(w.db, rows, { now, check: true });
    expect(checked).toMatchObject({ stored: false, refusals: [], remarks: [{ row: 2 }], counters: [{ readings: 2, outletIndex: null }] });
    expect(w.db.select().from(energyReadings).all()).toEqual([]);
    expect(w.db.select().from(powerOutlets).all()).toEqual([]);
    expect(
      w.db
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.action === 'power.readings.imported'),
    ).toEqual([]);
    expect(importRows(w.db, rows, { now })).toEqual({ ...checked, stored: true });
  });

  it('gives the same energy whether readings arrive in order or fill in between stored ones later', () => {
    makeManual(w.db, deps, w.site.id);
    const row = (hour: number, kwh: string) => ({ device: 'Panel B', outlet: 1, at: `2026-03-02T${String(hour).padStart(2, '0')}:20:00Z`, kwh });
    importRows(w.db, [row(0, '100'), row(6, '160.007'), row(9, '170')], { now });
    importRows(w.db, [row(3, '110.5'), row(7, '150'), row(12, '181.25')], { now });
    const later = hourly().map(({ hour, energyWh, coveredS }) => ({ hour, energyWh, coveredS }));
    const laterEvents = w.db
      .select()
      .from(energyCounterEvents)
      .all()
      .map(({ id: _id, ...e }) => e);
    w.t.close();
    w = openContractsDb();
    makeManual(w.db, deps, w.site.id);
    importRows(w.db, [row(0, '100'), row(3, '110.5'), row(6, '160.007'), row(7, '150'), row(9, '170'), row(12, '181.25')], { now });
    expect(later).toEqual(hourly().map(({ hour, energyWh, coveredS }) => ({ hour, energyWh, coveredS })));
    expect(laterEvents).toEqual(
      w.db
        .select()
        .from(energyCounterEvents)
        .all()
        .map(({ id: _id, ...e }) => e),
    );
    expect(totalWh()).toBe(10_500 + 49_507 + 20_000 + 11_250);
  });

  it('says plainly that a manual device is not polled', async () => {
    const device = makeManual(w.db, deps, w.site.id);
    const reader = scriptedReader([]);
    const poller = createPowerPoller(w.db, { ...deps, schedule: false, reader, log: { error: () => expect.fail('nothing to log') } });
    await poller.pollNow();
    expect(reader.targets).toEqual([]);
    await expect(poller.test(device.id)).rejects.toThrow(
      new AppError('INVALID_INPUT', '"Panel B" is a manual device: it is read by hand, not over the network. Import its readings instead.'),
    );
    await expect(poller.pollNow(device.id)).rejects.toThrow(/is a manual device/);
    poller.shutdown();
  });
});
