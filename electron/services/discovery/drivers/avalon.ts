/**
 * Canaan Avalon (cgminer RPC on 4028; telemetry packed as `Key[value]` strings inside stats).
 * Fixtures: avalonminer/v1. Reference: asic-rs avalonminer/backends (avalon_q/rpc.rs, avalon_a).
 */
import type { JsonValue } from '../transport/json-repair';
import { fail, ok, type Outcome } from '../transport/outcome';
import { rpcCall, RPC_PORT } from '../transport/rpc-client';
import { checkPools, done, emptyTelemetry, failureNotes, gather, opLimits, portOf, rpcTasks } from './common';
import { arr, at, cgminerHashrateGhs, cgminerPools, mac, maxOf, num, obj, rpm, seconds, section, str, tempC, toGhs, watts } from './read';
import type { BoardTelemetry, DriverOptions, Identity, MinerDriver, Telemetry } from './types';

const WEB_USER = 'root';
const WEB_PASSWORD = 'root';

/**
 * Parses `Ver[Q-2505] Fan1[5344] PS[0 1214 1316] Nonce Mask[25]` into key → raw value. Only the word
 * right before `[` is the key; the `'STATS':{…}` wrapper of newer firmware is ignored.
 */
export function parseAvalonKv(text: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (typeof text !== 'string') return out;
  // The look-behind keeps this linear on long runs of letters without a bracket (a 1 MB reply must not stall).
  const re = /(?<![A-Za-z0-9_])([A-Za-z0-9_]+)\[([^\][]*)\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!(m[1] in out)) out[m[1]] = m[2].trim();
  return out;
}

const list = (v: string | undefined) =>
  v === undefined
    ? []
    : v
        .split(/\s+/)
        .filter((s) => s !== '')
        .map((s) => num(s.replace(/%$/, '')));

/** The `MM ID0` (A-series) or `MM ID0:Summary` (Avalon Q) string of the first STATS entry that has one. */
export function avalonStats(stats: unknown): Record<string, string> {
  for (const entry of arr(at(stats, 'STATS'))) {
    const o = obj(entry);
    if (!o) continue;
    const key = Object.keys(o).find((k) => /^MM ID\d+(:Summary)?$/.test(k));
    if (key) return parseAvalonKv(o[key]);
  }
  return Object.create(null);
}

export type AvalonReplies = { version?: unknown; stats?: unknown; summary?: unknown; pools?: unknown };

export function parseAvalonIdentity(r: AvalonReplies): Identity {
  const v = section(r.version, 'VERSION');
  const mm = avalonStats(r.stats);
  const verPrefix = mm.Ver ? mm.Ver.split('-')[0] : null;
  const prod = str(at(v, 'PROD'));
  const modelCode = str(at(v, 'MODEL')) ?? verPrefix;
  return {
    family: 'avalon',
    make: 'Canaan',
    model: prod ?? (modelCode ? `Avalon ${modelCode}` : null),
    firmware: str(at(v, 'LVERSION')) ?? str(at(v, 'CGVERSION')) ?? str(at(v, 'VERSION')) ?? (mm.Ver ? mm.Ver : null),
    serial: str(at(v, 'DNA')) ?? (mm.DNA && !/deleted/i.test(mm.DNA) ? mm.DNA : null),
    mac: mac(at(v, 'MAC')),
    hostname: null,
    nominalHashrateGhs: toGhs(mm.GHSmm, 'GH'),
  };
}

