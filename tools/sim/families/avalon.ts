// Canaan Avalon: CGMiner RPC on 4028; most telemetry sits in `Key[value]` strings inside stats.
import { fixture } from '../fixtures';
import { poolsOf, type SimMiner } from '../miner';
import { applyLive, liveScales, type LiveScales } from '../telemetry';
import { answerRpc, cgminerPools, cgminerStatus, hostname, hexSerial, macAddress, type FamilyDefinition, type RpcRequest } from './common';

const folder = 'avalonminer/v1';
const baseline = { ths: 80, powerW: 3189 };
const description = 'cgminer 4.11.1';
const webUser = 'root';
const webPassword = 'root';

/** Rewrites `Key[value]` fields of an Avalon stats string. */
function setKeys(text: string, values: Record<string, string>): string {
  return text.replace(/(\w+)\[([^\]]*)\]/g, (whole, key: string) => (key in values ? `${key}[${values[key]}]` : whole));
}

function statsString(miner: SimMiner, text: string, live: LiveScales): string {
  const nominalGhs = miner.identity.nominalThs * 1000;
  const ghs = nominalGhs * (live.hash / live.nominal);
  const boards =
    (text
      .match(/MGHS\[([^\]]*)\]/)?.[1]
      .trim()
      .split(/\s+/).length ??
      1) ||
    1;
  const tMax = Math.round(72 + live.temp);
  const fan = Math.round(5300 * live.fan);
  const ps = (text.match(/PS\[([^\]]*)\]/)?.[1] ?? '0 0 0 0 0 0 0').trim().split(/\s+/);
  ps[4] = String(Math.round(miner.identity.nominalPowerW * live.power));
  return setKeys(text, {
    DNA: miner.identity.serial ?? '',
    Elapsed: String(live.uptimeS),
    SYSTEMSTATU: `Work: In Work, Hash Board: ${boards}`,
    GHSspd: ghs.toFixed(2),
    GHSmm: nominalGhs.toFixed(2),
    GHSavg: (ghs * 0.99).toFixed(2),
    MGHS: Array.from({ length: boards }, () => (ghs / boards).toFixed(2)).join(' '),
    TMax: String(tMax),
    TAvg: String(tMax - 10),
    MTmax: Array.from({ length: boards }, () => String(tMax)).join(' '),
    Fan1: String(fan),
    Fan2: String(fan),
    Fan3: String(fan),
    Fan4: String(fan),
    PS: ps.join(' '),
  });
}

function read(miner: SimMiner, command: string): unknown {
  const live = liveScales(miner, baseline);
  const { identity } = miner;
  const series = miner.api; // 'q' (Avalon Q, home miner) or 'a' (A-series)
  switch (command) {
    case 'version': {
      const reply = fixture<{ VERSION: Record<string, unknown>[] }>(folder, 'version');
      const model = identity.model.replace(/^Avalon\s*/, '');
      Object.assign(reply.VERSION[0], { PROD: identity.model, MODEL: model, MAC: identity.mac, DNA: identity.serial, LVERSION: identity.firmware });
      return applyLive(reply, live);
    }
    case 'stats': {
      const reply = fixture<{ STATS: Record<string, unknown>[] }>(folder, series === 'q' ? 'stats' : 'avalon_a_stats');
      const key = series === 'q' ? 'MM ID0:Summary' : 'MM ID0';
      reply.STATS[0][key] = statsString(miner, String(reply.STATS[0][key]), live);
      return applyLive(reply, live);
    }
    case 'pools': {
      const reply = fixture<{ POOLS: Record<string, unknown>[] }>(folder, 'pools');
      reply.POOLS = cgminerPools(reply.POOLS[0], poolsOf(miner));
      return applyLive(reply, live);
    }
    case 'summary':
    case 'devs':
    case 'litestats':
      return applyLive(fixture(folder, command), live);
    default:
      return undefined;
  }
}

/** `ascset` with `0,reboot,0`, or `0,setpool,<webUser>,<webPass>,<i>,<url>,<user>,<pass>`. */
function ascset(miner: SimMiner, request: RpcRequest): unknown {
  const [, action, ...args] = request.parameter.split(',');
  if (action === 'reboot') {
    setImmediate(() => miner.control.reboot(miner));
    return fixture(folder, 'ascset_softon');
  }
  if (action === 'setpool') {
    const [user, password, slot, url = '', worker = '', pass = ''] = args;
    if (user !== webUser || password !== webPassword) return cgminerStatus('E', 119, 'ASC 0 set info: invalid user or password', description);
    const index = Number(slot);
    if (!(index >= 0 && index <= 2) || !url) return cgminerStatus('E', 119, 'ASC 0 set info: invalid pool', description);
    const pools = [...poolsOf(miner)];
    pools[index] = { url, user: worker, password: pass };
    miner.control.setPools(miner, pools.filter(Boolean));
    return cgminerStatus('I', 118, `ASC 0 set info: success, pool ${index} set`, description);
  }
  return cgminerStatus('E', 119, `ASC 0 set info: unknown ${action ?? ''}`, description);
}

export const avalon: FamilyDefinition = {
  name: 'avalon',
  apis: ['a', 'q'],
  baseline,
  models: [
    { model: 'Avalon A1366', ths: 130, watts: 3250, api: 'a' },
    { model: 'Avalon A1466', ths: 150, watts: 3230, api: 'a' },
    { model: 'Avalon Q', ths: 90, watts: 1674, api: 'q' },
  ],
  identity: (dice, index, fleet, api) => ({
    serial: hexSerial(dice, '0201', 6, index, fleet),
    mac: macAddress('B4:A2:EB', index, fleet),
    hostname: hostname('avalon', index),
    make: 'Canaan',
    firmware: api === 'q' ? '25052801_14a19a2' : '21072802_4ec6bb0',
  }),
  ports: () => [
    {
      port: 4028,
      framing: 'cgminer',
      answer: (miner, request) => (request.command === 'ascset' ? ascset(miner, request) : answerRpc(request, description, (command) => read(miner, command))),
    },
  ],
};
