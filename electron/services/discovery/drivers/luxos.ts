/**
 * LuxOS (Luxor firmware for Antminers): cgminer-style RPC on 4028 with LuxOS commands (config, temps,
 * fans, power) and session-based privileged commands. Fixtures: luxminer/v1. Reference: asic-rs
 * luxminer/backends/v1/rpc.rs.
 */
import type { JsonValue } from '../transport/json-repair';
import { fail, ok, type Outcome } from '../transport/outcome';
import { rpcCall, RPC_PORT } from '../transport/rpc-client';
import { checkPools, done, emptyTelemetry, failureNotes, gather, opLimits, portOf, rpcTasks } from './common';
import { arr, at, cgminerHashrateGhs, cgminerPools, int, mac, makeFromModel, maxOf, rpm, seconds, section, str, tempC, toGhs, watts } from './read';
import type { BoardTelemetry, DriverOptions, DriverResult, Identity, MinerDriver, Telemetry } from './types';

export type LuxosReplies = {
  version?: unknown;
  config?: unknown;
  summary?: unknown;
  devs?: unknown;
  temps?: unknown;
  fans?: unknown;
  power?: unknown;
  pools?: unknown;
};

export function parseLuxosIdentity(r: LuxosReplies): Identity {
  const v = section(r.version, 'VERSION');
  const c = section(r.config, 'CONFIG');
  const model = str(at(c, 'Model')) ?? str(at(v, 'Type'));
  const lux = str(at(v, 'LUXminer'));
  return {
    family: 'luxos',
    make: makeFromModel(model),
    model,
    firmware: lux ? `LuxOS ${lux}` : null,
    serial: str(at(c, 'SerialNumber')),
    mac: mac(at(c, 'MACAddr')),
    hostname: str(at(c, 'Hostname')),
    nominalHashrateGhs: toGhs(at(c, 'NameplateTHS'), 'TH'),
  };
}

export function parseLuxosTelemetry(r: LuxosReplies): Telemetry {
  const t = emptyTelemetry();
  const s = section(r.summary, 'SUMMARY');
  t.hashrateGhs = cgminerHashrateGhs(s);
  t.nominalHashrateGhs = toGhs(at(section(r.config, 'CONFIG'), 'NameplateTHS'), 'TH');
  t.uptimeS = seconds(at(s, 'Elapsed'));
  const temps = arr(at(r.temps, 'TEMPS'));
  const boardTemp = (id: number | null) => {
    const entry = temps.find((e) => int(at(e, 'ID')) === id);
    return maxOf(['TopLeft', 'TopRight', 'BottomLeft', 'BottomRight'].map((k) => tempC(at(entry, k))));
  };
  const boards: BoardTelemetry[] = arr(at(r.devs, 'DEVS')).map((d, i) => {
    const index = int(at(d, 'ID')) ?? int(at(d, 'ASC')) ?? i;
    return {
      index,
      hashrateGhs: toGhs(at(d, 'MHS 5s'), 'MH') ?? toGhs(at(d, 'MHS av'), 'MH'),
      tempC: tempC(at(d, 'Temperature')),
      chipTempMaxC: boardTemp(index),
      serial: str(at(d, 'SerialNumber')),
    };
  });
  boards.sort((a, b) => a.index - b.index);
  t.boards = boards;
  t.tempMaxC = maxOf([
    ...temps.map((e) => maxOf(['TopLeft', 'TopRight', 'BottomLeft', 'BottomRight'].map((k) => tempC(at(e, k))))),
    ...boards.map((b) => b.tempC),
  ]);
  t.fansRpm = arr(at(r.fans, 'FANS'))
    .map((f) => rpm(at(f, 'RPM')))
    .filter((v): v is number => v !== null);
  t.powerW = watts(at(r.power, 'POWER', 0, 'Watts'));
  t.powerSource = t.powerW === null ? null : 'miner';
  t.pools = cgminerPools(r.pools);
  return t;
}

