import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { prepared } from '../../../db/bulk';
import type { Db, DbOrTx } from '../../../db/open-db';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import { formatDecimal } from '../../contract/money';
import type { ReadingRowNote, ReadingsCounterSummary, ReadingsImportResult, StoredReading } from '../../contract/power.readings';
import { recordAudit } from '../audit/record-audit';
import { requireDevice } from './power.devices';
import { checkImport, type CounterPlan } from './power.readings.check';
import { fillPolledReadings, mergeManualReadings, type ChainRules, type UnaskedReset } from './power.readings.chain';
import { OUTLET_MAX_W, TOTAL_MAX_W } from './power.store';

/**
 * `power.readings.import`: every row is checked first; when any is refused nothing is stored and every
 * refusal is listed. Otherwise all rows are stored in one transaction with one audit row per device.
 * `check` runs the same store and rolls it back, so the answer (remarks included) is what saving would do.
 */

class CheckOnly extends Error {}

const SQL = {
  outletInsert: `INSERT INTO power_outlets (device_id, outlet_index) VALUES (?, ?) RETURNING id`,
  counterInsert: `INSERT INTO energy_counters (device_id, outlet_id, max_wh) VALUES (?, ?, NULL) RETURNING id`,
  counterMaxWh: `SELECT max_wh AS maxWh FROM energy_counters WHERE id = ?`,
} as const;

const kwhText = (wh: number) => formatDecimal(wh, 3, 3).replace(/\B(?=(\d{3})+(?!\d)\.)/g, ',');

function unaskedMessage(what: string, reset: UnaskedReset): string {
  const { before, after } = reset;
  if (after.wh < before.wh)
    return `${what} went down from ${kwhText(before.wh)} to ${kwhText(after.wh)} kWh (${before.at} to ${after.at}) without the reset flag; it was stored as a reset, and the energy after it counts from 0.`;
  return `${what} rose by ${kwhText(after.wh - before.wh)} kWh between ${before.at} and ${after.at}, more than it could draw in that time; it was stored as a meter replaced at another count, and that rise counted as 0.`;
}

/** Stores one counter's readings; answers its summary and any resets nobody asked for. */
function storePlan(sqlite: Database.Database, plan: CounterPlan): { summary: ReadingsCounterSummary; remarks: ReadingRowNote[] } {
  const { device, outletIndex } = plan;
  let outletId = plan.outletId;
  const outletCreated = outletIndex !== null && outletId === null;
  if (outletCreated) outletId = (prepared(sqlite, SQL.outletInsert).get(device.id, outletIndex) as { id: number }).id;
  const counterId = plan.counter?.id ?? (prepared(sqlite, SQL.counterInsert).get(device.id, outletId) as { id: number }).id;
  const maxWh = plan.counter ? (prepared(sqlite, SQL.counterMaxWh).get(counterId) as { maxWh: number | null }).maxWh : null;
  const rules: ChainRules = { maxWh: device.kind === 'manual' ? null : maxWh, maxPowerW: outletIndex === null ? TOTAL_MAX_W : OUTLET_MAX_W };
  const readings = plan.readings;
  const unasked: UnaskedReset[] = [];
  if (device.kind === 'manual') {
    unasked.push(...mergeManualReadings(sqlite, counterId, readings, rules));
  } else {
    const filled = new Set<string>();
    for (const { gap, readings: inGap } of plan.gaps.values()) {
      unasked.push(...fillPolledReadings(sqlite, counterId, inGap, { gap }, rules));
      for (const r of inGap) filled.add(r.at);
    }
    const after = readings.filter((r) => !filled.has(r.at));
    const last = plan.counter?.lastAt
      ? { atS: Math.floor(Date.parse(plan.counter.lastAt) / 1000), at: plan.counter.lastAt, raw: plan.counter.lastRaw!, wh: plan.counter.lastWh!, reset: false }
      : null;
    if (after.length) unasked.push(...fillPolledReadings(sqlite, counterId, after, { last }, rules));
  }
  const rowAt = new Map(readings.map((r) => [r.at, r.row]));
  const what = outletIndex === null ? `"${device.name}"` : `Outlet ${outletIndex} of "${device.name}"`;
  return {
    summary: {
      deviceId: device.id,
      deviceName: device.name,
      outletIndex,
      outletCreated,
      readings: readings.length,
      fromAt: readings[0].at,
      toAt: readings[readings.length - 1].at,
    },
    remarks: unasked.map((reset) => ({ row: rowAt.get(reset.at)!, message: unaskedMessage(what, reset) })),
  };
}

function auditImport(db: DbOrTx, actor: string, summaries: readonly ReadingsCounterSummary[], resets: number): void {
  const byDevice = new Map<number, ReadingsCounterSummary[]>();
  for (const s of summaries) byDevice.set(s.deviceId, [...(byDevice.get(s.deviceId) ?? []), s]);
  for (const [deviceId, list] of byDevice) {
    recordAudit(db, {
      actor,
      action: 'power.readings.imported',
      entity: 'power_device',
      entityId: deviceId,
      after: {
        readings: list.reduce((n, s) => n + s.readings, 0),
        counters: list.map((s) => (s.outletIndex === null ? 'total' : `outlet ${s.outletIndex}`)),
        outletsCreated: list.filter((s) => s.outletCreated).map((s) => s.outletIndex),
        from: list.reduce((min, s) => (s.fromAt < min ? s.fromAt : min), list[0].fromAt),
        to: list.reduce((max, s) => (s.toAt > max ? s.toAt : max), list[0].toAt),
        ...(resets ? { resetsTaken: resets } : {}),
      },
    });
  }
}

export function importReadings(db: Db, input: ParsedInputOf<Contract['power.readings.import']>, actor: string, now = new Date()): ReadingsImportResult {
  const sqlite = db.$client;
  let result: ReadingsImportResult | null = null;
  try {
    db.transaction((tx) => {
      const check = checkImport(sqlite, input.rows, now.getTime());
      const base = { rows: input.rows.length, refusals: check.refusals, remarks: check.remarks };
      if (check.refusals.length) {
        result = { ...base, stored: false, counters: [] };
        return;
      }
      const stored = check.plans.map((plan) => storePlan(sqlite, plan));
      const resetRemarks = stored.flatMap((s) => s.remarks);
      const summaries = stored.map((s) => s.summary);
      auditImport(tx, actor, summaries, resetRemarks.length);
      const remarks = [...check.remarks, ...resetRemarks].sort((a, b) => a.row - b.row);
      result = { ...base, remarks, stored: !input.check, counters: summaries };
      if (input.check) throw new CheckOnly();
    });
  } catch (error) {
    if (!(error instanceof CheckOnly)) throw error;
  }
  return result!;
}

/** A device's latest readings across its counters, newest first. */
export function listReadings(db: DbOrTx, input: ParsedInputOf<Contract['power.readings.list']>): StoredReading[] {
  requireDevice(db, input.deviceId);
  return db
    .all<Omit<StoredReading, 'reset'> & { reset: number }>(
      sql`SELECT r.at, o.outlet_index AS outletIndex, r.raw, r.counter_wh AS counterWh, r.reset FROM energy_readings r
        JOIN energy_counters c ON c.id = r.counter_id LEFT JOIN power_outlets o ON o.id = c.outlet_id
        WHERE c.device_id = ${input.deviceId} ORDER BY r.at DESC, o.outlet_index LIMIT ${input.limit}`,
    )
    .map((r) => ({ ...r, reset: r.reset === 1 }));
}
