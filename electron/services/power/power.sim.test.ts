// The power poller with the real SNMP and Modbus readers against the simulated APC PDU and SDM630 meter
// on 127.69.1.x: readings stored, and the simulators' counter rollover and reset recorded as events.
// Simulated time runs `speed` times faster, and the poller's clock with it, so the energy the counters
// gain matches the power the devices report. Every wait is bounded.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { energyHourly } from '../../../db/schema';
import { meterModbusPort, startMeter, type SimulatedMeter } from '../../../tools/sim/power/modbus-meter';
import { pduSnmpPort, startPdu, type SimulatedPdu } from '../../../tools/sim/power/pdu-agent';
import { actor } from '../../../tests/helpers/client-fixtures';
import { makeFleet } from '../../../tests/helpers/fleet-fixtures';
import { makePdu } from '../../../tests/helpers/power-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { createSecretBox } from '../secrets/secret-box';
import { createPowerDevice, requireDevice } from './power.devices';
import { counterEvents } from './power.energy';
import { listOutlets } from './power.outlets';
import { createPowerPoller } from './power.poller';
import { builtInPowerProfiles } from './profiles';
import { readPowerDevice } from './read-device';

const speed = 300;
const pduIp = '127.69.1.1';
const meterIp = '127.69.1.2';
let pdu: SimulatedPdu;
let meter: SimulatedMeter;
let t: TempDb;

beforeAll(async () => {
  pdu = await startPdu({
    ip: pduIp,
    name: 'pdu-sim',
    serial: 'ZA0069',
    speed,
    outlets: [
      { name: 'rig-a', powerW: 3000 },
      { name: 'rig-b', powerW: 3200 },
    ],
  });
  meter = await startMeter({ ip: meterIp, serial: 'SDM-69', powerW: 6200, speed });
  t = openTempDb();
});
afterAll(async () => {
  await pdu?.stop();
  await meter?.stop();
  t?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('polling the simulated APC PDU and SDM630 meter', () => {
  it('stores outlets, power and energy, and records the rollover and reset of the counters', async () => {
    const fleet = makeFleet(t.db);
    const deps = { builtIns: builtInPowerProfiles, secrets: createSecretBox(randomBytes(32)) };
    const pduDevice = makePdu(t.db, deps, fleet.midland.siteId, { host: pduIp, port: pduSnmpPort, secrets: { community: 'public' } });
    const meterDevice = createPowerDevice(
      t.db,
      deps,
      contract['power.devices.create'].input.parse({
        kind: 'meter',
        siteId: fleet.midland.siteId,
        name: 'Main meter',
        host: meterIp,
        port: meterModbusPort,
        builtinProfile: 'eastron-sdm630',
      }),
      actor,
    );
    const startMs = Date.now();
    const now = () => new Date(startMs + (Date.now() - startMs) * speed);
    const poller = createPowerPoller(t.db, { ...deps, schedule: false, reader: readPowerDevice, log: { error: () => undefined }, now, timeoutMs: 3_000 });

    await poller.pollNow();
    expect(requireDevice(t.db, pduDevice.id)).toMatchObject({ state: 'ok', stateMessage: null });
    expect(requireDevice(t.db, meterDevice.id)).toMatchObject({ state: 'ok', powerW: 6200 });
    expect(listOutlets(t.db, { deviceId: pduDevice.id })).toMatchObject([
      { outletIndex: 1, name: 'rig-a', state: 'on', powerW: 3000 },
      { outletIndex: 2, name: 'rig-b', state: 'on', powerW: 3200 },
    ]);

    await sleep(1_000);
    await poller.pollNow();
    // The simulator jumps its counters to just below the wrap (a jump no load makes: read as a reset counting
    // nothing), then they wrap by themselves: the poll after that sees a rollover.
    pdu.rollOverEnergy(1.5);
    await poller.pollNow();
    await sleep(1_800);
    await poller.pollNow();
    await sleep(1_000); // the wrapped counters grow again, so the reset below takes them back
    await poller.pollNow();
    pdu.resetEnergy();
    meter.resetEnergy();
    await sleep(600);
    await poller.pollNow();

    const pduEvents = counterEvents(t.db, { deviceId: pduDevice.id, limit: 100 });
    expect(new Set(pduEvents.filter((e) => e.kind === 'rollover').map((e) => e.outletIndex))).toEqual(new Set([null, 1, 2]));
    const resets = pduEvents.filter((e) => e.kind === 'reset');
    expect(resets.filter((e) => e.countedWh === 0)).toHaveLength(3); // the simulator's jump
    expect(new Set(resets.filter((e) => e.countedWh > 0).map((e) => e.outletIndex))).toEqual(new Set([null, 1, 2])); // the reset
    expect(pduEvents.every((e) => e.kind !== 'gap' && e.countedWh >= 0)).toBe(true);
    expect(counterEvents(t.db, { deviceId: meterDevice.id, limit: 100 }).map((e) => e.kind)).toEqual(['reset']);
    const hourly = t.db.select().from(energyHourly).all();
    expect(hourly.length).toBeGreaterThan(0);
    expect(hourly.every((h) => h.energyWh >= 0)).toBe(true);
    // a few intervals of 3 to 9 simulated minutes at 3 kW: a few hundred Wh on outlet 1, nowhere near the wrap
    const outletOneWh = t.db.all<{ wh: number }>(
      sql`SELECT SUM(h.energy_wh) AS wh FROM energy_hourly h JOIN energy_counters c ON c.id = h.counter_id JOIN power_outlets o ON o.id = c.outlet_id WHERE o.outlet_index = 1`,
    );
    expect(outletOneWh[0].wh).toBeGreaterThan(300);
    expect(outletOneWh[0].wh).toBeLessThan(3_000);
    poller.shutdown();
  }, 20_000);
});
