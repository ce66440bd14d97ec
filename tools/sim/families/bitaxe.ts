// Bitaxe (AxeOS): one JSON endpoint for everything on port 80, no authentication.
import { fixture } from '../fixtures';
import { poolsOf, type SimMiner } from '../miner';
import { applyLive, liveScales } from '../telemetry';
import type { HttpReply, HttpRequest } from '../connection';
import { hostname, json, macAddress, notFound, parseBody, type FamilyDefinition } from './common';

const folder = 'bitaxe/v2_0_0';
const baseline = { ths: 1, powerW: 2.65 };
const chips: Record<string, string> = { 'Bitaxe Max': 'BM1397', 'Bitaxe Ultra': 'BM1366', 'Bitaxe Supra': 'BM1368', 'Bitaxe Gamma': 'BM1370' };

/** AxeOS keeps the pool as host, port and user fields, not a URL. */
function splitUrl(url: string): { host: string; port: number } {
  const match = /^(?:[a-z+]+:\/\/)?([^:/]+)(?::(\d+))?/i.exec(url);
  return { host: match?.[1] ?? url, port: Number(match?.[2] ?? 3333) };
}

function info(miner: SimMiner) {
  const live = liveScales(miner, baseline);
  const reply = applyLive(fixture<Record<string, unknown>>(folder, 'system_info'), live);
  const [main, fallback] = poolsOf(miner);
  const first = splitUrl(main?.url ?? '');
  const second = splitUrl(fallback?.url ?? '');
  return {
    ...reply,
    ASICModel: chips[miner.identity.model] ?? 'BM1368',
    hostname: miner.identity.hostname,
    macAddr: miner.identity.mac,
    version: miner.identity.firmware,
    uptimeSeconds: live.uptimeS,
    stratumURL: first.host,
    stratumPort: first.port,
    stratumUser: main?.user ?? '',
    fallbackStratumURL: fallback ? second.host : '',
    fallbackStratumPort: second.port,
    fallbackStratumUser: fallback?.user ?? '',
  };
}

function web(miner: SimMiner, request: HttpRequest): HttpReply {
  const path = request.path.split('?')[0];
  if (path === '/api/system/info' && request.method === 'GET') return json(200, info(miner));
  if (path === '/api/system/restart' && request.method === 'POST') {
    setImmediate(() => miner.control.reboot(miner));
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'System will restart shortly.' };
  }
  if (path === '/api/system' && request.method === 'PATCH') {
    const body = parseBody(request);
    if (!body) return { status: 400, headers: { 'Content-Type': 'text/plain' }, body: 'Invalid JSON' };
    const [main, fallback] = poolsOf(miner);
    const pool = (prefix: 'stratum' | 'fallbackStratum', old: typeof main) => {
      const host = body[`${prefix}URL`] ?? (old ? splitUrl(old.url).host : '');
      const port = body[`${prefix}Port`] ?? (old ? splitUrl(old.url).port : 3333);
      return {
        url: host ? `stratum+tcp://${String(host)}:${String(port)}` : '',
        user: String(body[`${prefix}User`] ?? old?.user ?? ''),
        password: String(body[`${prefix}Password`] ?? old?.password ?? ''),
      };
    };
    miner.control.setPools(
      miner,
      [pool('stratum', main), pool('fallbackStratum', fallback)].filter((p) => p.url),
    );
    return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: '' };
  }
  return notFound;
}

export const bitaxe: FamilyDefinition = {
  name: 'bitaxe',
  apis: ['v2_0_0'],
  baseline,
  models: [
    { model: 'Bitaxe Supra', ths: 0.6, watts: 12 },
    { model: 'Bitaxe Ultra', ths: 0.5, watts: 11 },
    { model: 'Bitaxe Gamma', ths: 1.2, watts: 17 },
  ],
  // AxeOS reports no serial number; the MAC is its identity.
  identity: (dice, index, fleet) => ({
    serial: null,
    mac: macAddress('AA:BB:CC', index, fleet),
    hostname: hostname('bitaxe', index),
    make: 'Bitaxe',
    firmware: dice.pick('firmware', ['v2.4.5', 'v2.5.1', 'v2.6.0']),
  }),
  ports: () => [{ port: 80, framing: 'http', answer: web }],
};
