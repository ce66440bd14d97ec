// Braiins OS: the REST API of v25.07 on port 80, behind a login token.
import { fixture } from '../fixtures';
import { hasToken, newToken, poolsOf, type SimMiner, type SimPool } from '../miner';
import { applyLive, liveScales } from '../telemetry';
import type { HttpReply, HttpRequest } from '../connection';
import { hostname, json, macAddress, notFound, parseBody, serialNumber, type FamilyDefinition } from './common';

const folder = 'braiins/v25_07';
const baseline = { ths: 141.5, powerW: 3137 };
const password = 'root';

const reads: Record<string, string> = {
  '/api/v1/version': 'version',
  '/api/v1/miner/stats': 'miner_stats',
  '/api/v1/miner/hw/hashboards': 'miner_hw_hashboards',
  '/api/v1/cooling/state': 'cooling_state',
  '/api/v1/miner/errors': 'miner_errors',
  '/api/v1/performance/tuner-state': 'performance_tuner_state',
  '/api/v1/configuration/miner': 'configuration_miner',
  '/api/v1/actions/locate': 'actions_locate',
};

function read(miner: SimMiner, path: string): HttpReply {
  const live = liveScales(miner, baseline);
  const { identity } = miner;
  if (path === '/api/v1/miner/details') {
    const reply = applyLive(fixture<Record<string, unknown>>(folder, 'miner_details'), live);
    Object.assign(reply, {
      hostname: identity.hostname,
      mac_address: identity.mac,
      serial_number: identity.serial,
      miner_identity: { ...(reply.miner_identity as object), miner_model: identity.model, name: identity.model },
      bos_version: { ...(reply.bos_version as object), current: identity.firmware },
      sticker_hashrate: { gigahash_per_second: identity.nominalThs * 1000 },
      system_uptime: live.uptimeS,
      system_uptime_s: live.uptimeS,
    });
    return json(200, reply);
  }
  if (path === '/api/v1/network') {
    const reply = fixture<Record<string, unknown>>(folder, 'network');
    return json(200, { ...reply, hostname: identity.hostname, mac_address: identity.mac, networks: [{ address: miner.ip, netmask: '255.255.0.0' }] });
  }
  if (path === '/api/v1/pools') {
    const groups = fixture<{ pools: Record<string, unknown>[] }[]>(folder, 'pools');
    const template = groups[0].pools[0];
    const pools = poolsOf(miner).map((pool, i) => ({ ...template, url: pool.url, user: pool.user, active: i === 0, uid: `${miner.index.toString(36)}p${i}` }));
    return json(200, [{ ...groups[0], name: 'Hashdesk', pools }]);
  }
  if (reads[path]) return json(200, applyLive(fixture(folder, reads[path]), live));
  return notFound;
}

function readBatch(text: string): SimPool[] | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(body)) return null;
  const pools = (body as { pools?: Record<string, unknown>[] }[]).flatMap((group) => (Array.isArray(group?.pools) ? group.pools : []));
  return pools
    .map((pool) => ({ url: String(pool.url ?? ''), user: String(pool.user ?? ''), password: String(pool.password ?? '') }))
    .filter((pool) => pool.url);
}

function web(miner: SimMiner, request: HttpRequest): HttpReply {
  const path = request.path.split('?')[0];
  if (path === '/' && request.method === 'GET') {
    return {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
      body: '<!doctype html><html><head><title>Braiins OS</title></head><body>Braiins OS</body></html>',
    };
  }
  if (path === '/api/v1/auth/login' && request.method === 'POST') {
    const body = parseBody(request);
    if (body?.username !== 'root' || body?.password !== password) return json(401, { message: 'Invalid username or password' });
    return json(200, { token: newToken(miner), timeout_s: 3600 });
  }
  if (!hasToken(miner, request.headers.authorization)) return json(401, { message: 'Unauthorized' });
  if (request.method === 'GET') return read(miner, path);
  if (path === '/api/v1/actions/reboot' && request.method === 'PUT') {
    setImmediate(() => miner.control.reboot(miner));
    return { status: 204, body: '' };
  }
  if (path === '/api/v1/pools/batch' && request.method === 'PUT') {
    const pools = readBatch(request.body);
    if (!pools) return json(400, { message: 'Expected an array of pool groups' });
    miner.control.setPools(miner, pools);
    return json(200, { pools: pools.length });
  }
  return notFound;
}

export const braiins: FamilyDefinition = {
  name: 'braiins',
  apis: ['v25_07'],
  baseline,
  models: [
    { model: 'Antminer S19 XP', ths: 141, watts: 3010 },
    { model: 'Antminer S19j Pro', ths: 100, watts: 3050 },
    { model: 'Antminer S21', ths: 200, watts: 3500 },
  ],
  identity: (dice, index, fleet) => ({
    serial: serialNumber(dice, 'HTM3', 8, index, fleet),
    mac: macAddress('02:EE:DA', index, fleet, true),
    hostname: hostname('bos', index),
    make: 'Bitmain',
    firmware: '2025-08-06-0-3881c51d-25.07-plus',
  }),
  ports: () => [{ port: 80, framing: 'http', answer: web }],
};
