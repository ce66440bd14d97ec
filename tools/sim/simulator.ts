// The fleet simulator: miners of every family on 127.x addresses, one Node process, handlers shared
// by all miners of a family, state per miner kept small.
import type { Socket } from 'node:net';
import { hostAddresses, parseLoopbackCidr } from './address';
import { serveConnection, type PortHandler } from './connection';
import { readRpcRequest, type PortSpec } from './families/common';
import { checkOpenFileLimit, closeServer, eachLimited, listen } from './listen';
import { definitionOf, planMiners } from './fleet';
import { familyNames, type FamilyName, type MinerControl, type SimMiner, type SimPool } from './miner';
import { quirkNames, type QuirkName } from './quirks';
import { diceFor } from './seed';
import { meterModbusPort, startMeter, type SimulatedMeter } from './power/modbus-meter';
import { pduSnmpPort, startPdu, type SimulatedPdu } from './power/pdu-agent';

export type SimulatorOptions = {
  count: number;
  /** CIDR inside 127.0.0.0/8; default 127.60.0.0/16. */
  base?: string;
  families?: readonly FamilyName[];
  seed?: number;
  /** Share of hosts (0..1) that misbehave. */
  quirkRate?: number;
  /** Which misbehaviours to draw from; default all. */
  quirks?: readonly QuirkName[];
  /** How long a rebooted miner stays off the network. */
  rebootDownMs?: number;
  /** Simulated APC PDUs (SNMP, UDP 16100) on the addresses after the miners; 24 outlets each. */
  pdus?: number;
  /** Simulated Eastron SDM630 meters (Modbus TCP 15020) on the addresses after the PDUs. */
  meters?: number;
  /** Energy counters run this many times faster than the clock (3600: an hour per second). */
  energySpeed?: number;
};

export const outletsPerPdu = 24;

export type SimulatedHost = {
  ip: string;
  kind: 'miner';
  family: FamilyName;
  api: string;
  make: string;
  model: string;
  serial: string | null;
  mac: string;
  hostname: string;
  firmware: string;
  nominalThs: number;
  worker: string;
  ports: number[];
  quirk: QuirkName | null;
};

export type PowerHost = {
  ip: string;
  kind: 'pdu' | 'meter';
  model: string;
  serial: string;
  port: number;
  outlets?: { number: number; name: string; powerW: number }[];
  powerW: number;
};

export type Simulator = {
  hosts: SimulatedHost[];
  power: PowerHost[];
  pdus: SimulatedPdu[];
  meters: SimulatedMeter[];
  miner(ip: string): SimMiner;
  reboot(ip: string): void;
  setPools(ip: string, pools: SimPool[]): void;
  stop(): Promise<void>;
};

