import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { energyHourly, energyReadings } from '../../../db/schema';
import { openContractsDb, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { makeStoredPdu, storeHourly } from '../../../tests/helpers/billing-fixtures';
import { gatherCounters, type CounterWanted } from './billing.gather-energy';
import { billingPeriod } from './billing.period';
import { closeCheckingDaily } from '../../../tests/helpers/power-fixtures';

/**
 * The spans the engine gets from the stored hours: complete stretches summed whole, holes (anywhere, on
 * several days, at the ends) leaving the unbroken runs around them, and an hour a boundary cuts kept alone.
 */

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
// Every test's writes leave energy_daily equal to the hours' sums (the triggers of migration 0028).
afterEach(() => closeCheckingDaily(w.db, () => w.t.close()));

const HOUR = 3600;
// March 2026 in New York: 2026-03-01T05:00Z to 2026-04-01T04:00Z, 743 hours.
const march = billingPeriod('2026-03', 'America/New_York');
const hourS = (h: number) => march.fromS + h * HOUR;
const wanted = (id: number, boundaries: number[] = []): CounterWanted => ({ id, label: 'outlet', total: false, boundaries: new Set(boundaries) });
const spansOf = (id: number, boundaries: number[] = []) =>
  gatherCounters(w.db, [wanted(id, boundaries)], march)[0].spans.map((s) => [
    (s.fromS - march.fromS) / HOUR,
    (s.toS - march.fromS) / HOUR,
    s.energyWh,
    s.coveredS,
  ]);

describe('gatherCounters', () => {
  it('sums a counter with every hour stored into one span of the month', () => {
    const [o] = makeStoredPdu(w.db, w.site.id, 'PDU A', 1);
    storeHourly(w.db, o.counterId, '2026-02-28T00:00:00Z', 800, 1_000);
    expect(spansOf(o.counterId)).toEqual([[0, 743, 743_000, 743 * HOUR]]);
  });

  it('leaves the unbroken runs around holes on different days and at both ends, with each run’s own sums', () => {
    const [o] = makeStoredPdu(w.db, w.site.id, 'PDU A', 1);
    // Hours 0-1 missing, 100-102 missing, 500 missing, 740-742 missing; hour 300 read for half of it.
    storeHourly(w.db, o.counterId, '2026-03-01T05:00:00Z', 743, 1_000, [0, 1, 100, 101, 102, 500, 740, 741, 742]);
    w.db
      .update(energyHourly)
      .set({ coveredS: 1_800 })
      .where(eq(energyHourly.hour, new Date(hourS(300) * 1000).toISOString()))
      .run();
    expect(spansOf(o.counterId)).toEqual([
      [2, 100, 98_000, 98 * HOUR],
      [103, 500, 397_000, 397 * HOUR - 1_800],
      [501, 740, 239_000, 239 * HOUR],
    ]);
  });

  it('reads nothing for a counter without hours in the month', () => {
    const [o] = makeStoredPdu(w.db, w.site.id, 'PDU A', 1);
    storeHourly(w.db, o.counterId, '2026-01-01T00:00:00Z', 24, 1_000);
    expect(spansOf(o.counterId)).toEqual([]);
  });

  it('splits at a boundary on an hour’s edge and keeps an hour a boundary cuts as a span of its own, with the raw readings around it', () => {
    const [o] = makeStoredPdu(w.db, w.site.id, 'PDU A', 1);
    storeHourly(w.db, o.counterId, '2026-03-01T05:00:00Z', 743, 1_000);
    const cutAt = hourS(400) + 1_234;
    for (let k = 0; k < 15; k += 1)
      w.db
        .insert(energyReadings)
        .values({ counterId: o.counterId, at: new Date((hourS(400) - 300 + k * 300) * 1000).toISOString(), raw: String(k * 90), counterWh: k * 90 })
        .run();
    const [counter] = gatherCounters(w.db, [wanted(o.counterId, [hourS(200), cutAt])], march);
    expect(counter.spans.map((s) => [(s.fromS - march.fromS) / HOUR, (s.toS - march.fromS) / HOUR])).toEqual([
      [0, 200],
      [200, 400],
      [400, 401],
      [401, 743],
    ]);
    expect(counter.readings.map((r) => r.atS)).toEqual(Array.from({ length: 15 }, (_, k) => hourS(400) - 300 + k * 300));
  });
});
