import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minerHourly, minerLatest, miners } from '../../../db/schema';
import { actor, makeClient } from '../../../tests/helpers/client-fixtures';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { createMiner } from '../miners/miners.service';
import { refreshFleetHours } from '../telemetry/telemetry.rollups';
import { fleetDay, liveFleet, minersPerClient } from './dashboard.fleet';

let t: TempDb;
let f: Fleet;
beforeEach(() => {
  t = openTempDb();
  f = makeFleet(t.db);
});
afterEach(() => t.close());

const [online, offline, warning, online2, spare] = [0, 1, 2, 3, 4];
const latest = (index: number, hashrateGhs: number, powerW: number) =>
  t.db.insert(minerLatest).values({ minerId: f.miners[index].id, at: '2026-03-10T14:59:00.000Z', hashrateGhs, powerW, powerSource: 'miner' }).run();

describe('liveFleet', () => {
  it('counts miners by live status and sums the live readings per site, leaving out miners that did not answer their last poll', () => {
    latest(online, 200_000, 3_500);
    latest(offline, 0, 0);
    latest(warning, 70_000, 3_000);
    latest(online2, 120_000, 3_400);
    latest(spare, 190_000, 3_300); // an old reading of a miner whose status is unknown now: not live
    const { fleet, sites } = liveFleet(t.db);
    expect(fleet).toEqual({
      miners: 5,
      statusCounts: { online: 2, offline: 1, warning: 1, unknown: 1 },
      hashrateGhs: 390_000,
      powerW: 9_900,
      answering: 3,
    });
    expect(sites).toEqual([
      { siteId: f.odessa.siteId, name: 'Odessa TX', miners: 3, answering: 2, hashrateGhs: 190_000, powerW: 6_400 },
      { siteId: f.midland.siteId, name: 'Midland TX', miners: 2, answering: 1, hashrateGhs: 200_000, powerW: 3_500 },
    ]);
  });

  it('shows miners placed at no site on a row of their own and a site without miners as zeros', () => {
    const loose = createMiner(t.db, { assetId: 'L-1', make: 'Bitmain', model: 'Antminer S21', liveStatus: 'online' }, actor);
    t.db.insert(minerLatest).values({ minerId: loose.id, at: '2026-03-10T14:59:00.000Z', hashrateGhs: 1_000, powerW: 50 }).run();
    t.db.update(miners).set({ siteId: f.odessa.siteId }).where(eq(miners.siteId, f.midland.siteId)).run();
    const { sites, fleet } = liveFleet(t.db);
    expect(sites.map((s) => [s.name, s.miners, s.powerW])).toEqual([
      ['No site', 1, 50],
      ['Odessa TX', 5, 0],
      ['Midland TX', 0, 0],
    ]);
    expect(fleet).toMatchObject({ miners: 6, hashrateGhs: 1_000, powerW: 50, answering: 1 });
  });
});

describe('fleetDay', () => {
  const now = new Date('2026-03-10T15:20:00.000Z');
  const hour = (h: number) => new Date(Date.UTC(2026, 2, 10, h)).toISOString();
  const hourly = (index: number, at: string, hashrateGhs: number | null, powerW: number | null, onlineS: number) =>
    t.db
      .insert(minerHourly)
      .values({ minerId: f.miners[index].id, hour: at, hashrateGhs, powerW, onlineS, energyWh: powerW ?? 0 })
      .run();

  it('gives 24 hourly points ending with the current hour, summed over sites, null where nothing reported', () => {
    hourly(online, hour(14), 200_000, 3_500, 3_600);
    hourly(warning, hour(14), 70_000, 3_000, 3_600);
    hourly(offline, hour(14), null, null, 0);
    hourly(online, hour(15), 199_000, 3_490, 1_200);
    hourly(online, new Date(Date.UTC(2026, 2, 9, 14)).toISOString(), 150_000, 3_000, 3_600); // 25 hours back: outside
    refreshFleetHours(t.db, '2026-03-09T00:00:00.000Z', '2026-03-11T00:00:00.000Z');
    const points = fleetDay(t.db, now);
    expect(points).toHaveLength(24);
    expect(points[0].hour).toBe('2026-03-09T16:00:00.000Z');
    expect(points.at(-1)).toEqual({ hour: hour(15), hashrateGhs: 199_000, powerW: 3_490, minersAnswering: 1 });
    expect(points.at(-2)).toEqual({ hour: hour(14), hashrateGhs: 270_000, powerW: 6_500, minersAnswering: 2 });
    expect(points.at(-3)).toEqual({ hour: hour(13), hashrateGhs: null, powerW: null, minersAnswering: 0 });
  });

  it('sums, for a caller who sees only their clients, the hours of the miners in their sight: their clients’ and those of no client', () => {
    const loose = f.miners.findIndex(
      (miner) => t.db.select({ clientId: miners.clientId }).from(miners).where(eq(miners.id, miner.id)).get()!.clientId === null,
    );
    expect(loose).toBeGreaterThanOrEqual(0);
    hourly(online, hour(14), 200_000, 3_500, 3_600);
    hourly(loose, hour(14), 90_000, 3_100, 1_800);
    refreshFleetHours(t.db, '2026-03-09T00:00:00.000Z', '2026-03-11T00:00:00.000Z');
    expect(fleetDay(t.db, now).at(-2)).toEqual({ hour: hour(14), hashrateGhs: 290_000, powerW: 6_600, minersAnswering: 2 });
    // A manager of no client sees the facility's own miner only; the clients' manager sees both.
    expect(fleetDay(t.db, now, { managerId: 999 }).at(-2)).toEqual({ hour: hour(14), hashrateGhs: 90_000, powerW: 3_100, minersAnswering: 1 });
    expect(fleetDay(t.db, now, { managerId: f.managerId }).at(-2)).toEqual({ hour: hour(14), hashrateGhs: 290_000, powerW: 6_600, minersAnswering: 2 });
    expect(liveFleet(t.db, { managerId: 999 }).fleet.miners).toBe(1);
  });
});

describe('minersPerClient', () => {
  it('names the clients holding most miners, sums the others and counts the miners of no client', () => {
    const third = makeClient(t.db, { name: 'Cobalt', contactEmail: 'c@cobalt.io', managerId: f.managerId });
    createMiner(t.db, { assetId: 'C-1', make: 'Bitmain', model: 'Antminer S21', clientId: third.id }, actor);
    createMiner(t.db, { assetId: 'C-2', make: 'Bitmain', model: 'Antminer S21', clientId: third.id }, actor);
    createMiner(t.db, { assetId: 'C-3', make: 'Bitmain', model: 'Antminer S21', clientId: third.id }, actor);
    expect(minersPerClient(t.db, 2)).toEqual({
      top: [
        { clientId: third.id, name: 'Cobalt', miners: 3 },
        { clientId: f.acme.id, name: 'Acme Hashing', miners: 2 },
      ],
      others: { clients: 1, miners: 2 },
      unassigned: 1,
    });
  });
});