function call(host: string, command: string, parameter: string | undefined, opts: DriverOptions | undefined): Promise<Outcome<JsonValue>> {
  return rpcCall(host, command, parameter, { ...opLimits(opts), port: portOf(opts, 'rpc', RPC_PORT) });
}

/** The current session id, or a new one from `logon`. */
async function session(host: string, opts: DriverOptions | undefined): Promise<Outcome<string>> {
  const cur = await call(host, 'session', undefined, opts);
  if (!cur.ok) return cur;
  const id = str(at(cur.value, 'SESSION', 0, 'SessionID'));
  if (id) return ok(id);
  const logon = await call(host, 'logon', undefined, opts);
  if (!logon.ok) return logon;
  const fresh = str(at(logon.value, 'SESSION', 0, 'SessionID'));
  return fresh ? ok(fresh) : fail('garbage', `logon on ${host} returned no session id.`);
}

export const luxosDriver: MinerDriver = {
  family: 'luxos',
  label: 'LuxOS',
  ports: [RPC_PORT],
  supports: { reboot: true, setPools: true },

  async identify(host, opts) {
    const rpc = { ...opLimits(opts), port: portOf(opts, 'rpc', RPC_PORT) };
    const commands = ['version', 'config', 'summary', 'devs', 'temps', 'power', 'pools'] as const;
    const { replies, failures } = await gather(rpcTasks(host, commands, rpc, { version: opts?.known?.rpcVersion }));
    if (!replies.version && !replies.config) return failures.version!;
    return ok({ identity: parseLuxosIdentity(replies), live: replies.summary ? parseLuxosTelemetry(replies) : null });
  },

  async readTelemetry(host, opts) {
    const { replies, failures } = await gather({
      summary: () => call(host, 'summary', undefined, opts),
      devs: () => call(host, 'devs', undefined, opts),
      temps: () => call(host, 'temps', undefined, opts),
      fans: () => call(host, 'fans', undefined, opts),
      power: () => call(host, 'power', undefined, opts),
      pools: () => call(host, 'pools', undefined, opts),
      config: () => call(host, 'config', undefined, opts),
    });
    if (!replies.summary) return failures.summary!;
    const t = parseLuxosTelemetry(replies);
    const { summary: _s, ...optional } = failures;
    t.errors.push(...failureNotes(optional));
    return ok(t);
  },

  async reboot(host, _c, opts) {
    const sid = await session(host, opts);
    if (!sid.ok) return sid;
    const res = await call(host, 'rebootdevice', sid.value, opts);
    return res.ok ? done : res;
  },

  async setPools(host, pools, _c, opts): Promise<DriverResult<void>> {
    const checked = checkPools(pools, { commaSeparated: true });
    if (!checked.ok) return checked;
    const sid = await session(host, opts);
    if (!sid.ok) return sid;
    const before = await call(host, 'pools', undefined, opts);
    if (!before.ok) return before;
    const oldIds = arr(at(before.value, 'POOLS'))
      .map((p) => int(at(p, 'POOL')))
      .filter((v): v is number => v !== null);
    for (const p of checked.value) {
      const added = await call(host, 'addpool', `${sid.value},${p.url},${p.user},${p.password}`, opts);
      if (!added.ok) return added;
    }
    const after = await call(host, 'pools', undefined, opts);
    if (!after.ok) return after;
    const first = checked.value[0];
    const newEntry = arr(at(after.value, 'POOLS')).find((p) => {
      const id = int(at(p, 'POOL'));
      return id !== null && !oldIds.includes(id) && str(at(p, 'URL')) === first.url && str(at(p, 'User')) === first.user;
    });
    const newId = int(at(newEntry, 'POOL'));
    if (newId === null) return fail('api_error', `${host} did not list the added pool ${first.url}.`);
    const switched = await call(host, 'switchpool', `${sid.value},${newId}`, opts);
    if (!switched.ok) return switched;
    for (const id of oldIds) {
      const removed = await call(host, 'removepool', `${sid.value},${id}`, opts);
      if (!removed.ok) return removed;
    }
    return done;
  },
};
