import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import type { CounterEvent, EnergySeries } from '../../contract/power';
import { requireSite } from '../sites/sites.guards';
import { requireDevice } from './power.devices';

/** Resets, rollovers and gaps of every counter of a device, newest first. */
export function counterEvents(db: DbOrTx, input: ParsedInputOf<Contract['power.counters.events']>): CounterEvent[] {
  requireDevice(db, input.deviceId);
  return db.all<CounterEvent>(sql`
    SELECT e.id, e.counter_id AS counterId, c.device_id AS deviceId, o.outlet_index AS outletIndex, e.kind, e.from_at AS fromAt, e.to_at AS toAt,
      e.before_raw AS beforeRaw, e.after_raw AS afterRaw, e.counted_wh AS countedWh
    FROM energy_counter_events e JOIN energy_counters c ON c.id = e.counter_id LEFT JOIN power_outlets o ON o.id = c.outlet_id
    WHERE c.device_id = ${input.deviceId} ORDER BY e.to_at DESC, e.id DESC LIMIT ${input.limit}`);
}

/**
 * The total counters an energy figure sums. A device: its own total. A site: its site meters (meters that
 * measure no PDU); when it has none, the totals of its PDUs, so the same energy is never counted twice.
 */
function totalCounterIds(db: DbOrTx, input: { deviceId?: number; siteId?: number }): number[] {
  if (input.deviceId !== undefined) {
    requireDevice(db, input.deviceId);
    return db.all<{ id: number }>(sql`SELECT id FROM energy_counters WHERE device_id = ${input.deviceId} AND outlet_id IS NULL`).map((r) => r.id);
  }
  requireSite(db, input.siteId!);
  const ofKind = (where: ReturnType<typeof sql>) =>
    db
      .all<{ id: number }>(
        sql`SELECT c.id FROM energy_counters c JOIN power_devices d ON d.id = c.device_id WHERE d.site_id = ${input.siteId} AND c.outlet_id IS NULL AND ${where}`,
      )
      .map((r) => r.id);
  const meters = ofKind(sql`d.kind = 'meter' AND d.metered_device_id IS NULL`);
  return meters.length ? meters : ofKind(sql`d.kind = 'pdu'`);
}

/** Hourly energy of a device's or a site's total between two instants (hours starting in [from, to)). */
export function energySeries(db: DbOrTx, input: ParsedInputOf<Contract['power.energy.series']>): EnergySeries {
  const ids = totalCounterIds(db, input);
  if (!ids.length) return { counters: 0, points: [], totalWh: 0 };
  const from = new Date(Math.floor(Date.parse(input.from) / 3_600_000) * 3_600_000).toISOString();
  const to = new Date(Date.parse(input.to)).toISOString();
  const points = db.all<{ hour: string; energyWh: number; coveredS: number }>(sql`
    SELECT hour, SUM(energy_wh) AS energyWh, SUM(covered_s) AS coveredS FROM energy_hourly
    WHERE counter_id IN (${sql.join(ids, sql`, `)}) AND hour >= ${from} AND hour < ${to} GROUP BY hour ORDER BY hour`);
  return { counters: ids.length, points, totalWh: points.reduce((sum, p) => sum + p.energyWh, 0) };
}
