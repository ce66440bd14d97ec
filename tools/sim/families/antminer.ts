// Stock Bitmain firmware: BMMiner RPC on 4028 and the Digest-protected CGI pages on 80.
import { fixture } from '../fixtures';
import { poolsOf, type SimMiner, type SimPool } from '../miner';
import { applyLive, liveScales } from '../telemetry';
import { answerRpc, cgminerPools, hostname, json, macAddress, notFound, parseBody, serialNumber, type FamilyDefinition } from './common';
import { digestAccepted, digestChallenge } from './digest';

const folder = 'antminer/v2020';
const baseline = { ths: 110, powerW: 3250 };
const description = 'cgminer 1.0.0';
const webUser = 'root';
const webPassword = 'root';
const firmwares = ['49.0.1.3', '2.0.0.2', '1.0.1.3'];

function rpc(miner: SimMiner, command: string): unknown {
  const live = liveScales(miner, baseline);
  const { model } = miner.identity;
  switch (command) {
    case 'version': {
      const reply = fixture<{ VERSION: Record<string, unknown>[] }>(folder, 'version');
      Object.assign(reply.VERSION[0], { Type: model, Miner: miner.identity.firmware });
      return applyLive(reply, live);
    }
    case 'stats': {
      const reply = fixture<{ STATS: Record<string, unknown>[] }>(folder, 'stats');
      Object.assign(reply.STATS[0], { Type: model, Miner: miner.identity.firmware });
      reply.STATS[1].miner_id = miner.identity.serial?.toLowerCase().padEnd(16, '0');
      return applyLive(reply, live);
    }
    case 'summary':
    case 'devs':
      return applyLive(fixture(folder, command), live);
    case 'pools': {
      const reply = fixture<{ POOLS: Record<string, unknown>[] }>(folder, 'pools');
      reply.POOLS = cgminerPools(reply.POOLS[0], poolsOf(miner));
      return applyLive(reply, live);
    }
    default:
      return undefined;
  }
}

function minerConf(pools: SimPool[]) {
  const padded = [0, 1, 2].map((i) => pools[i] ?? { url: '', user: '', password: '' });
  return {
    pools: padded.map((pool) => ({ url: pool.url, user: pool.user, pass: pool.password })),
    'api-listen': true,
    'api-network': true,
    'bitmain-fan-ctrl': false,
    'bitmain-fan-pwm': '100',
    'freq-level': '100',
  };
}

function readPools(body: Record<string, unknown> | null): SimPool[] | null {
  if (!body || !Array.isArray(body.pools)) return null;
  return (body.pools as Record<string, unknown>[])
    .filter((pool) => typeof pool?.url === 'string' && pool.url !== '')
    .map((pool) => ({ url: String(pool.url), user: String(pool.user ?? ''), password: String(pool.pass ?? '') }));
}

export const antminer: FamilyDefinition = {
  name: 'antminer',
  apis: ['v2020'],
  baseline,
  models: [
    { model: 'Antminer S19 Pro', ths: 110, watts: 3250 },
    { model: 'Antminer S19j Pro', ths: 100, watts: 3050 },
    { model: 'Antminer S19 XP', ths: 141, watts: 3010 },
    { model: 'Antminer S21', ths: 200, watts: 3500 },
    { model: 'Antminer T21', ths: 190, watts: 3610 },
  ],
  identity: (dice, index, fleet) => ({
    serial: serialNumber(dice, 'JYZZ', 8, index, fleet),
    mac: macAddress('02:55:97', index, fleet),
    hostname: hostname('antminer', index),
    make: 'Bitmain',
    firmware: dice.pick('firmware', firmwares),
  }),
  ports: () => [
    { port: 4028, framing: 'cgminer', answer: (miner, request) => answerRpc(request, description, (command) => rpc(miner, command)) },
    {
      port: 80,
      framing: 'http',
      answer: (miner, request) => {
        if (!digestAccepted(request, webUser, webPassword)) return digestChallenge();
        const path = request.path.split('?')[0];
        if (path === '/cgi-bin/get_system_info.cgi') {
          const info = fixture(folder, 'system_info');
          const { identity } = miner;
          return json(200, {
            ...info,
            hostname: identity.hostname,
            ipaddress: miner.ip,
            macaddr: identity.mac,
            minertype: identity.model,
            serinum: identity.serial,
          });
        }
        if (path === '/cgi-bin/get_miner_conf.cgi') return json(200, minerConf(poolsOf(miner)));
        if (path === '/cgi-bin/set_miner_conf.cgi' && request.method === 'POST') {
          const pools = readPools(parseBody(request));
          if (!pools) return json(200, { stats: 'error', code: 'M001', msg: 'Bad pools' });
          miner.control.setPools(miner, pools);
          return json(200, { stats: 'success', code: 'M000', msg: 'OK!' });
        }
        if (path === '/cgi-bin/reboot.cgi' && request.method === 'POST') {
          setImmediate(() => miner.control.reboot(miner));
          return json(200, { stats: 'success', code: 'B000', msg: 'Rebooting' });
        }
        if (path === '/' || path === '/index.html')
          return { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html><title>Antminer</title></html>' };
        return notFound;
      },
    },
  ],
};
