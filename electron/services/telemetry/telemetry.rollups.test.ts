import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fleetHourly, minerHourly, miners, minerSamples } from '../../../db/schema';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { epochSOf } from './telemetry.buckets';
import { refreshRollups } from './telemetry.rollups';

let t: TempDb;
let f: Fleet;
beforeEach(() => {
  t = openTempDb();
  f = makeFleet(t.db);
});
afterEach(() => t.close());

const hour = '2026-03-10T14:00:00.000Z';
const sample = (index: number, at: string, hashrateGhs: number | null, powerW: number | null, answered: number) =>
  t.db
    .insert(minerSamples)
    .values({
      minerId: f.miners[index].id,
      at,
      polls: 5,
      answered,
      hashrateGhs,
      powerW,
      onlineS: answered * 60,
      energyWh: powerW === null ? 0 : Math.round((powerW * answered * 60) / 3600),
    })
    .onConflictDoUpdate({ target: [minerSamples.minerId, minerSamples.at], set: { hashrateGhs, powerW, answered } })
    .run();
const refresh = (...ats: string[]) => t.db.transaction(() => refreshRollups(t.db, ats.map(epochSOf), ['UTC'], 'UTC'));
const fleetRows = () => t.db.select().from(fleetHourly).orderBy(fleetHourly.siteId).all();

describe('refreshRollups: the fleet hour', () => {
  it("sums the miners' hour per site as it rewrites them, and gives the same rows when run again", () => {
    sample(0, '2026-03-10T14:00:00.000Z', 200_000, 3_500, 5);
    sample(1, '2026-03-10T14:00:00.000Z', null, null, 0);
    sample(2, '2026-03-10T14:05:00.000Z', 80_000, 3_000, 5);
    refresh('2026-03-10T14:00:00.000Z', '2026-03-10T14:05:00.000Z');
    const expected = [
      { hour, siteId: f.midland.siteId, hashrateGhs: 200_000, powerW: 3_500, energyWh: 292, miners: 2, minersAnswering: 1 },
      { hour, siteId: f.odessa.siteId, hashrateGhs: 80_000, powerW: 3_000, energyWh: 250, miners: 1, minersAnswering: 1 },
    ];
    expect(fleetRows()).toEqual(expected);
    refresh('2026-03-10T14:05:00.000Z');
    expect(fleetRows()).toEqual(expected);
    expect(t.db.select().from(minerHourly).all()).toHaveLength(3);
  });

  it('moves a miner’s share with it when its site changes, leaving no stale row for a site that has none left', () => {
    sample(0, '2026-03-10T14:00:00.000Z', 200_000, 3_500, 5);
    refresh('2026-03-10T14:00:00.000Z');
    t.db.update(miners).set({ siteId: null, rackId: null, rackPosition: null }).where(eq(miners.id, f.miners[0].id)).run();
    sample(0, '2026-03-10T14:10:00.000Z', 190_000, 3_400, 5);
    refresh('2026-03-10T14:10:00.000Z');
    expect(fleetRows()).toEqual([{ hour, siteId: 0, hashrateGhs: 195_000, powerW: 3_450, energyWh: 575, miners: 1, minersAnswering: 1 }]);
  });
});
