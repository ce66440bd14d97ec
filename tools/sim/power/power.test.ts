// The simulated PDU answers Debian's own snmpget/snmpwalk (v1, v2c, v3) and the simulated meter
// answers modbus-serial's client; energy counters grow, reset and roll over.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ModbusRTU from 'modbus-serial';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator';
import { waitFor } from '../test-clients';
import { uint32Wrap } from './counter';
import { sdm630Registers } from './modbus-meter';
import { pduOids, pduV3User } from './pdu-agent';

const run = promisify(execFile);
const hasSnmpTools = await run('snmpget', ['--version']).then(
  () => true,
  () => false,
);

let sim: Simulator;
let pduTarget: string;
beforeAll(async () => {
  sim = await startSimulator({ count: 2, base: '127.61.4.0/24', families: ['antminer', 'bitaxe'], pdus: 1, meters: 1, energySpeed: 3600 });
  pduTarget = `${sim.pdus[0].ip}:16100`;
});
afterAll(() => sim?.stop());

/** snmpget/snmpwalk with numeric output (-On -Oq: "OID value" per line), one try of one second. */
async function snmp(tool: 'snmpget' | 'snmpwalk' | 'snmpset', args: string[]): Promise<Map<string, string>> {
  const { stdout } = await run(tool, ['-On', '-Oq', '-t', '1', '-r', '0', ...args], { timeout: 10_000 });
  return new Map(
    stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const space = line.indexOf(' ');
        return [line.slice(1, space), line.slice(space + 1).replace(/^"|"$/g, '')] as [string, string];
      }),
  );
}

const outletEnergyOid = (n: number) => `${pduOids.outletMeteredStatusEntry}.11.${n}`;
const v2c = (community = 'public') => ['-v2c', '-c', community];

describe.skipIf(!hasSnmpTools)('PDU over SNMP (net-snmp agent, Debian snmp tools)', () => {
  it('walks outlet names, states and active power, named after the miners they feed', async () => {
    const names = await snmp('snmpwalk', [...v2c(), pduTarget, `${pduOids.outletMeteredStatusEntry}.3`]);
    expect([...names.values()].slice(0, 3)).toEqual([sim.hosts[0].hostname, sim.hosts[1].hostname, 'Outlet 3']);
    expect(names.size).toBe(24);
    const power = await snmp('snmpwalk', [...v2c(), pduTarget, `${pduOids.outletMeteredStatusEntry}.7`]);
    expect(Number([...power.values()][0])).toBe(sim.miner(sim.hosts[0].ip).identity.nominalPowerW);
    const states = await snmp('snmpwalk', [...v2c(), pduTarget, `${pduOids.outletSwitchedStatusEntry}.5`]);
    expect([...states.values()].slice(0, 3)).toEqual(['2', '2', '1']);
  });

  it('answers v1 and v3 (authPriv SHA/AES), and nothing to a wrong community', async () => {
    expect((await snmp('snmpget', ['-v1', '-c', 'public', pduTarget, pduOids.sysName])).get(pduOids.sysName)).toBe('pdu-001');
    const v3 = ['-v3', '-l', 'authPriv', '-u', pduV3User.name, '-a', 'SHA', '-A', pduV3User.authKey, '-x', 'AES', '-X', pduV3User.privKey];
    expect((await snmp('snmpget', [...v3, pduTarget, pduOids.sysObjectId])).get(pduOids.sysObjectId)).toBe('.1.3.6.1.4.1.318.1.3.4.5');
    await expect(snmp('snmpget', [...v2c('wrong'), pduTarget, pduOids.sysName])).rejects.toThrow(/Timeout/);
  });

  it('energy grows with time, resets by SNMP set (private only), and rolls over at 2^32', async () => {
    const energy = async () => Number((await snmp('snmpget', [...v2c(), pduTarget, outletEnergyOid(1)])).get(outletEnergyOid(1)));
    const first = await energy();
    expect(await waitFor(async () => (await energy()) > first, 3_000)).toBe(true);

    const resetOid = `${pduOids.deviceConfigEntry}.12.1`;
    await expect(snmp('snmpset', [...v2c('public'), pduTarget, resetOid, 'i', '2'])).rejects.toThrow();
    expect(await energy()).toBeGreaterThan(first);
    await snmp('snmpset', [...v2c('private'), pduTarget, resetOid, 'i', '2']);
    expect(await energy()).toBeLessThan(first);

    sim.pdus[0].rollOverEnergy(1);
    expect(await energy()).toBeGreaterThan(uint32Wrap - 1_000);
    expect(await waitFor(async () => (await energy()) < 1_000, 3_000)).toBe(true);
  });
});

describe('meter over Modbus TCP (modbus-serial client)', () => {
  let client: ModbusRTU;
  beforeAll(async () => {
    client = new ModbusRTU();
    await client.connectTCP(sim.meters[0].ip, { port: 15020 });
    client.setID(1);
    client.setTimeout(2_000);
  });
  afterAll(() => new Promise<void>((resolve) => client.close(() => resolve())));

  const float = async (address: number) => (await client.readInputRegisters(address, 2)).buffer.readFloatBE(0);

  it('serves SDM630 float32 registers: power in W and total kWh that grows', async () => {
    expect(await float(sdm630Registers.totalPowerW)).toBe(sim.meters[0].powerW);
    const voltage = await float(sdm630Registers.voltageL1);
    expect(voltage).toBeGreaterThan(225);
    expect(voltage).toBeLessThan(235);
    const kwh = await float(sdm630Registers.importKwh);
    expect(kwh).toBeGreaterThan(0);
    expect(await waitFor(async () => (await float(sdm630Registers.totalKwh)) > kwh, 3_000)).toBe(true);
  });

  it('answers an unmapped register with Modbus exception 2', async () => {
    await expect(client.readInputRegisters(0x0200, 2)).rejects.toMatchObject({ modbusCode: 2 });
  });

  it('resets and rolls over its counter (unsigned 32-bit Wh, read as kWh)', async () => {
    const before = await float(sdm630Registers.importKwh);
    sim.meters[0].resetEnergy();
    expect(await float(sdm630Registers.importKwh)).toBeLessThan(Math.min(before, 1_000));
    sim.meters[0].rollOverEnergy(1);
    expect(await float(sdm630Registers.importKwh)).toBeGreaterThan(4_290_000);
    expect(await waitFor(async () => (await float(sdm630Registers.importKwh)) < 1_000, 3_000)).toBe(true);
  });
});
