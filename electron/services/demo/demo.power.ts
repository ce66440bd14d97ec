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
const apcUnitWh = 100;
const meterUnitWh = 1;

type Place = { site: string; room: string; rack: string };
type PduPlan = { name: string; host: string; place: Place; firstPosition: number; outlets: number; installedAtMs: number; failsAtMs: number | null };
type Counter = { wh: number; unitWh: number };
type Device = { id: number; plan: PduPlan | null; outlets: { index: number; name: string; miner: MinerStory | null }[]; total: Counter; perOutlet: Counter[] };

const counterOf = (counter: Counter): CounterReading => ({ raw: String(counter.wh / counter.unitWh), wh: counter.wh, maxWh: 2 ** 32 * counter.unitWh });

/** What an outlet draws now: the miner's own report, else what its power supply pulls (nameplate ±3 %), nothing while offline. */
function outletWatts(miner: MinerStory | null): number {
  if (!miner || miner.status === 'offline') return 0;
  if (miner.powerSource === 'miner') return miner.powerW;
  return Math.round(miner.nominalW * (0.97 + ((miner.id * 7919) % 61) / 1000));
}

/** One poll's answer, advancing each counter by what was drawn over `elapsedMs`. */
function advance(device: Device, elapsedMs: number): PowerReadResult {
  const outlets = device.outlets.map((outlet, i) => {
    const powerW = outletWatts(outlet.miner);
    const counter = device.perOutlet[i];
    counter.wh += Math.round((powerW * elapsedMs) / HOUR_MS / counter.unitWh) * counter.unitWh;
    return { index: outlet.index, name: outlet.name, state: 'on' as const, powerW, energy: counterOf(counter) };
  });
  device.total.wh = device.perOutlet.reduce((sum, c) => sum + c.wh, 0);
  const powerW = outlets.reduce((sum, o) => sum + o.powerW, 0);
  return { ok: true, reading: { powerW, energy: counterOf(device.total), outlets, extra: {}, notes: [] } };
}

/**
 * Two PDUs (APC over SNMP) in a Midland rack with an outlet per miner, a Modbus site meter at Midland, and
 * a PDU put in at Odessa last week that stopped answering two hours ago, through the real services: created
 * and mapped (audited) before the billing history starts, the first reading stored as the poller stores it,
 * then hourly energy for every counter up to the last hour, and the last hour's polls every five minutes
 * through the poller's own store (outlet power, raw readings, hourly deltas).
 */
