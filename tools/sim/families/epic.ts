// ePIC PowerPlay: an HTTP API on port 4028 (not CGMiner RPC) and a web dashboard on 80.
import { fixture } from '../fixtures';
import { poolsOf, type SimMiner } from '../miner';
import { applyLive, liveScales } from '../telemetry';
import type { HttpReply, HttpRequest } from '../connection';
import { hostname, json, hexSerial, macAddress, notFound, parseBody, type FamilyDefinition } from './common';

const folder = 'epic/v1';
const baseline = { ths: 143, powerW: 2166 };
const password = 'letmein';

const reads: Record<string, string> = {
  '/temps': 'temps',
  '/temps/chip': 'chip_temps',
  '/voltages': 'chip_voltages',
  '/hashrate': 'chip_hashrates',
  '/clocks': 'chip_clocks',
};

function summary(miner: SimMiner) {
  const live = liveScales(miner, baseline);
  const reply = applyLive(fixture<Record<string, unknown> & { HBs: { Hashrate: number[] }[]; Stratum: Record<string, unknown> }>(folder, 'summary'), live);
  // Per-board hashrate sits in an unnamed array slot: [MH/s, TH/s, share of total].
  for (const board of reply.HBs) board.Hashrate[0] = Math.round(board.Hashrate[0] * live.hash);
  const pools = poolsOf(miner);
  reply.Hostname = miner.identity.hostname;
  reply.Software = miner.identity.firmware;
  reply.StratumConfigs = pools.map((pool) => ({ pool: pool.url, login: pool.user, password: pool.password }));
  reply.Stratum = { ...reply.Stratum, 'Current Pool': pools[0]?.url.replace(/^stratum\+tcp:\/\//, '') ?? '', 'Current User': pools[0]?.user ?? '' };
  return reply;
}

function api(miner: SimMiner, request: HttpRequest): HttpReply {
  const path = request.path.split('?')[0];
  const { identity } = miner;
  if (request.method === 'GET') {
    if (path === '/summary') return json(200, summary(miner));
    if (path === '/capabilities') {
      const reply = fixture<Record<string, unknown>>(folder, 'capabilities');
      const board = reply['Control Board Version'] as Record<string, unknown>;
      return json(200, {
        ...reply,
        Model: identity.model,
        'Default Hashrate': identity.nominalThs,
        'Control Board Version': { ...board, cpuSerial: identity.serial },
      });
    }
    if (path === '/network') return json(200, { dhcp: { ...fixture<{ dhcp: object }>(folder, 'network').dhcp, address: miner.ip, mac_address: identity.mac } });
    if (reads[path]) return json(200, applyLive(fixture(folder, reads[path]), liveScales(miner, baseline)));
    return notFound;
  }
  const body = parseBody(request);
  if (request.method !== 'POST' || (path !== '/reboot' && path !== '/coin')) return notFound;
  if (body?.password !== password) return json(401, { result: false, error: 'Incorrect password' });
  if (path === '/reboot') {
    setImmediate(() => miner.control.reboot(miner));
    return json(200, { result: true, error: null });
  }
  const param = body.param as { stratum_configs?: Record<string, unknown>[] } | undefined;
  if (!Array.isArray(param?.stratum_configs)) return json(400, { result: false, error: 'Missing stratum_configs' });
  miner.control.setPools(
    miner,
    param.stratum_configs
      .map((pool) => ({ url: String(pool.pool ?? ''), user: String(pool.login ?? ''), password: String(pool.password ?? '') }))
      .filter((pool) => pool.url),
  );
  return json(200, { result: true, error: null });
}

export const epic: FamilyDefinition = {
  name: 'epic',
  apis: ['v1'],
  baseline,
  models: [
    { model: 'AntMiner S19 XP', ths: 143, watts: 3000 },
    { model: 'AntMiner S19j Pro', ths: 104, watts: 3068 },
    { model: 'AntMiner S21', ths: 200, watts: 3500 },
  ],
  identity: (dice, index, fleet) => ({
    serial: hexSerial(dice, '00200035', 10, index, fleet),
    mac: macAddress('E6:D4:41', index, fleet),
    hostname: hostname('cminer', index),
    make: 'ePIC',
    firmware: 'PowerPlay-BMS v1.5.13',
  }),
  ports: () => [
    { port: 4028, framing: 'http', answer: api },
    {
      port: 80,
      framing: 'http',
      answer: (_miner, request) =>
        request.path === '/'
          ? { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html><head><title>Miner Web Dashboard</title></head></html>' }
          : notFound,
    },
  ],
};
