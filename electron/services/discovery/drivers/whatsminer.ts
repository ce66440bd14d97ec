/**
 * MicroBT Whatsminer: btminer API v1/v2 on 4028 (cgminer framing, string STATUS) and API v3 on 4433
 * (length-prefixed JSON). Fixtures: whatsminer/v1, v2, v3. Reference: asic-rs whatsminer/backends
 * v2/rpc.rs, v3/rpc.rs and the vendor's API 2.0 / 3.0 documents (token and AES schemes).
 */
import { aesEcbZeroDecrypt, aesEcbZeroEncrypt, whatsminerV2Token, whatsminerV3Token } from '../crypto/whatsminer-crypto';
import { parseMinerJson, type JsonValue } from '../transport/json-repair';
import { fail, ok, type Outcome } from '../transport/outcome';
import { readRpcReply, rpcCall, rpcExchange, RPC_PORT } from '../transport/rpc-client';
import { wm3Call, WM3_PORT } from '../transport/whatsminer-v3';
import { checkPools, done, emptyTelemetry, failureNotes, gather, opLimits, portOf, rpcTasks } from './common';
import { arr, at, cgminerPools, int, mac, maxOf, obj, poolState, rpm, seconds, section, str, sumOf, tempC, toGhs, uniq, watts, bool } from './read';
import type { BoardTelemetry, Credentials, DriverOptions, DriverResult, Identity, MinerDriver, PoolStatus, Telemetry } from './types';

const V2_PASSWORD = 'admin';
const V3_ACCOUNT = 'super';
const V3_PASSWORD = 'super';

/** "M50S+.VK30", "M60S_VK40" → "M60S VK40". */
export function whatsminerModel(raw: unknown): string | null {
  const s = str(raw);
  if (!s) return null;
  return (
    s
      .replace(/^whatsminer\s*/i, '')
      .replace(/[._]+/g, ' ')
      .trim() || null
  );
}

// ---------- API v1/v2 (4028) ----------

export type WhatsminerV2Replies = {
  getVersion?: unknown;
  devdetails?: unknown;
  minerInfo?: unknown;
  summary?: unknown;
  devs?: unknown;
  pools?: unknown;
  errorCode?: unknown;
};

export function parseWhatsminerV2Identity(r: WhatsminerV2Replies): Identity {
  const summary = section(r.summary, 'SUMMARY');
  const model = whatsminerModel(at(r.devdetails, 'DEVDETAILS', 0, 'Model'));
  return {
    family: 'whatsminer',
    make: 'MicroBT',
    model: model ? `WhatsMiner ${model}` : null,
    firmware: str(at(r.getVersion, 'Msg', 'fw_ver')),
    serial: null,
    mac: mac(at(r.minerInfo, 'Msg', 'mac')) ?? mac(at(summary, 'MAC')),
    hostname: str(at(r.minerInfo, 'Msg', 'hostname')),
    nominalHashrateGhs: toGhs(at(summary, 'Factory GHS'), 'GH'),
  };
}

export function parseWhatsminerV2Telemetry(r: WhatsminerV2Replies): Telemetry {
  const t = emptyTelemetry();
  const s = section(r.summary, 'SUMMARY');
  t.hashrateGhs = toGhs(at(s, 'HS RT'), 'MH') ?? toGhs(at(s, 'MHS 5s'), 'MH') ?? toGhs(at(s, 'MHS 1m'), 'MH') ?? toGhs(at(s, 'MHS av'), 'MH');
  t.nominalHashrateGhs = toGhs(at(s, 'Factory GHS'), 'GH');
  t.powerW = watts(at(s, 'Power'));
  t.powerSource = t.powerW === null ? null : 'miner';
  t.uptimeS = seconds(at(s, 'Uptime')) ?? seconds(at(s, 'Elapsed'));
  const boards: BoardTelemetry[] = [];
  for (const [i, d] of arr(at(r.devs, 'DEVS')).entries()) {
    boards.push({
      index: int(at(d, 'Slot')) ?? int(at(d, 'ASC')) ?? i,
      hashrateGhs: toGhs(at(d, 'MHS 5s'), 'MH') ?? toGhs(at(d, 'MHS 1m'), 'MH') ?? toGhs(at(d, 'MHS av'), 'MH'),
      tempC: tempC(at(d, 'Temperature')),
      chipTempMaxC: tempC(at(d, 'Chip Temp Max')),
      serial: str(at(d, 'PCB SN')),
    });
  }
  t.boards = boards;
  t.tempMaxC = maxOf([tempC(at(s, 'Chip Temp Max')), tempC(at(s, 'Temperature')), ...boards.flatMap((b) => [b.tempC, b.chipTempMaxC])]);
  t.fansRpm = [rpm(at(s, 'Fan Speed In')), rpm(at(s, 'Fan Speed Out'))].filter((v): v is number => v !== null);
  t.pools = cgminerPools(r.pools);
  const errors: string[] = [];
  // v2: get_error_code → Msg.error_code [{"<code>": "<time>"}]
  for (const e of arr(at(r.errorCode, 'Msg', 'error_code'))) {
    const o = obj(e);
    if (!o) continue;
    for (const [code, when] of Object.entries(o)) errors.push(`Error ${code}${str(when) ? ` since ${str(when)}` : ''}`);
  }
  // v1: summary "Error Code 0": 110, "Error Code 1": 600…
  if (s) for (const [k, v] of Object.entries(s)) if (/^Error Code \d+$/.test(k) && int(v) !== null) errors.push(`Error ${int(v)}`);
  t.errors = uniq(errors);
  return t;
}