export function seedDemoPower(ctx: DemoContext): { powerDevices: number; mappedOutlets: number; energyHours: number } {
  const { db, clock, deps } = ctx;
  const nowMs = clock.realNow.getTime();
  const zone = readSettingsRow(db).timeZone;
  // Billing reads whole months: the history covers the three months before this one, and a day more.
  const historyFromMs = DateTime.fromMillis(nowMs, { zone }).startOf('month').minus({ months: 3, days: 1 }).startOf('hour').toMillis();
  const lastHourMs = hourFloor(nowMs) - HOUR_MS;
  const midland: Place = { site: 'Midland TX', room: 'C-01', rack: 'R01' };
  const plans: PduPlan[] = [
    { name: 'C-01 R01 PDU A', host: '127.60.250.11', place: midland, firstPosition: 1, outlets: 24, installedAtMs: historyFromMs, failsAtMs: null },
    { name: 'C-01 R01 PDU B', host: '127.60.250.12', place: midland, firstPosition: 25, outlets: 24, installedAtMs: historyFromMs, failsAtMs: null },
    {
      name: 'Hall A R01 PDU A',
      host: '127.60.251.11',
      place: { site: 'Odessa TX', room: 'Hall A', rack: 'R01' },
      firstPosition: 1,
      outlets: 24,
      installedAtMs: hourFloor(nowMs - 7 * 24 * HOUR_MS),
      failsAtMs: nowMs - 2 * HOUR_MS - 13 * MINUTE_MS,
    },
  ];
  const technician = ctx.staffNames[3] ?? ctx.actor;
  const devices: Device[] = [];
  let energyHours = 0;
  let mappedOutlets = 0;

  for (const plan of plans) {
    const rack = rackIdOf(db, plan.place);
    const siteId = siteIdOf(db, plan.place.site);
    // Put in the day before its history starts: created, first read, then each miner plugged in.
    const setupMs = plan.installedAtMs - 26 * HOUR_MS;
    clock.set(setupMs);
    const input = {
      kind: 'pdu',
      siteId,
      rackId: rack,
      name: plan.name,
      host: plan.host,
      builtinProfile: 'apc-rpdu2',
      snmp: { version: '2c' },
      secrets: { community: 'nw-monitor' },
    };
    const { id } = createPowerDevice(db, deps, contract['power.devices.create'].input.parse(input), technician);
    const byPosition = new Map(ctx.fleet.filter((m) => m.rackId === rack).map((m) => [m.rackPosition, m]));
    const outlets = Array.from({ length: plan.outlets }, (_, i) => {
      const miner = byPosition.get(plan.firstPosition + i) ?? null;
      return { index: i + 1, name: miner ? miner.assetId : `Outlet ${i + 1}`, miner };
    });
    const device: Device = {
      id,
      plan,
      outlets,
      total: { wh: 0, unitWh: apcUnitWh },
      perOutlet: outlets.map((_, i) => ({ wh: (1_800_000 + ((id * 31 + i) % 97) * 10_000) * apcUnitWh, unitWh: apcUnitWh })),
    };
    storePowerPoll(db, id, advance(device, 0), new Date(setupMs + 5 * MINUTE_MS), 60);
    clock.set(setupMs + 2 * HOUR_MS);
    const outletIds = db.$client.prepare('SELECT id, outlet_index AS outletIndex FROM power_outlets WHERE device_id = ? ORDER BY outlet_index').all(id) as {
      id: number;
      outletIndex: number;
    }[];
    for (const outlet of outletIds) {
      const miner = outlets[outlet.outletIndex - 1].miner;
      if (!miner) continue;
      assignOutlet(db, { outletId: outlet.id, minerId: miner.id }, technician);
      mappedOutlets += 1;
    }
    devices.push(device);
  }
  // The site meter reads the whole Midland feed.
  const midlandId = siteIdOf(db, 'Midland TX');
  clock.set(historyFromMs - 27 * HOUR_MS);
  const meterInput = {
    kind: 'meter',
    siteId: midlandId,
    name: 'Midland main meter',
    host: '127.60.250.2',
    builtinProfile: 'schneider-pm5000',
    modbus: { unitId: 1 },
  };
  const meter = createPowerDevice(db, deps, contract['power.devices.create'].input.parse(meterInput), technician);
  const siteMiners = ctx.fleet.filter((m) => m.siteId === midlandId);
  const meterDevice: Device = { id: meter.id, plan: null, outlets: [], total: { wh: 48_311_502_000, unitWh: meterUnitWh }, perOutlet: [] };
  const sitePowerW = () => siteMiners.reduce((sum, m) => sum + outletWatts(m), 0);
  const meterReading = (): PowerReadResult => ({
    ok: true,
    reading: {
      powerW: sitePowerW(),
      energy: counterOf(meterDevice.total),
      outlets: [],
      extra: { 'Voltage A-N (V)': '277.4', 'Frequency (Hz)': '60.01' },
      notes: [],
    },
  });
  storePowerPoll(db, meter.id, meterReading(), new Date(historyFromMs - 26 * HOUR_MS), 60);

  // Hourly energy up to the last whole hour (the Odessa PDU up to the hour it failed in).
  const historyEnd = (device: Device) => (device.plan?.failsAtMs ? hourFloor(device.plan.failsAtMs) : lastHourMs);
  const countersOf = (deviceId: number) =>
    db.$client
      .prepare('SELECT c.id, o.outlet_index AS outletIndex FROM energy_counters c LEFT JOIN power_outlets o ON o.id = c.outlet_id WHERE c.device_id = ?')
      .all(deviceId) as { id: number; outletIndex: number | null }[];
  for (const device of devices) {
    const counters = countersOf(device.id);
    const loads = counters.flatMap((c) => {
      if (c.outletIndex === null) return [];
      const miner = device.outlets[c.outletIndex - 1].miner;
      return [
        { counterId: c.id, watts: outletWatts(miner) || (miner ? miner.nominalW : 0), offAtMs: miner?.status === 'offline' ? miner.sinceS * 1000 : null },
      ];
    });
    const fromMs = device.plan!.installedAtMs;
    energyHours += writeOutletHistory(db, loads, fromMs, historyEnd(device));
    const total = counters.find((c) => c.outletIndex === null)!;
    energyHours += writeTotalFromOutlets(
      db,
      total.id,
      loads.map((l) => l.counterId),
      fromMs,
      historyEnd(device),
    );
    for (const c of counters) {
      const wh = counterAfterHistory(db, c.id, apcUnitWh);
      if (c.outletIndex === null) device.total.wh = wh;
      else device.perOutlet[c.outletIndex - 1].wh = wh;
    }
  }
  const stopped = siteMiners.filter((m) => m.status === 'offline').map((m) => ({ offAtMs: m.sinceS * 1000, watts: m.nominalW }));
  const meterCounter = countersOf(meter.id)[0];
  energyHours += writeSiteMeterHistory(db, meterCounter.id, { wattsNow: sitePowerW(), stopped }, historyFromMs, lastHourMs);
  meterDevice.total.wh = counterAfterHistory(db, meterCounter.id, meterUnitWh);

  // The counters stand where the history ends; the last stretch is polled every five minutes like the poller does.
  const setCounters = db.$client.prepare('UPDATE energy_counters SET last_raw = ?, last_wh = ?, last_at = ? WHERE id = ?');
  for (const device of [...devices, meterDevice]) {
    const atIso = new Date(device.plan ? historyEnd(device) : lastHourMs).toISOString();
    for (const c of countersOf(device.id)) {
      const counter = c.outletIndex === null ? device.total : device.perOutlet[c.outletIndex - 1];
      setCounters.run(counterOf(counter).raw, counter.wh, atIso, c.id);
    }
  }
  for (const device of [...devices, meterDevice]) {
    let previousMs = device.plan ? historyEnd(device) : lastHourMs;
    for (let atMs = previousMs + POLL_MS; atMs <= nowMs - MINUTE_MS; atMs += POLL_MS) {
      const failed = device.plan?.failsAtMs !== null && device.plan?.failsAtMs !== undefined && atMs >= device.plan.failsAtMs;
      const result: PowerReadResult = failed
        ? {
            ok: false,
            state: 'unreachable',
            message: `No SNMP answer from ${device.plan!.host}:161 within 15000 ms (wrong community or version, or the device is off).`,
          }
        : device.plan
          ? advance(device, atMs - previousMs)
          : (() => {
              meterDevice.total.wh += Math.round((sitePowerW() * (atMs - previousMs)) / HOUR_MS);
              return meterReading();
            })();
      storePowerPoll(db, device.id, result, new Date(atMs), 60);
      if (!failed) previousMs = atMs;
    }
  }
  return { powerDevices: plans.length + 1, mappedOutlets, energyHours };
}