function portHandler(miner: SimMiner, spec: PortSpec): PortHandler {
  if (spec.framing === 'cgminer') {
    return {
      framing: 'cgminer',
      nul: spec.nul ?? true,
      answer: (parsed, rawText) => {
        const request = readRpcRequest(parsed, rawText);
        if (!request)
          return JSON.stringify({ STATUS: [{ STATUS: 'E', When: Math.floor(Date.now() / 1000), Code: 23, Msg: 'Invalid JSON', Description: '' }], id: 1 });
        const reply = spec.answer(miner, request);
        return reply === null ? null : JSON.stringify(reply);
      },
    };
  }
  if (spec.framing === 'length-prefixed') {
    return {
      framing: 'length-prefixed',
      answer: (parsed) => {
        if (!parsed || typeof parsed !== 'object') return JSON.stringify({ code: -1, msg: 'invalid json' });
        const reply = spec.answer(miner, parsed as Record<string, unknown>);
        return reply === null ? null : JSON.stringify(reply);
      },
    };
  }
  return { framing: 'http', answer: (request) => spec.answer(miner, request) };
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const seed = options.seed ?? 1;
  const chosen = options.families?.length ? options.families : familyNames;
  const range = parseLoopbackCidr(options.base ?? '127.60.0.0/16');
  const pduCount = options.pdus ?? 0;
  const meterCount = options.meters ?? 0;
  const allAddresses = hostAddresses(range, options.count + pduCount + meterCount);
  const addresses = allAddresses.slice(0, options.count);
  const allowedQuirks = options.quirks ?? quirkNames;
  const rebootDownMs = options.rebootDownMs ?? 3_000;
  const openSockets = new Set<Socket>();
  const byIp = new Map<string, SimMiner>();
  let stopped = false;

  const bind = async (miner: SimMiner) => {
    const specs = definitionOf(miner.family).ports(miner.api);
    for (const spec of specs) {
      const handler = portHandler(miner, spec);
      const server = await listen(miner.ip, spec.port, (socket) => {
        openSockets.add(socket);
        socket.once('close', () => openSockets.delete(socket));
        serveConnection(socket, handler, miner.quirk);
      });
      miner.servers.push(server);
    }
    miner.online = true;
  };

  const unbind = async (miner: SimMiner) => {
    miner.online = false;
    const servers = miner.servers.splice(0);
    await Promise.all(servers.map(closeServer));
  };

  const control: MinerControl = {
    reboot(miner) {
      if (!miner.online) return;
      void unbind(miner).then(() => {
        const timer = setTimeout(() => {
          if (stopped) return;
          miner.bootedAtMs = Date.now();
          miner.tokens = null;
          void bind(miner).catch(() => undefined);
        }, rebootDownMs);
        timer.unref();
      });
    },
    setPools(miner, pools) {
      miner.pools = pools.map((pool) => ({ ...pool }));
    },
  };

  const miners = planMiners({ addresses, families: chosen, seed, quirkRate: options.quirkRate ?? 0, quirks: allowedQuirks }, control);
  for (const miner of miners) byIp.set(miner.ip, miner);

  const toBind = miners.filter((miner) => miner.quirk !== 'offline');
  checkOpenFileLimit(toBind.reduce((sum, miner) => sum + definitionOf(miner.family).ports(miner.api).length, 0) + pduCount + meterCount);

  const pdus: SimulatedPdu[] = [];
  const meters: SimulatedMeter[] = [];
  const stop = async () => {
    stopped = true;
    for (const socket of openSockets) socket.destroy();
    await Promise.all([...miners.map(unbind), ...pdus.map((pdu) => pdu.stop()), ...meters.map((meter) => meter.stop())]);
  };

  try {
    await eachLimited(toBind, 256, bind);
    // PDU outlets feed the miners in order: outlet n of PDU p powers miner p × 24 + n − 1.
    for (let p = 0; p < pduCount; p++) {
      const fed = miners.slice(p * outletsPerPdu, (p + 1) * outletsPerPdu);
      const outlets = Array.from({ length: outletsPerPdu }, (_, n) => {
        const miner = fed[n];
        return miner ? { name: miner.identity.hostname, powerW: miner.identity.nominalPowerW } : { name: `Outlet ${n + 1}`, powerW: 0 };
      });
      const dice = diceFor(seed, 1_000_000 + p);
      const serial = `3A${dice.text('serial', '0123456789', 4)}E${String(p + 1).padStart(5, '0')}`;
      pdus.push(
        await startPdu({ ip: allAddresses[options.count + p], name: `pdu-${String(p + 1).padStart(3, '0')}`, serial, outlets, speed: options.energySpeed }),
      );
    }
    for (let m = 0; m < meterCount; m++) {
      const dice = diceFor(seed, 2_000_000 + m);
      const powerW = Math.round(dice.between('power', 150_000, 400_000));
      const serial = String(10_000_000 + (dice.int('serial') % 89_999_999));
      meters.push(await startMeter({ ip: allAddresses[options.count + pduCount + m], serial, powerW, speed: options.energySpeed }));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const minerAt = (ip: string) => {
    const miner = byIp.get(ip);
    if (!miner) throw new Error(`No simulated miner at ${ip}.`);
    return miner;
  };

  return {
    hosts: miners.map((miner) => ({
      ip: miner.ip,
      kind: 'miner',
      family: miner.family,
      api: miner.api,
      make: miner.identity.make,
      model: miner.identity.model,
      serial: miner.identity.serial,
      mac: miner.identity.mac,
      hostname: miner.identity.hostname,
      firmware: miner.identity.firmware,
      nominalThs: miner.identity.nominalThs,
      worker: miner.identity.worker,
      ports: definitionOf(miner.family)
        .ports(miner.api)
        .map((spec) => spec.port),
      quirk: miner.quirk,
    })),
    power: [
      ...pdus.map((pdu) => ({
        ip: pdu.ip,
        kind: 'pdu' as const,
        model: pdu.model,
        serial: pdu.serial,
        port: pduSnmpPort,
        powerW: pdu.outlets.reduce((sum, o) => sum + o.powerW, 0),
        outlets: pdu.outlets.map(({ number, name, powerW }) => ({ number, name, powerW })),
      })),
      ...meters.map((meter) => ({
        ip: meter.ip,
        kind: 'meter' as const,
        model: meter.model,
        serial: meter.serial,
        port: meterModbusPort,
        powerW: meter.powerW,
      })),
    ],
    pdus,
    meters,
    miner: minerAt,
    reboot: (ip) => control.reboot(minerAt(ip)),
    setPools: (ip, pools) => control.setPools(minerAt(ip), pools),
    stop,
  };
}
