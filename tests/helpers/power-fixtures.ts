import type { Db, DbOrTx } from '../../db/open-db';
import { contract, type Input } from '../../electron/contract';
import type { ReadingRowInput } from '../../electron/contract/power.readings';
import { createPowerDevice, type PowerDeps } from '../../electron/services/power/power.devices';
import { importReadings } from '../../electron/services/power/power.readings.import';
import type { OutletReading, PowerReadResult, PowerReader, PowerDeviceTarget } from '../../electron/services/power/reader';
import { actor } from './client-fixtures';

/** A PDU form with the given changes, parsed by the contract like a transport would. */
export function pduInput(siteId: number, fields: Partial<Record<string, unknown>> = {}): Input<'power.devices.create'> {
  return {
    kind: 'pdu',
    siteId,
    name: 'PDU A1',
    host: '127.0.0.1',
    builtinProfile: 'apc-rpdu2',
    snmp: { version: '2c' },
    secrets: { community: 'north-wind-42' },
    ...fields,
  } as Input<'power.devices.create'>;
}

export function makePdu(db: DbOrTx, deps: PowerDeps, siteId: number, fields: Partial<Record<string, unknown>> = {}) {
  return createPowerDevice(db, deps, contract['power.devices.create'].input.parse(pduInput(siteId, fields)), actor);
}

/** A reading of a PDU: total and per-outlet energy as counted Wh (raw = Wh / 100, as the APC counts tenths of kWh). */
export function pduReading(outlets: { powerW: number; wh: number }[], total: { powerW: number; wh: number }): PowerReadResult {
  const counter = (wh: number) => ({ raw: String(wh / 100), wh, maxWh: 2 ** 32 * 100 });
  return {
    ok: true,
    reading: {
      powerW: total.powerW,
      energy: counter(total.wh),
      outlets: outlets.map((o, i): OutletReading => ({ index: i + 1, name: `Outlet ${i + 1}`, state: 'on', powerW: o.powerW, energy: counter(o.wh) })),
      extra: {},
      notes: [],
    },
  };
}

/**
 * A reader that answers from a script, one result per read, recording the targets it was given: a stand-in
 * for the network only (the SNMP and Modbus clients have their own tests against simulated devices).
 */
export function scriptedReader(script: PowerReadResult[]): PowerReader & { targets: PowerDeviceTarget[] } {
  const targets: PowerDeviceTarget[] = [];
  const reader = async (target: PowerDeviceTarget) => {
    targets.push(target);
    const next = script.shift();
    if (!next) throw new Error('The script has no more readings.');
    return next;
  };
  return Object.assign(reader, { targets });
}

/** A manual device (read by hand) through the service, parsed by the contract. */
export function makeManual(db: DbOrTx, deps: PowerDeps, siteId: number, fields: Partial<Record<string, unknown>> = {}) {
  return createPowerDevice(db, deps, contract['power.devices.create'].input.parse({ kind: 'manual', siteId, name: 'Panel B', ...fields }), actor);
}

/** `power.readings.import` through the service, parsed by the contract; `now` is the clock the future check reads. */
export function importRows(db: Db, rows: ReadingRowInput[], options: { now?: Date; check?: boolean } = {}) {
  return importReadings(db, contract['power.readings.import'].input.parse({ rows, check: options.check }), actor, options.now);
}

/**
 * energy_daily as the triggers keep it, beside the sums of energy_hourly per counter and UTC day: equal after any
 * writer's work (the poller's adds, an import's re-spreading, a device removed).
 */
export function dailyBesideHours(db: Db): { daily: unknown[]; fromHours: unknown[] } {
  const read = (sql: string) => db.$client.prepare(sql).all();
  return {
    daily: read('SELECT counter_id, day, hours, energy_wh, covered_s FROM energy_daily ORDER BY counter_id, day'),
    fromHours: read(
      `SELECT counter_id, substr(hour, 1, 10) AS day, COUNT(*) AS hours, SUM(energy_wh) AS energy_wh, SUM(covered_s) AS covered_s
       FROM energy_hourly GROUP BY counter_id, substr(hour, 1, 10) ORDER BY counter_id, day`,
    ),
  };
}

/** An afterEach body: energy_daily still equals the hours' sums after the test's writes, then the database closes. */
export function closeCheckingDaily(db: Db, close: () => void): void {
  try {
    const { daily, fromHours } = dailyBesideHours(db);
    if (JSON.stringify(daily) !== JSON.stringify(fromHours))
      throw new Error(`energy_daily differs from the sums of energy_hourly:\n${JSON.stringify(daily)}\n${JSON.stringify(fromHours)}`);
  } finally {
    close();
  }
}
