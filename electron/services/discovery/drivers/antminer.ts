/**
 * Antminer with Bitmain's stock firmware (BMMiner/cgminer RPC on 4028, CGI pages with HTTP Digest on 80).
 * Fixtures: antminer/v2020. Reference: asic-rs antminer/backends/v2020 (rpc.rs, web.rs).
 */
import { httpJson, httpRequest } from '../transport/http-client';
import { rpcCall, RPC_PORT } from '../transport/rpc-client';
import { checkPools, done, emptyTelemetry, failureNotes, gather, opLimits, portOf, rpcTasks } from './common';
import {
  arr,
  at,
  cgminerHashrateGhs,
  cgminerPools,
  hashUnit,
  int,
  mac,
  makeFromModel,
  maxOf,
  numberList,
  obj,
  rpm,
  seconds,
  section,
  str,
  tempC,
  toGhs,
  type Obj,
} from './read';
import type { BoardTelemetry, Credentials, DriverOptions, DriverResult, Identity, MinerDriver, PoolConfig, Telemetry } from './types';

const DEFAULT_USER = 'root';
const DEFAULT_PASSWORD = 'root';

export type AntminerReplies = { version?: unknown; systemInfo?: unknown; summary?: unknown; stats?: unknown; pools?: unknown };

/** The STATS entry holding the chain and fan figures (the second one on stock firmware). */
function chainStats(stats: unknown): Obj | null {
  for (const entry of arr(at(stats, 'STATS'))) {
    const o = obj(entry);
    if (o && Object.keys(o).some((k) => k.startsWith('chain_rate') || k === 'fan_num' || k.startsWith('temp2_'))) return o;
  }
  return null;
}

export function parseAntminerIdentity(r: AntminerReplies): Identity {
  const v = section(r.version, 'VERSION');
  const si = obj(r.systemInfo);
  const model = str(at(v, 'Type')) ?? str(at(si, 'minertype'));
  const bmminer = str(at(v, 'BMMiner')) ?? str(at(v, 'CGMiner'));
  const st = chainStats(r.stats);
  const unit = hashUnit(at(st, 'rate_unit'));
  return {
    family: 'antminer',
    make: makeFromModel(model) ?? 'Bitmain',
    model,
    firmware: str(at(si, 'system_filesystem_version')) ?? str(at(v, 'CompileTime')) ?? (bmminer ? `BMMiner ${bmminer}` : null),
    serial: str(at(si, 'serinum')),
    mac: mac(at(si, 'macaddr')),
    hostname: str(at(si, 'hostname')),
    nominalHashrateGhs: toGhs(at(st, 'total_rateideal'), unit),
  };
}

export function parseAntminerTelemetry(r: AntminerReplies): Telemetry {
  const t = emptyTelemetry();
  const summary = section(r.summary, 'SUMMARY');
  const st = chainStats(r.stats);
  const unit = hashUnit(at(st, 'rate_unit'));
  t.hashrateGhs = cgminerHashrateGhs(summary) ?? toGhs(at(st, 'GHS 5s'), 'GH');
  t.nominalHashrateGhs = toGhs(at(st, 'total_rateideal'), unit);
  t.uptimeS = seconds(at(summary, 'Elapsed')) ?? seconds(at(st, 'Elapsed'));

  if (st) {
    const boards: BoardTelemetry[] = [];
    for (let i = 1; i <= 16; i++) {
      const rate = toGhs(at(st, `chain_rate${i}`), unit);
      const chips = int(at(st, `chain_acn${i}`));
      if ((rate === null || rate === 0) && (chips === null || chips === 0)) continue;
      const pcb = numberList(at(st, `temp_pcb${i}`)).map(tempC);
      const chip = [...numberList(at(st, `temp_chip${i}`)).map(tempC), tempC(at(st, `temp2_${i}`))];
      boards.push({
        index: i - 1,
        hashrateGhs: rate,
        tempC: maxOf([...pcb, tempC(at(st, `temp${i}`))]) || null,
        chipTempMaxC: maxOf(chip) || null,
        serial: null,
      });
    }
    t.boards = boards;
    t.tempMaxC = maxOf(boards.flatMap((b) => [b.tempC, b.chipTempMaxC]));
    const fanCount = int(at(st, 'fan_num'));
    const fans: number[] = [];
    for (let i = 1; i <= 8; i++) {
      const v = rpm(at(st, `fan${i}`));
      if (v === null) continue;
      if (fanCount !== null ? i <= fanCount : v > 0) fans.push(v);
    }
    t.fansRpm = fans;
  }
  t.pools = cgminerPools(r.pools);
  return t;
}

