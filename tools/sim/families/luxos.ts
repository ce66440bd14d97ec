// LuxOS (Luxor firmware on Antminers): CGMiner RPC on 4028 with session-guarded write commands.
import { fixture } from '../fixtures';
import { hasToken, newToken, poolsOf, type SimMiner, type SimPool } from '../miner';
import { applyLive, liveScales } from '../telemetry';
import { answerRpc, cgminerPools, cgminerStatus, hostname, macAddress, serialNumber, type FamilyDefinition, type RpcRequest } from './common';

const folder = 'luxminer/v1';
const baseline = { ths: 60, powerW: 1051 };
const firmware = '2025.4.8.220305-57b389c7';
const description = `LUXminer ${firmware}`;

function withIds(pools: SimPool[]): SimPool[] {
  return pools.map((pool, i) => ({ ...pool, id: pool.id ?? i }));
}

function read(miner: SimMiner, command: string): unknown {
  const live = liveScales(miner, baseline);
  const { identity } = miner;
  switch (command) {
    case 'version': {
      const reply = fixture<{ VERSION: Record<string, unknown>[] }>(folder, 'version');
      reply.VERSION[0].Type = identity.model;
      return applyLive(reply, live);
    }
    case 'config': {
      const reply = fixture<{ CONFIG: Record<string, unknown>[] }>(folder, 'config');
      Object.assign(reply.CONFIG[0], {
        Model: identity.model,
        SerialNumber: identity.serial,
        MACAddr: identity.mac,
        Hostname: identity.hostname,
        IPAddr: miner.ip,
        NameplateTHS: identity.nominalThs,
        'Pool Count': poolsOf(miner).length,
      });
      return applyLive(reply, live);
    }
    case 'devs': {
      const reply = fixture<{ DEVS: Record<string, unknown>[] }>(folder, 'devs');
      reply.DEVS.forEach((board, i) => (board.SerialNumber = `${identity.serial?.slice(0, 13)}B${i}`));
      return applyLive(reply, live);
    }
    case 'pools': {
      const reply = fixture<{ POOLS: Record<string, unknown>[] }>(folder, 'pools');
      reply.POOLS = cgminerPools(reply.POOLS[0], withIds(poolsOf(miner)));
      return applyLive(reply, live);
    }
    case 'summary':
    case 'temps':
    case 'fans':
    case 'power':
    case 'stats':
      return applyLive(fixture(folder, command), live);
    default:
      return undefined;
  }
}

const sessionReply = (id: string) => ({ ...cgminerStatus('S', 0, 'Session', description), SESSION: [{ SessionID: id }] });
const denied = () => cgminerStatus('E', 1, 'Invalid session id', description);

/** The session id is the first parameter of every privileged command. */
function write(miner: SimMiner, request: RpcRequest): unknown {
  const [session, ...args] = request.parameter.split(',');
  if (!hasToken(miner, session)) return denied();
  const pools = withIds(poolsOf(miner));
  switch (request.command) {
    case 'rebootdevice':
      setImmediate(() => miner.control.reboot(miner));
      return cgminerStatus('S', 0, 'Rebooting', description);
    case 'addpool': {
      const [url = '', user = '', password = ''] = args;
      if (!url) return cgminerStatus('E', 25, 'Missing pool URL', description);
      const id = Math.max(-1, ...pools.map((pool) => pool.id ?? 0)) + 1;
      miner.control.setPools(miner, [...pools, { url, user, password, id }]);
      return cgminerStatus('S', 55, `Added pool ${id}: '${url}'`, description);
    }
    case 'switchpool':
    case 'removepool': {
      const id = Number(args[0]);
      const target = pools.find((pool) => pool.id === id);
      if (!target) return cgminerStatus('E', 26, `Invalid pool id ${args[0] ?? ''}`, description);
      const others = pools.filter((pool) => pool !== target);
      miner.control.setPools(miner, request.command === 'switchpool' ? [target, ...others] : others);
      return cgminerStatus('S', request.command === 'switchpool' ? 27 : 68, `${request.command} ${id}`, description);
    }
    default:
      return undefined;
  }
}

export const luxos: FamilyDefinition = {
  name: 'luxos',
  apis: ['v1'],
  baseline,
  models: [
    { model: 'Antminer S19k Pro', ths: 120, watts: 2760 },
    { model: 'Antminer S19j Pro', ths: 100, watts: 3050 },
    { model: 'Antminer S21', ths: 200, watts: 3500 },
  ],
  identity: (dice, index, fleet) => ({
    serial: serialNumber(dice, 'JYZZB0', 6, index, fleet),
    mac: macAddress('62:F7:5E', index, fleet, true),
    hostname: hostname('lux', index),
    make: 'Bitmain',
    firmware,
  }),
  ports: () => [
    {
      port: 4028,
      framing: 'cgminer',
      answer: (miner, request) => {
        if (request.command === 'session') return sessionReply([...(miner.tokens ?? [])][0] ?? '');
        if (request.command === 'logon') return sessionReply(newToken(miner));
        if (['rebootdevice', 'addpool', 'switchpool', 'removepool'].includes(request.command)) return write(miner, request);
        return answerRpc(request, description, (command) => read(miner, command));
      },
    },
  ],
};
