import { DateTime } from 'luxon';
import { contract } from '../../contract';
import { createPowerDevice } from '../power/power.devices';
import { assignOutlet } from '../power/power.outlets';
import { storePowerPoll } from '../power/power.store';
import type { CounterReading, PowerReadResult } from '../power/reader';
import { readSettingsRow } from '../settings/settings.service';
import { HOUR_MS, MINUTE_MS, hourFloor, rackIdOf, siteIdOf, type DemoContext } from './demo.context';
import type { MinerStory } from './demo.fleet-story';
import { counterAfterHistory, writeOutletHistory, writeSiteMeterHistory, writeTotalFromOutlets } from './demo.power-history';

const POLL_MS = 5 * MINUTE_MS;
/** The APC rPDU2 counts tenths of a kWh; the Schneider PM5xxx whole Wh (profiles/apc-rpdu2.ts, schneider-pm5000.ts). */
const APC_UNIT_WH = 100;
const METER_UNIT_WH = 1;

type PduPlan = {
  name: string;
  host: string;
  place: { site: string; room: string; rack: string };
  firstPosition: number;
  installedAtMs: number;
  failsAtMs: number | null;
};
type Counter = { id: number | null; wh: number; unitWh: number };
type Outlet = { index: number; name: string; miner: MinerStory | null; counter: Counter };
/** A device as the demo drives it: its counters, what it reads after some time, and until when its history is written. */
type Device = { id: number; counters: Counter[]; historyEndMs: number; failsAtMs: number | null; host: string; read(elapsedMs: number): PowerReadResult };

const reading = (counter: Counter): CounterReading => ({ raw: String(counter.wh / counter.unitWh), wh: counter.wh, maxWh: 2 ** 32 * counter.unitWh });
const addEnergy = (counter: Counter, watts: number, elapsedMs: number) => {
  counter.wh += Math.round((watts * elapsedMs) / HOUR_MS / counter.unitWh) * counter.unitWh;
};

/** What an outlet draws now: the miner's own report, else what its power supply pulls (nameplate ±3 %), nothing while offline. */
function outletWatts(miner: MinerStory | null): number {
  if (!miner || miner.status === 'offline') return 0;
  if (miner.powerSource === 'miner') return miner.powerW;
  return Math.round(miner.nominalW * (0.97 + ((miner.id * 7919) % 61) / 1000));
}

/** The counters of a device as stored (the total has no outlet). */
const storedCounters = (ctx: DemoContext, deviceId: number) =>
  ctx.db.$client
    .prepare('SELECT c.id, o.outlet_index AS outletIndex FROM energy_counters c LEFT JOIN power_outlets o ON o.id = c.outlet_id WHERE c.device_id = ?')
    .all(deviceId) as { id: number; outletIndex: number | null }[];

/**
 * A PDU put in a rack the day before its history starts: created (audited), read once as the poller stores
 * a reading (which makes its outlets), each outlet named after and mapped to the miner at its position.
 * Then hourly energy per outlet, and the total as their sum, up to the hour its last stretch of polls begins.
 */