// ---------- API v3 (4433) ----------

export type WhatsminerV3Replies = { deviceInfo?: unknown; summary?: unknown; pools?: unknown; edevs?: unknown };

export function parseWhatsminerV3Identity(r: WhatsminerV3Replies): Identity {
  const msg = at(r.deviceInfo, 'msg');
  const model = whatsminerModel(at(msg, 'miner', 'type'));
  const detect = str(at(msg, 'miner', 'detect-hash-rate'));
  const perBoard = detect ? detect.split(':').map((v) => toGhs(v, 'GH')) : [];
  return {
    family: 'whatsminer',
    make: 'MicroBT',
    model: model ? `WhatsMiner ${model}` : null,
    firmware: str(at(msg, 'system', 'fwversion')),
    serial: str(at(msg, 'miner', 'miner-sn')),
    mac: mac(at(msg, 'network', 'mac')),
    hostname: str(at(msg, 'network', 'hostname')),
    nominalHashrateGhs: toGhs(at(r.summary, 'msg', 'summary', 'factory-hash'), 'TH') ?? sumOf(perBoard),
  };
}

export function parseWhatsminerV3Telemetry(r: WhatsminerV3Replies): Telemetry {
  const t = emptyTelemetry();
  const s = at(r.summary, 'msg', 'summary');
  t.hashrateGhs = toGhs(at(s, 'hash-realtime'), 'TH') ?? toGhs(at(s, 'hash-1min'), 'TH') ?? toGhs(at(s, 'hash-average'), 'TH');
  t.nominalHashrateGhs = toGhs(at(s, 'factory-hash'), 'TH');
  t.powerW = watts(at(s, 'power-realtime')) ?? watts(at(s, 'power-5min'));
  t.powerSource = t.powerW === null ? null : 'miner';
  t.uptimeS = seconds(at(s, 'elapsed'));
  const boards: BoardTelemetry[] = [];
  for (const [i, d] of arr(at(r.edevs, 'msg', 'edevs')).entries()) {
    boards.push({
      index: int(at(d, 'id')) ?? i,
      hashrateGhs: toGhs(at(d, 'hash-realtime'), 'TH') ?? toGhs(at(d, 'hash-average'), 'TH'),
      tempC: null,
      chipTempMaxC: tempC(at(d, 'chip-temp-max')),
      serial: null,
    });
  }
  const boardTemps = arr(at(s, 'board-temperature')).map(tempC);
  boards.forEach((b, i) => (b.tempC = boardTemps[i] ?? null));
  t.boards = boards;
  t.tempMaxC = maxOf([tempC(at(s, 'chip-temp-max')), ...boardTemps, ...boards.map((b) => b.chipTempMaxC)]);
  t.fansRpm = [rpm(at(s, 'fan-speed-in')), rpm(at(s, 'fan-speed-out'))].filter((v): v is number => v !== null);
  const pools: PoolStatus[] = [];
  for (const p of arr(at(r.pools, 'msg', 'pools'))) {
    const url = str(at(p, 'url'));
    if (url) pools.push({ url, user: str(at(p, 'account')) ?? '', status: poolState(bool(at(p, 'stratum-active')), str(at(p, 'status'))) });
  }
  t.pools = pools;
  const errors: string[] = [];
  for (const e of arr(at(r.deviceInfo, 'msg', 'error-code'))) {
    const o = obj(e);
    if (!o) continue;
    const reason = str(o.reason);
    for (const [code, when] of Object.entries(o))
      if (code !== 'reason') errors.push(`Error ${code}${reason ? `: ${reason}` : ''}${str(when) ? ` (${str(when)})` : ''}`);
  }
  t.errors = uniq(errors);
  return t;
}