export function parseAvalonTelemetry(r: AvalonReplies): Telemetry {
  const t = emptyTelemetry();
  const mm = avalonStats(r.stats);
  const s = section(r.summary, 'SUMMARY');
  t.hashrateGhs = toGhs(mm.GHSspd, 'GH') ?? cgminerHashrateGhs(s);
  t.nominalHashrateGhs = toGhs(mm.GHSmm, 'GH');
  t.uptimeS = seconds(mm.Elapsed) ?? seconds(at(s, 'Elapsed'));
  const perBoard = list(mm.MGHS);
  const boardMax = list(mm.MTmax);
  const boardAvg = list(mm.MTavg);
  const boards: BoardTelemetry[] = perBoard.map((gh, i) => ({
    index: i,
    hashrateGhs: toGhs(gh, 'GH'),
    tempC: tempC(boardAvg[i]),
    chipTempMaxC: tempC(boardMax[i]),
    serial: null,
  }));
  t.boards = boards;
  // A 0 °C maximum means "no reading" on an idle unit; board outlet temperatures stand in then.
  t.tempMaxC = maxOf([tempC(mm.TMax), ...boardMax.map(tempC), tempC(mm.HBOTemp), tempC(mm.HBITemp)].filter((v) => v !== 0)) ?? null;
  const fans: number[] = [];
  for (let i = 1; i <= 8; i++) {
    const v = rpm(mm[`Fan${i}`]);
    if (v !== null) fans.push(v);
  }
  t.fansRpm = fans;
  const ps = list(mm.PS);
  t.powerW = ps.length > 4 ? watts(ps[4]) : null;
  t.powerSource = t.powerW === null ? null : 'miner';
  t.pools = cgminerPools(r.pools);
  for (const key of ['ECHU', 'ECMM']) for (const code of list(mm[key])) if (code !== null && code !== 0) t.errors.push(`Avalon ${key} error code ${code}`);
  return t;
}

function call(host: string, command: string, parameter: string | undefined, opts: DriverOptions | undefined): Promise<Outcome<JsonValue>> {
  return rpcCall(host, command, parameter, { ...opLimits(opts), port: portOf(opts, 'rpc', RPC_PORT) });
}

export const avalonDriver: MinerDriver = {
  family: 'avalon',
  label: 'Avalon',
  ports: [RPC_PORT],
  supports: { reboot: true, setPools: true },

  async identify(host, opts) {
    const rpc = { ...opLimits(opts), port: portOf(opts, 'rpc', RPC_PORT) };
    const { replies, failures } = await gather(rpcTasks(host, ['version', 'stats', 'summary', 'pools'], rpc, { version: opts?.known?.rpcVersion }));
    if (!replies.version) return failures.version!;
    return ok({ identity: parseAvalonIdentity(replies), live: replies.stats || replies.summary ? parseAvalonTelemetry(replies) : null });
  },

  async readTelemetry(host, opts) {
    const { replies, failures } = await gather({
      stats: () => call(host, 'stats', undefined, opts),
      summary: () => call(host, 'summary', undefined, opts),
      pools: () => call(host, 'pools', undefined, opts),
    });
    if (!replies.stats && !replies.summary) return failures.stats!;
    const t = parseAvalonTelemetry(replies);
    t.errors.push(...failureNotes(failures));
    return ok(t);
  },

  async reboot(host, _c, opts) {
    const res = await call(host, 'ascset', '0,reboot,0', opts);
    return res.ok ? done : res;
  },

  async setPools(host, pools, c, opts) {
    const checked = checkPools(pools, { commaSeparated: true });
    if (!checked.ok) return checked;
    const user = c.username ?? WEB_USER;
    const pass = c.password ?? WEB_PASSWORD;
    if ([user, pass].some((s) => s.includes(','))) return { ok: false, state: 'bad_input', message: 'The Avalon login may not contain commas.' };
    for (const [i, p] of checked.value.entries()) {
      const res = await call(host, 'ascset', `0,setpool,${user},${pass},${i},${p.url},${p.user},${p.password}`, opts);
      if (!res.ok) return res;
      const msg = str(at(res.value, 'STATUS', 0, 'Msg')) ?? '';
      if (/fail|error|denied/i.test(msg)) return fail('api_error', `setpool on ${host}: ${msg}`);
    }
    return done;
  },
};