function installPdu(ctx: DemoContext, plan: PduPlan, historyEndMs: number, technician: string): Device & { mapped: number; hours: number } {
  const { db, clock } = ctx;
  const rackId = rackIdOf(db, plan.place);
  const setupMs = plan.installedAtMs - 26 * HOUR_MS;
  clock.set(setupMs);
  const input = {
    kind: 'pdu',
    siteId: siteIdOf(db, plan.place.site),
    rackId,
    name: plan.name,
    host: plan.host,
    builtinProfile: 'apc-rpdu2',
    snmp: { version: '2c' },
    secrets: { community: 'nw-monitor' },
  };
  const { id } = createPowerDevice(db, ctx.deps, contract['power.devices.create'].input.parse(input), technician);
  const byPosition = new Map(ctx.fleet.filter((m) => m.rackId === rackId).map((m) => [m.rackPosition, m]));
  const outlets: Outlet[] = Array.from({ length: 24 }, (_, i) => {
    const miner = byPosition.get(plan.firstPosition + i) ?? null;
    return {
      index: i + 1,
      name: miner?.assetId ?? `Outlet ${i + 1}`,
      miner,
      counter: { id: null, wh: (1_800_000 + ((id * 31 + i) % 97) * 10_000) * APC_UNIT_WH, unitWh: APC_UNIT_WH },
    };
  });
  const total: Counter = { id: null, wh: 0, unitWh: APC_UNIT_WH };
  const read = (elapsedMs: number): PowerReadResult => {
    const answers = outlets.map((o) => {
      const powerW = outletWatts(o.miner);
      addEnergy(o.counter, powerW, elapsedMs);
      return { index: o.index, name: o.name, state: 'on' as const, powerW, energy: reading(o.counter) };
    });
    total.wh = outlets.reduce((sum, o) => sum + o.counter.wh, 0);
    return { ok: true, reading: { powerW: answers.reduce((sum, o) => sum + o.powerW, 0), energy: reading(total), outlets: answers, extra: {}, notes: [] } };
  };
  storePowerPoll(db, id, read(0), new Date(setupMs + 5 * MINUTE_MS), 60);
  clock.set(setupMs + 2 * HOUR_MS);
  const outletIds = db.$client.prepare('SELECT id, outlet_index AS outletIndex FROM power_outlets WHERE device_id = ?').all(id) as {
    id: number;
    outletIndex: number;
  }[];
  let mapped = 0;
  for (const outlet of outletIds) {
    const miner = outlets[outlet.outletIndex - 1].miner;
    if (!miner) continue;
    assignOutlet(db, { outletId: outlet.id, minerId: miner.id }, technician);
    mapped += 1;
  }
  const counters = storedCounters(ctx, id);
  for (const c of counters) (c.outletIndex === null ? total : outlets[c.outletIndex - 1].counter).id = c.id;
  // Before going offline a miner drew its nameplate power.
  const loads = outlets.map((o) => ({
    counterId: o.counter.id!,
    watts: outletWatts(o.miner) || (o.miner?.nominalW ?? 0),
    offAtMs: o.miner?.status === 'offline' ? o.miner.sinceS * 1000 : null,
  }));
  let hours = writeOutletHistory(db, loads, plan.installedAtMs, historyEndMs);
  hours += writeTotalFromOutlets(
    db,
    total.id!,
    loads.map((l) => l.counterId),
    plan.installedAtMs,
    historyEndMs,
  );
  return { id, counters: [total, ...outlets.map((o) => o.counter)], historyEndMs, failsAtMs: plan.failsAtMs, host: plan.host, read, mapped, hours };
}

/** The Midland feed's meter: the site's miners now, plus those that have stopped since, before they stopped. */
function installSiteMeter(ctx: DemoContext, historyFromMs: number, historyEndMs: number, technician: string): Device & { hours: number } {
  const { db, clock } = ctx;
  const siteId = siteIdOf(db, 'Midland TX');
  clock.set(historyFromMs - 27 * HOUR_MS);
  const input = { kind: 'meter', siteId, name: 'Midland main meter', host: '127.60.250.2', builtinProfile: 'schneider-pm5000', modbus: { unitId: 1 } };
  const { id } = createPowerDevice(db, ctx.deps, contract['power.devices.create'].input.parse(input), technician);
  const miners = ctx.fleet.filter((m) => m.siteId === siteId);
  const wattsNow = miners.reduce((sum, m) => sum + outletWatts(m), 0);
  const counter: Counter = { id: null, wh: 48_311_502_000, unitWh: METER_UNIT_WH };
  const read = (elapsedMs: number): PowerReadResult => {
    addEnergy(counter, wattsNow, elapsedMs);
    return {
      ok: true,
      reading: { powerW: wattsNow, energy: reading(counter), outlets: [], extra: { 'Voltage A-N (V)': '277.4', 'Frequency (Hz)': '60.01' }, notes: [] },
    };
  };
  storePowerPoll(db, id, read(0), new Date(historyFromMs - 26 * HOUR_MS), 60);
  counter.id = storedCounters(ctx, id)[0].id;
  const stopped = miners.filter((m) => m.status === 'offline').map((m) => ({ offAtMs: m.sinceS * 1000, watts: m.nominalW }));
  const hours = writeSiteMeterHistory(db, counter.id, { wattsNow, stopped }, historyFromMs, historyEndMs);
  return { id, counters: [counter], historyEndMs, failsAtMs: null, host: input.host, read, hours };
}

