/**
 * Bitaxe (AxeOS, ESP-Miner): REST on port 80, no auth. Fixture: bitaxe/v2_0_0/system_info.json.
 * Reference: asic-rs bitaxe/backends.
 */
import { httpJson, httpRequest } from '../transport/http-client';
import { ok } from '../transport/outcome';
import { checkPools, done, emptyTelemetry, knownOr, opLimits, portOf, splitPoolUrl } from './common';
import { at, int, mac, maxOf, obj, rpm, seconds, str, tempC, toGhs, watts } from './read';
import type { DriverOptions, Identity, MinerDriver, PoolStatus, Telemetry } from './types';

const CHIP_MODELS: Record<string, string> = { BM1397: 'Bitaxe Max', BM1366: 'Bitaxe Ultra', BM1368: 'Bitaxe Supra', BM1370: 'Bitaxe Gamma' };

export function isBitaxeInfo(v: unknown): boolean {
  const o = obj(v);
  return !!o && typeof o.ASICModel === 'string' && 'hashRate' in o;
}

export function parseBitaxeIdentity(info: unknown): Identity {
  const chip = str(at(info, 'ASICModel'));
  return {
    family: 'bitaxe',
    make: 'Bitaxe',
    model: chip ? (CHIP_MODELS[chip.toUpperCase()] ?? `Bitaxe (${chip})`) : 'Bitaxe',
    firmware: str(at(info, 'version')),
    serial: null,
    mac: mac(at(info, 'macAddr')),
    hostname: str(at(info, 'hostname')),
    nominalHashrateGhs: null,
  };
}

function stratumUrl(host: string | null, port: number | null): string | null {
  if (!host) return null;
  const withScheme = /^[a-z0-9+]+:\/\//i.test(host) ? host : `stratum+tcp://${host}`;
  return port !== null && !/:\d+$/.test(withScheme) ? `${withScheme}:${port}` : withScheme;
}

export function parseBitaxeTelemetry(info: unknown): Telemetry {
  const t = emptyTelemetry();
  t.hashrateGhs = toGhs(at(info, 'hashRate'), 'GH');
  t.powerW = watts(at(info, 'power'));
  t.powerSource = t.powerW === null ? null : 'miner';
  const chipTemp = tempC(at(info, 'temp'));
  t.tempMaxC = maxOf([chipTemp]);
  t.boards = [{ index: 0, hashrateGhs: t.hashrateGhs, tempC: null, chipTempMaxC: chipTemp, serial: null }];
  const fan = rpm(at(info, 'fanrpm'));
  t.fansRpm = fan === null ? [] : [fan];
  t.uptimeS = seconds(at(info, 'uptimeSeconds'));
  const usingFallback = int(at(info, 'isUsingFallbackStratum')) === 1;
  const pools: PoolStatus[] = [];
  const main = stratumUrl(str(at(info, 'stratumURL')), int(at(info, 'stratumPort')));
  if (main) pools.push({ url: main, user: str(at(info, 'stratumUser')) ?? '', status: usingFallback ? 'unknown' : 'active' });
  const fallback = stratumUrl(str(at(info, 'fallbackStratumURL')), int(at(info, 'fallbackStratumPort')));
  if (fallback) pools.push({ url: fallback, user: str(at(info, 'fallbackStratumUser')) ?? '', status: usingFallback ? 'active' : 'unknown' });
  t.pools = pools;
  const overheat = int(at(info, 'overheat_mode'));
  if (overheat !== null && overheat !== 0) t.errors.push('The Bitaxe is in overheat mode.');
  return t;
}

function getInfo(host: string, opts: DriverOptions | undefined) {
  return httpRequest({ host, port: portOf(opts, 'http', 80), method: 'GET', path: '/api/system/info' }, opLimits(opts)).then((r) =>
    httpJson(r, `/api/system/info on ${host}`),
  );
}

export const bitaxeDriver: MinerDriver = {
  family: 'bitaxe',
  label: 'Bitaxe',
  ports: [80],
  supports: { reboot: true, setPools: true },

  async identify(host, opts) {
    const info = await knownOr(opts?.known?.systemInfo, () => getInfo(host, opts));
    if (!info.ok) return info;
    if (!isBitaxeInfo(info.value)) return { ok: false, state: 'garbage', message: `${host} answered /api/system/info, but not like a Bitaxe.` };
    return ok({ identity: parseBitaxeIdentity(info.value), live: parseBitaxeTelemetry(info.value) });
  },

  async readTelemetry(host, opts) {
    const info = await getInfo(host, opts);
    if (!info.ok) return info;
    return ok(parseBitaxeTelemetry(info.value));
  },

  async reboot(host, _c, opts) {
    const res = await httpRequest({ host, port: portOf(opts, 'http', 80), method: 'POST', path: '/api/system/restart', body: '' }, opLimits(opts));
    if (!res.ok) return res;
    return res.value.status >= 200 && res.value.status < 300
      ? done
      : { ok: false, state: 'api_error', message: `restart on ${host}: HTTP ${res.value.status}.` };
  },

  async setPools(host, pools, _c, opts) {
    const checked = checkPools(pools, { max: 2 });
    if (!checked.ok) return checked;
    const [main, fallback] = checked.value;
    const m = splitPoolUrl(main.url);
    const body: Record<string, unknown> = { stratumURL: m.host, stratumPort: m.port ?? 3333, stratumUser: main.user, stratumPassword: main.password };
    if (fallback) {
      const f = splitPoolUrl(fallback.url);
      Object.assign(body, {
        fallbackStratumURL: f.host,
        fallbackStratumPort: f.port ?? 3333,
        fallbackStratumUser: fallback.user,
        fallbackStratumPassword: fallback.password,
      });
    }
    const res = await httpRequest({ host, port: portOf(opts, 'http', 80), method: 'PATCH', path: '/api/system', body }, opLimits(opts));
    if (!res.ok) return res;
    return res.value.status >= 200 && res.value.status < 300
      ? done
      : { ok: false, state: 'api_error', message: `PATCH /api/system on ${host}: HTTP ${res.value.status}.` };
  },
};
