/**
 * ePIC PowerPlay (umcOS): an HTTP JSON API on port 4028 (not cgminer RPC); writes carry the password
 * in the body. Fixtures: epic/v1. Reference: asic-rs epic/backends/v1 (mod.rs, web.rs), epic/firmware.rs.
 */
import type { JsonValue } from '../transport/json-repair';
import { httpJson, httpRequest } from '../transport/http-client';
import { fail, ok, type Outcome } from '../transport/outcome';
import { RPC_PORT } from '../transport/rpc-client';
import { checkPools, done, emptyTelemetry, failureNotes, gather, knownOr, opLimits, portOf } from './common';
import { arr, at, bool, int, mac, makeFromModel, maxOf, obj, rpm, seconds, str, tempC, toGhs, watts } from './read';
import type { BoardTelemetry, Credentials, DriverOptions, DriverResult, Identity, MinerDriver, PoolStatus, Telemetry } from './types';

const DEFAULT_PASSWORD = 'letmein';

export type EpicReplies = { summary?: unknown; capabilities?: unknown; network?: unknown; temps?: unknown };

/** "AntMiner S19 XP" → "Antminer S19 XP" (ePIC capitalises the M). */
function tidyModel(model: string | null): string | null {
  return model ? model.replace(/^antminer/i, 'Antminer').replace(/^whatsminer/i, 'WhatsMiner') : null;
}

export function parseEpicIdentity(r: EpicReplies): Identity {
  const model = tidyModel(str(at(r.capabilities, 'Model')));
  const net = obj(at(r.network, 'dhcp')) ?? obj(at(r.network, 'static'));
  return {
    family: 'epic',
    make: makeFromModel(model),
    model,
    firmware: str(at(r.summary, 'Software')),
    serial: str(at(r.capabilities, 'Control Board Version', 'cpuSerial')),
    mac: mac(at(net, 'mac_address')),
    hostname: str(at(r.summary, 'Hostname')),
    nominalHashrateGhs: toGhs(at(r.capabilities, 'Default Hashrate'), 'TH'),
  };
}

export function parseEpicTelemetry(r: EpicReplies): Telemetry {
  const t = emptyTelemetry();
  const hbs = arr(at(r.summary, 'HBs'));
  const serials = arr(at(r.capabilities, 'Board Serial Numbers')).map(str);
  const boards: BoardTelemetry[] = hbs.map((hb, i) => ({
    index: int(at(hb, 'Index')) ?? i,
    hashrateGhs: toGhs(at(hb, 'Hashrate', 0), 'MH'),
    tempC: tempC(at(hb, 'Temperature')),
    chipTempMaxC: null,
    serial: serials[i] ?? null,
  }));
  t.boards = boards;
  const rates = boards.map((b) => b.hashrateGhs).filter((v): v is number => v !== null);
  t.hashrateGhs = rates.length ? rates.reduce((a, b) => a + b, 0) : toGhs(at(r.summary, 'Session', 'Average MHs'), 'MH');
  t.nominalHashrateGhs = toGhs(at(r.capabilities, 'Default Hashrate'), 'TH');
  t.powerW = watts(at(r.summary, 'Power Supply Stats', 'Input Power'));
  t.powerSource = t.powerW === null ? null : 'miner';
  t.uptimeS = seconds(at(r.summary, 'Session', 'Uptime'));
  const boardSensors = arr(r.temps).flatMap((e) => arr(at(e, 'Data')).map(tempC));
  t.tempMaxC = maxOf([...boards.map((b) => b.tempC), ...boardSensors]);
  const fans: number[] = [];
  const fanObj = obj(at(r.summary, 'Fans Rpm'));
  if (fanObj) {
    const entries = Object.entries(fanObj)
      .map(([k, v]) => [int(/(\d+)$/.exec(k)?.[1]), rpm(v)] as const)
      .filter((e): e is readonly [number, number] => e[0] !== null && e[1] !== null)
      .sort((a, b) => a[0] - b[0]);
    fans.push(...entries.map((e) => e[1]));
  }
  t.fansRpm = fans;
  const current = obj(at(r.summary, 'Stratum'));
  const currentId = int(at(current, 'Config Id'));
  const connected = bool(at(current, 'IsPoolConnected'));
  const pools: PoolStatus[] = [];
  for (const [i, c] of arr(at(r.summary, 'StratumConfigs')).entries()) {
    const url = str(at(c, 'pool'));
    if (!url) continue;
    const isCurrent = currentId === i;
    pools.push({ url, user: str(at(c, 'login')) ?? '', status: isCurrent ? (connected === false ? 'dead' : 'active') : 'unknown' });
  }
  t.pools = pools;
  const lastError = str(at(r.summary, 'Status', 'Last Error'));
  if (lastError) t.errors.push(lastError);
  return t;
}

function get(host: string, path: string, opts: DriverOptions | undefined): Promise<Outcome<JsonValue>> {
  return httpRequest({ host, port: portOf(opts, 'rpc', RPC_PORT), method: 'GET', path }, opLimits(opts)).then((r) => httpJson(r, `${path} on ${host}`));
}

async function post(host: string, path: string, param: unknown, c: Credentials, opts: DriverOptions | undefined): Promise<DriverResult<void>> {
  const res = await httpRequest(
    { host, port: portOf(opts, 'rpc', RPC_PORT), method: 'POST', path, body: { param, password: c.password ?? DEFAULT_PASSWORD } },
    opLimits(opts),
  );
  if (res.ok && res.value.status === 401) return fail('auth_failed', `${host} refused the password.`);
  const json = httpJson(res, `${path} on ${host}`);
  if (!json.ok) return json;
  if (bool(at(json.value, 'result')) !== true) {
    const error = str(at(json.value, 'error')) ?? 'the miner did not confirm';
    return fail(/password/i.test(error) ? 'auth_failed' : 'api_error', `${path} on ${host}: ${error}.`);
  }
  return done;
}

export const epicDriver: MinerDriver = {
  family: 'epic',
  label: 'ePIC PowerPlay',
  ports: [RPC_PORT, 80],
  supports: { reboot: true, setPools: true },

  async identify(host, opts) {
    const { replies, failures } = await gather({
      capabilities: () => knownOr(opts?.known?.capabilities, () => get(host, '/capabilities', opts)),
      summary: () => get(host, '/summary', opts),
      network: () => get(host, '/network', opts),
      temps: () => get(host, '/temps', opts),
    });
    if (!replies.capabilities) return failures.capabilities!;
    if (str(at(replies.capabilities, 'Model')) === null) return fail('garbage', `${host} answered /capabilities, but not like ePIC PowerPlay.`);
    return ok({ identity: parseEpicIdentity(replies), live: replies.summary ? parseEpicTelemetry(replies) : null });
  },

  async readTelemetry(host, opts) {
    const { replies, failures } = await gather({
      summary: () => get(host, '/summary', opts),
      capabilities: () => get(host, '/capabilities', opts),
      temps: () => get(host, '/temps', opts),
    });
    if (!replies.summary) return failures.summary!;
    const t = parseEpicTelemetry(replies);
    const { summary: _s, ...optional } = failures;
    t.errors.push(...failureNotes(optional));
    return ok(t);
  },

  reboot(host, c, opts) {
    return post(host, '/reboot', '0', c, opts);
  },

  async setPools(host, pools, c, opts) {
    const checked = checkPools(pools);
    if (!checked.ok) return checked;
    const stratum_configs = checked.value.map((p) => ({ pool: p.url, login: p.user, password: p.password }));
    return post(host, '/coin', { coin: 'BTC', stratum_configs, unique_id: false }, c, opts);
  },
};