/**
 * Where the history ends each counter stands at its baseline plus every hour written; from there the
 * device is polled every five minutes up to half a minute ago through the poller's own store (raw
 * readings, outlet power, hourly deltas), answering until it fails.
 */
function pollLastStretch(ctx: DemoContext, device: Device, nowMs: number): void {
  const { db } = ctx;
  const atIso = new Date(device.historyEndMs).toISOString();
  const setCounter = db.$client.prepare('UPDATE energy_counters SET last_raw = ?, last_wh = ?, last_at = ? WHERE id = ?');
  for (const counter of device.counters) {
    counter.wh = counterAfterHistory(db, counter.id!, counter.unitWh);
    setCounter.run(reading(counter).raw, counter.wh, atIso, counter.id);
  }
  const times: number[] = [];
  for (let atMs = nowMs - 30_000; atMs > device.historyEndMs; atMs -= POLL_MS) times.unshift(atMs);
  let previousMs = device.historyEndMs;
  for (const atMs of times) {
    const failed = device.failsAtMs !== null && atMs >= device.failsAtMs;
    const message = `No SNMP answer from ${device.host}:161 within 15000 ms (wrong community or version, or the device is off).`;
    storePowerPoll(db, device.id, failed ? { ok: false, state: 'unreachable', message } : device.read(atMs - previousMs), new Date(atMs), 60);
    if (!failed) previousMs = atMs;
  }
}

/**
 * Two PDUs (APC over SNMP) in a Midland rack with an outlet per miner, a Modbus site meter at Midland, and
 * a PDU put in at Odessa last week that stopped answering two hours ago, through the real services, with
 * hourly energy since the three months billing reads and the last stretch polled as the poller does.
 */
export function seedDemoPower(ctx: DemoContext): { powerDevices: number; mappedOutlets: number; energyHours: number } {
  const nowMs = ctx.clock.realNow.getTime();
  const zone = readSettingsRow(ctx.db).timeZone;
  const historyFromMs = DateTime.fromMillis(nowMs, { zone }).startOf('month').minus({ months: 3, days: 1 }).startOf('hour').toMillis();
  const lastHourMs = hourFloor(nowMs) - HOUR_MS;
  const midland = { site: 'Midland TX', room: 'C-01', rack: 'R01' };
  const odessaFailsAtMs = nowMs - 2 * HOUR_MS - 13 * MINUTE_MS;
  const plans: PduPlan[] = [
    { name: 'C-01 R01 PDU A', host: '127.60.250.11', place: midland, firstPosition: 1, installedAtMs: historyFromMs, failsAtMs: null },
    { name: 'C-01 R01 PDU B', host: '127.60.250.12', place: midland, firstPosition: 25, installedAtMs: historyFromMs, failsAtMs: null },
    {
      name: 'Hall A R01 PDU A',
      host: '127.60.251.11',
      place: { site: 'Odessa TX', room: 'Hall A', rack: 'R01' },
      firstPosition: 1,
      installedAtMs: hourFloor(nowMs - 7 * 24 * HOUR_MS),
      failsAtMs: odessaFailsAtMs,
    },
  ];
  const technician = ctx.staffNames[3] ?? ctx.actor;
  const pdus = plans.map((plan) => installPdu(ctx, plan, plan.failsAtMs === null ? lastHourMs : hourFloor(plan.failsAtMs), technician));
  const meter = installSiteMeter(ctx, historyFromMs, lastHourMs, technician);
  for (const device of [...pdus, meter]) pollLastStretch(ctx, device, nowMs);
  return {
    powerDevices: pdus.length + 1,
    mappedOutlets: pdus.reduce((sum, p) => sum + p.mapped, 0),
    energyHours: pdus.reduce((sum, p) => sum + p.hours, meter.hours),
  };
}
