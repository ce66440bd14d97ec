// Auradine FluxOS: CGMiner-style RPC on 4028 (GCMiner) and a token-guarded JSON web API on 8080.
import { fixture } from '../fixtures';
import { hasToken, newToken, poolsOf, type SimMiner, type SimPool } from '../miner';
import { applyLive, liveScales } from '../telemetry';
import type { HttpReply, HttpRequest } from '../connection';
import { answerRpc, cgminerPools, cgminerStatus, hostname, json, macAddress, notFound, parseBody, serialNumber, type FamilyDefinition } from './common';

const folder = 'auradine/v1';
// The recorded summary shows 20.6 TH/s (a board in tuning); scaling from it gives each model its nameplate.
const baseline = { ths: 20.6, powerW: 2000 };
const description = 'GCMiner-0.5-devsbXXX';
const webUser = 'admin';
const webPassword = 'admin';

function rpc(miner: SimMiner, command: string): unknown {
  const live = liveScales(miner, baseline);
  if (command === 'pools') {
    const reply = fixture<{ POOLS: Record<string, unknown>[] }>(folder, 'pools');
    reply.POOLS = cgminerPools(reply.POOLS[0], poolsOf(miner));
    return applyLive(reply, live);
  }
  if (['version', 'summary', 'devs', 'asccount'].includes(command)) return applyLive(fixture(folder, command), live);
  return undefined;
}

const webPages: Record<string, string> = {
  '/fan': 'fan',
  '/psu': 'psu',
  '/temperature': 'temperature',
  '/mode': 'mode',
  '/led': 'led',
  '/voltage': 'voltage',
  '/frequency': 'frequency',
};

function web(miner: SimMiner, request: HttpRequest): HttpReply {
  const path = request.path.split('?')[0];
  const body = parseBody(request);
  if (path === '/token' && request.method === 'POST') {
    if (body?.user !== webUser || body?.password !== webPassword) return json(401, cgminerStatus('E', 401, 'Invalid user or password', description));
    return json(200, { ...cgminerStatus('S', 0, 'Token', description), Token: [{ Token: newToken(miner) }] });
  }
  if (!hasToken(miner, request.headers.token)) return json(401, cgminerStatus('E', 401, 'Invalid token', description));
  const live = liveScales(miner, baseline);
  const { identity } = miner;
  if (path === '/ipreport') {
    const reply = fixture<{ IPReport: Record<string, unknown>[] }>(folder, 'ipreport');
    Object.assign(reply.IPReport[0], {
      model: identity.model,
      SerialNo: identity.serial,
      CBSerialNo: identity.serial,
      mac: identity.mac,
      hostname: identity.hostname,
      ip: miner.ip,
      version: identity.firmware,
    });
    return json(200, applyLive(reply, live));
  }
  if (path === '/psu') {
    const reply = fixture<{ PSU: Record<string, unknown>[] }>(folder, 'psu');
    reply.PSU[0].PowerIn = `${(identity.nominalPowerW * live.power).toFixed(2)}W`;
    return json(200, applyLive(reply, live));
  }
  if (path === '/mode') {
    const reply = applyLive(fixture<{ Mode: Record<string, unknown>[] }>(folder, 'mode'), live);
    Object.assign(reply.Mode[0], { Ths: identity.nominalThs, Power: identity.nominalPowerW });
    return json(200, reply);
  }
  if (webPages[path] && request.method === 'GET') return json(200, applyLive(fixture(folder, webPages[path]), live));
  if (path === '/restart' && request.method === 'POST') {
    setImmediate(() => miner.control.reboot(miner));
    return json(200, cgminerStatus('S', 0, 'Restarting', description));
  }
  if (path === '/updatepools' && request.method === 'POST' && Array.isArray(body?.pools)) {
    const pools: SimPool[] = (body.pools as Record<string, unknown>[])
      .slice(0, 3)
      .map((pool) => ({ url: String(pool.url ?? ''), user: String(pool.user ?? ''), password: String(pool.pass ?? '') }));
    miner.control.setPools(
      miner,
      pools.filter((pool) => pool.url),
    );
    return json(200, cgminerStatus('S', 0, 'Pools updated', description));
  }
  return notFound;
}

export const auradine: FamilyDefinition = {
  name: 'auradine',
  apis: ['v1'],
  baseline,
  models: [
    { model: 'AT1500', ths: 160, watts: 2800 },
    { model: 'AT2880', ths: 260, watts: 4550 },
    { model: 'AI3680', ths: 384, watts: 5760 },
  ],
  identity: (dice, index, fleet) => ({
    serial: serialNumber(dice, 'AU', 3, index, fleet),
    mac: macAddress('1C:00:00', index, fleet, true),
    hostname: hostname('teraflux', index),
    make: 'Auradine',
    firmware: '2023-12.27',
  }),
  ports: () => [
    { port: 4028, framing: 'cgminer', answer: (miner, request) => answerRpc(request, description, (command) => rpc(miner, command)) },
    { port: 8080, framing: 'http', answer: web },
  ],
};