// ---------- network ----------

type V3Probe = { ok: true; deviceInfo: JsonValue } | { ok: false; failure: Outcome<never> };

async function v3DeviceInfo(host: string, opts: DriverOptions | undefined): Promise<Outcome<JsonValue>> {
  return wm3Call(host, { cmd: 'get.device.info' }, { ...opLimits(opts), port: portOf(opts, 'wm3', WM3_PORT) });
}

async function probeV3(host: string, opts: DriverOptions | undefined): Promise<V3Probe> {
  const r = await v3DeviceInfo(host, opts);
  return r.ok ? { ok: true, deviceInfo: r.value } : { ok: false, failure: r };
}

function v3Status(host: string, param: string, opts: DriverOptions | undefined) {
  return wm3Call(host, { cmd: 'get.miner.status', param }, { ...opLimits(opts), port: portOf(opts, 'wm3', WM3_PORT) });
}

function v2(host: string, command: string, opts: DriverOptions | undefined) {
  return rpcCall(host, command, undefined, { ...opLimits(opts), port: portOf(opts, 'rpc', RPC_PORT) });
}

/** Sends one encrypted API v2 write command (get_token, md5crypt sign, AES-256-ECB) and checks the decrypted reply. */
async function v2Write(host: string, command: Record<string, string>, c: Credentials, opts: DriverOptions | undefined): Promise<DriverResult<void>> {
  const limits = { ...opLimits(opts), port: portOf(opts, 'rpc', RPC_PORT) };
  const tok = await rpcCall(host, 'get_token', undefined, limits);
  if (!tok.ok) return tok;
  const time = str(at(tok.value, 'Msg', 'time'));
  const salt = str(at(tok.value, 'Msg', 'salt'));
  const newsalt = str(at(tok.value, 'Msg', 'newsalt'));
  if (!time || !salt || !newsalt) return fail('garbage', `get_token on ${host} did not return time, salt and newsalt.`);
  const { aesKey, sign } = whatsminerV2Token(c.password ?? V2_PASSWORD, { time, salt, newsalt });
  const plain = JSON.stringify({ ...command, token: sign });
  const res = await rpcExchange(host, limits.port, { enc: 1, data: aesEcbZeroEncrypt(aesKey, plain) }, limits);
  if (!res.ok) return res;
  const outer = parseMinerJson(res.value);
  if (!outer.ok) return fail('garbage', `${command.cmd} on ${host}: ${outer.message}`);
  const enc = str(at(outer.value, 'enc'));
  let reply: Outcome<JsonValue>;
  if (enc) {
    const decrypted = aesEcbZeroDecrypt(aesKey, enc);
    if (decrypted === null) return fail('garbage', `${command.cmd} on ${host}: the encrypted reply is not valid.`);
    reply = readRpcReply(decrypted, `${command.cmd} on ${host}`);
  } else {
    reply = readRpcReply(res.value, `${command.cmd} on ${host}`);
  }
  if (!reply.ok) {
    if (/token|password|auth/i.test(reply.message)) return fail('auth_failed', `${host} refused the admin password (${reply.message}).`);
    return reply;
  }
  return done;
}

/** Sends one API v3 write command with its token (and an AES-encrypted parameter where the API wants one). */
async function v3Write(
  host: string,
  cmd: string,
  param: unknown,
  encrypt: boolean,
  c: Credentials,
  opts: DriverOptions | undefined,
): Promise<DriverResult<void>> {
  const info = await v3DeviceInfo(host, opts);
  if (!info.ok) return info;
  const salt = str(at(info.value, 'msg', 'salt'));
  if (!salt) return fail('garbage', `get.device.info on ${host} gave no salt for the write token.`);
  const ts = Math.floor(Date.now() / 1000);
  const { token, aesKey } = whatsminerV3Token(cmd, c.password ?? V3_PASSWORD, salt, ts);
  const request: { cmd: string } & Record<string, unknown> = { cmd, ts, token, account: c.username ?? V3_ACCOUNT };
  if (param !== undefined) request.param = encrypt ? aesEcbZeroEncrypt(aesKey, JSON.stringify(param)) : param;
  const res = await wm3Call(host, request, { ...opLimits(opts), port: portOf(opts, 'wm3', WM3_PORT) });
  return res.ok ? done : res;
}