function creds(c: Credentials | undefined) {
  return { username: c?.username ?? DEFAULT_USER, password: c?.password ?? DEFAULT_PASSWORD };
}

function cgi(host: string, path: string, opts: DriverOptions | undefined, c: Credentials | undefined, method: 'GET' | 'POST' = 'GET', body?: unknown) {
  const limits = opLimits(opts);
  return httpRequest({ host, port: portOf(opts, 'http', 80), method, path: `/cgi-bin/${path}`, body, digest: creds(c) }, limits).then((res) =>
    httpJson(res, `${path} on ${host}`),
  );
}

export const antminerDriver: MinerDriver = {
  family: 'antminer',
  label: 'Antminer (stock firmware)',
  ports: [RPC_PORT, 80],
  supports: { reboot: true, setPools: true },

  async identify(host, opts) {
    const limits = opLimits(opts);
    const rpc = { ...limits, port: portOf(opts, 'rpc', RPC_PORT) };
    const { replies, failures } = await gather({
      ...rpcTasks(host, ['version', 'stats', 'summary', 'pools'] as const, rpc, { version: opts?.known?.rpcVersion }),
      systemInfo: () => cgi(host, 'get_system_info.cgi', { ...opts, ...limits }, opts?.credentials),
    });
    if (!replies.version) return failures.version!;
    return { ok: true, value: { identity: parseAntminerIdentity(replies), live: replies.summary ? parseAntminerTelemetry(replies) : null } };
  },

  async readTelemetry(host, opts) {
    const limits = opLimits(opts);
    const rpc = { ...limits, port: portOf(opts, 'rpc', RPC_PORT) };
    const { replies, failures } = await gather({
      summary: () => rpcCall(host, 'summary', undefined, rpc),
      stats: () => rpcCall(host, 'stats', undefined, rpc),
      pools: () => rpcCall(host, 'pools', undefined, rpc),
    });
    if (!replies.summary) return failures.summary!;
    const t = parseAntminerTelemetry(replies);
    t.errors.push(...failureNotes({ stats: failures.stats, pools: failures.pools }));
    return { ok: true, value: t };
  },

  async reboot(host, c, opts) {
    const limits = opLimits(opts);
    const res = await httpRequest({ host, port: portOf(opts, 'http', 80), method: 'POST', path: '/cgi-bin/reboot.cgi', body: '', digest: creds(c) }, limits);
    if (!res.ok) return res;
    if (res.value.status === 401) return { ok: false, state: 'auth_failed', message: `${host} refused the user name or password.` };
    if (res.value.status < 200 || res.value.status > 299) return { ok: false, state: 'api_error', message: `reboot on ${host}: HTTP ${res.value.status}.` };
    return done;
  },

  async setPools(host, pools: PoolConfig[], c, opts): Promise<DriverResult<void>> {
    const checked = checkPools(pools);
    if (!checked.ok) return checked;
    const limits = { ...opts, ...opLimits(opts) };
    const conf = await cgi(host, 'get_miner_conf.cgi', limits, c);
    if (!conf.ok) return conf;
    const current = obj(conf.value);
    if (!current) return { ok: false, state: 'garbage', message: `get_miner_conf on ${host} did not return a configuration object.` };
    const entries = [...checked.value.map((p) => ({ url: p.url, user: p.user, pass: p.password }))];
    while (entries.length < 3) entries.push({ url: '', user: '', pass: '' });
    const next = { ...current, pools: entries };
    const res = await cgi(host, 'set_miner_conf.cgi', limits, c, 'POST', next);
    if (!res.ok) return res;
    const stats = str(at(res.value, 'stats'));
    if (stats !== null && stats.toLowerCase() !== 'success') {
      return { ok: false, state: 'api_error', message: `set_miner_conf on ${host}: ${str(at(res.value, 'msg')) ?? stats}.` };
    }
    return done;
  },
};