export const whatsminerDriver: MinerDriver = {
  family: 'whatsminer',
  label: 'Whatsminer',
  ports: [RPC_PORT, WM3_PORT],
  supports: { reboot: true, setPools: true },

  async identify(host, opts) {
    const knownV3 = opts?.known?.wm3DeviceInfo;
    const readV2 = async () => {
      const rpc = { ...opLimits(opts), port: portOf(opts, 'rpc', RPC_PORT) };
      const commands = ['get_version', 'devdetails', 'get_miner_info', 'summary', 'pools'] as const;
      const { replies, failures } = await gather(rpcTasks(host, commands, rpc, { get_version: opts?.known?.rpcGetVersion }));
      const named = <T>(r: Partial<Record<(typeof commands)[number], T>>) => ({
        getVersion: r.get_version,
        devdetails: r.devdetails,
        minerInfo: r.get_miner_info,
        summary: r.summary,
        pools: r.pools,
      });
      return { replies: named(replies), failures: named(failures) };
    };
    // Knowing whether the v3 port answered, only the right generation is asked; without, both at once.
    const [v3, early] = await Promise.all([
      knownV3 === undefined
        ? probeV3(host, opts)
        : knownV3 === null
          ? ({ ok: false, failure: fail('refused', `${host} has no API v3 port open.`) } as const)
          : ({ ok: true, deviceInfo: knownV3 } as const),
      knownV3 === undefined ? readV2() : null,
    ]);
    if (v3.ok) {
      const { replies } = await gather({ summary: () => v3Status(host, 'summary', opts), pools: () => v3Status(host, 'pools', opts) });
      const read = { deviceInfo: v3.deviceInfo, ...replies };
      const identity = parseWhatsminerV3Identity(read);
      if (identity.model) return ok({ identity, live: replies.summary ? parseWhatsminerV3Telemetry(read) : null });
    }
    const v2r = early ?? (await readV2());
    if (v2r.replies.getVersion || v2r.replies.summary)
      return ok({ identity: parseWhatsminerV2Identity(v2r.replies), live: v2r.replies.summary ? parseWhatsminerV2Telemetry(v2r.replies) : null });
    return v2r.failures.getVersion ?? (v3.ok ? fail('garbage', `${host} gave no Whatsminer identity.`) : v3.failure);
  },

  async readTelemetry(host, opts) {
    const v3 = await probeV3(host, opts);
    if (v3.ok) {
      const { replies, failures } = await gather({
        summary: () => v3Status(host, 'summary', opts),
        pools: () => v3Status(host, 'pools', opts),
        edevs: () => v3Status(host, 'edevs', opts),
      });
      if (replies.summary) {
        const t = parseWhatsminerV3Telemetry({ deviceInfo: v3.deviceInfo, ...replies });
        t.errors.push(...failureNotes(failures));
        return ok(t);
      }
    }
    const { replies, failures } = await gather({
      summary: () => v2(host, 'summary', opts),
      devs: () => v2(host, 'devs', opts),
      pools: () => v2(host, 'pools', opts),
      errorCode: () => v2(host, 'get_error_code', opts),
    });
    if (!replies.summary) return failures.summary!;
    const t = parseWhatsminerV2Telemetry(replies);
    t.errors.push(...failureNotes({ devs: failures.devs, pools: failures.pools }));
    return ok(t);
  },

  async reboot(host, c, opts) {
    const v3 = await probeV3(host, opts);
    if (v3.ok) return v3Write(host, 'set.system.reboot', undefined, false, c, opts);
    return v2Write(host, { cmd: 'reboot' }, c, opts);
  },

  async setPools(host, pools, c, opts) {
    const checked = checkPools(pools);
    if (!checked.ok) return checked;
    const v3 = await probeV3(host, opts);
    if (v3.ok) {
      const param = checked.value.map((p) => ({ pool: p.url, worker: p.user, passwd: p.password }));
      return v3Write(host, 'set.miner.pools', param, true, c, opts);
    }
    const command: Record<string, string> = { cmd: 'update_pools' };
    for (let i = 0; i < 3; i++) {
      const p = checked.value[i];
      command[`pool${i + 1}`] = p?.url ?? '';
      command[`worker${i + 1}`] = p?.user ?? '';
      command[`passwd${i + 1}`] = p?.password ?? '';
    }
    return v2Write(host, command, c, opts);
  },
};
