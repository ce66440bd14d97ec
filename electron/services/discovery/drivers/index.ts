/**
 * The driver registry and identifyHost: which family answers at an address, tried in a sensible
 * order within one time budget. The order and the telltales are in ../PROTOCOLS.md section 1.
 */
import type { JsonValue } from '../transport/json-repair';
import { httpRequest } from '../transport/http-client';
import { parseMinerJson } from '../transport/json-repair';
import type { Failure, Outcome } from '../transport/outcome';
import { readRpcReply, rpcExchange, rpcStatus, RPC_PORT } from '../transport/rpc-client';
import { wm3Call, WM3_PORT } from '../transport/whatsminer-v3';
import { antminerDriver } from './antminer';
import { auradineDriver } from './auradine';
import { avalonDriver } from './avalon';
import { bitaxeDriver, isBitaxeInfo } from './bitaxe';
import { braiinsDriver, isBraiinsPage } from './braiins';
import { epicDriver } from './epic';
import { luxosDriver } from './luxos';
import { at, str } from './read';
import type { Credentials, DriverOptions, Identity, KnownReplies, MinerDriver, MinerFamily, Telemetry } from './types';
import { whatsminerDriver } from './whatsminer';

export const DRIVERS: Record<MinerFamily, MinerDriver> = {
  antminer: antminerDriver,
  whatsminer: whatsminerDriver,
  luxos: luxosDriver,
  braiins: braiinsDriver,
  avalon: avalonDriver,
  bitaxe: bitaxeDriver,
  epic: epicDriver,
  auradine: auradineDriver,
};

export function driverFor(family: MinerFamily): MinerDriver {
  return DRIVERS[family];
}

/** `live` is what the miner reports now, read with its identity; null when that read failed. */
export type HostIdentification =
  | { state: 'identified'; identity: Identity; live: Telemetry | null; openPorts: number[]; message: string | null }
  | { state: 'unidentified'; identity: null; live: null; openPorts: number[]; message: string }
  | { state: 'unreachable'; identity: null; live: null; openPorts: []; message: string };

export type IdentifyOptions = Omit<DriverOptions, 'credentials' | 'deadline'> & {
  /** Total time for the whole identification (default 8 s). */
  budgetMs?: number;
  /** Time for each probe (default 3 s, shortened by the budget). */
  probeTimeoutMs?: number;
  /** Ports the caller already found open; probes of other ports are skipped. */
  openPorts?: number[];
  /** Credentials per family for the reads that need a login (Antminer CGI, Braiins, Auradine web). */
  credentials?: Partial<Record<MinerFamily, Credentials>>;
};

/** Picks the family from a reply to `{"command":"version"}` on 4028. */
export function familyFromRpcVersion(text: string, value: JsonValue | null): MinerFamily | null {
  const up = text.toUpperCase();
  if (up.includes('LUXMINER')) return 'luxos';
  if (up.includes('BOSMINER') || up.includes('BOSER')) return 'braiins';
  if (up.includes('GCMINER') || up.includes('FLUXOS')) return 'auradine';
  if (up.includes('AVALON')) return 'avalon';
  const type = str(at(value, 'VERSION', 0, 'Type'));
  if (up.includes('BMMINER') || (type !== null && /^antminer/i.test(type))) return 'antminer';
  return null;
}

/** A Whatsminer v1/v2 `get_version` reply: string STATUS "S" and Msg.fw_ver. */
export function isWhatsminerGetVersion(value: JsonValue | null): boolean {
  return rpcStatus(value ?? null).status === 'S' && typeof at(value, 'STATUS') === 'string' && str(at(value, 'Msg', 'fw_ver')) !== null;
}

const CLOSED: Failure['state'][] = ['refused', 'unreachable', 'aborted', 'network_error'];

function answered<T>(r: Outcome<T>): boolean {
  if (r.ok) return true;
  if (r.opened) return true;
  return !CLOSED.includes(r.state) && r.state !== 'timeout';
}

/**
 * Identifies one address. Never throws; a slow or silent host costs at most the budget.
 * The result is identified (with whatever identity the family's driver could read),
 * unidentified (a port answered, no family matched) or unreachable.
 */
export async function identifyHost(host: string, opts: IdentifyOptions = {}): Promise<HostIdentification> {
  const budget = opts.budgetMs ?? 8_000;
  const deadline = Date.now() + budget;
  const ports = { rpc: opts.ports?.rpc ?? RPC_PORT, http: opts.ports?.http ?? 80, wm3: opts.ports?.wm3 ?? WM3_PORT };
  const mayProbe = (port: number, standard: number) => !opts.openPorts || opts.openPorts.includes(port) || opts.openPorts.includes(standard);
  const probe = { connectTimeoutMs: opts.connectTimeoutMs, timeoutMs: opts.probeTimeoutMs ?? 3_000, maxBytes: opts.maxBytes, signal: opts.signal, deadline };
  const notes: string[] = [];
  const open = new Set<number>();
  // What the first round learned, handed to the family's driver so it does not ask again.
  const known: KnownReplies = {};
  const note = (port: number, r: Outcome<unknown>) => {
    if (answered(r)) open.add(port);
    if (!r.ok) notes.push(`${port}: ${r.message}`);
  };

  const identified = async (family: MinerFamily): Promise<HostIdentification> => {
    const driver = DRIVERS[family];
    const res = await driver.identify(host, {
      connectTimeoutMs: opts.connectTimeoutMs,
      timeoutMs: Math.max(1, deadline - Date.now()),
      maxBytes: opts.maxBytes,
      signal: opts.signal,
      ports: opts.ports,
      credentials: opts.credentials?.[family],
      known,
    });
    const openPorts = [...open].sort((a, b) => a - b);
    if (res.ok) return { state: 'identified', ...res.value, openPorts, message: null };
    const bare: Identity = { family, make: null, model: null, firmware: null, serial: null, mac: null, hostname: null, nominalHashrateGhs: null };
    return {
      state: 'identified',
      identity: bare,
      live: null,
      openPorts,
      message: `Recognised as ${driver.label}, but the details could not be read: ${res.message}`,
    };
  };

  // Stage 1: the RPC port and the Whatsminer v3 port, at once.
  const [rpc, wm3] = await Promise.all([
    mayProbe(ports.rpc, RPC_PORT) ? rpcExchange(host, ports.rpc, { command: 'version' }, probe) : null,
    mayProbe(ports.wm3, WM3_PORT) ? wm3Call(host, { cmd: 'get.device.info' }, { ...probe, port: ports.wm3 }) : null,
  ]);
  if (rpc) note(ports.rpc, rpc);
  if (wm3) note(ports.wm3, wm3);
  if (wm3?.ok) known.wm3DeviceInfo = wm3.value;
  else if (!wm3 || !answered(wm3)) known.wm3DeviceInfo = null;

  if (rpc?.ok) {
    const parsed = parseMinerJson(rpc.value);
    const family = familyFromRpcVersion(rpc.value, parsed.ok ? parsed.value : null);
    const version = readRpcReply(rpc.value, `"version" on ${host}:${ports.rpc}`);
    if (version.ok) known.rpcVersion = version.value;
    if (family) return identified(family);
    const gv = await rpcExchange(host, ports.rpc, { command: 'get_version' }, probe);
    if (gv.ok) {
      const v = parseMinerJson(gv.value);
      if (v.ok && isWhatsminerGetVersion(v.value)) {
        known.rpcGetVersion = v.value;
        return identified('whatsminer');
      }
      notes.push(`${ports.rpc}: answered, but not like a known miner (${rpc.value.slice(0, 60).replace(/\s+/g, ' ')}…)`);
    }
  }
  if (wm3?.ok && str(at(wm3.value, 'msg', 'miner', 'type')) !== null) return identified('whatsminer');
  if (rpc && !rpc.ok && rpc.state === 'http') {
    const caps = await httpRequest({ host, port: ports.rpc, method: 'GET', path: '/capabilities' }, probe);
    if (caps.ok && caps.value.status === 200) {
      const v = parseMinerJson(caps.value.body);
      if (v.ok && str(at(v.value, 'Model')) !== null) {
        known.capabilities = v.value;
        return identified('epic');
      }
    }
  }

  // Stage 2: the web port.
  if (mayProbe(ports.http, 80) && Date.now() < deadline) {
    const info = await httpRequest({ host, port: ports.http, method: 'GET', path: '/api/system/info' }, probe);
    note(ports.http, info);
    if (info.ok && info.value.status === 200) {
      const v = parseMinerJson(info.value.body);
      if (v.ok && isBitaxeInfo(v.value)) {
        known.systemInfo = v.value;
        return identified('bitaxe');
      }
    }
    if (answered(info) && Date.now() < deadline) {
      const root = await httpRequest({ host, port: ports.http, method: 'GET', path: '/' }, probe);
      if (root.ok) {
        const { status, headers, body } = root.value;
        if (isBraiinsPage(body)) return identified('braiins');
        if (/miner web dashboard/i.test(body)) return identified('epic');
        const challenge = headers['www-authenticate'];
        if (status === 401 && /digest/i.test(Array.isArray(challenge) ? challenge.join(' ') : (challenge ?? ''))) return identified('antminer');
        if (/avalon/i.test(body)) return identified('avalon');
        notes.push(`${ports.http}: a web page (HTTP ${status}) that is not a known miner's`);
      } else notes.push(`${ports.http}: ${root.message}`);
    }
  }

  const openPorts = [...open].sort((a, b) => a - b);
  if (openPorts.length === 0) {
    return {
      state: 'unreachable',
      identity: null,
      live: null,
      openPorts: [],
      message: notes.length ? `No miner port answered (${notes.join('; ')}).` : 'No port was probed.',
    };
  }
  return { state: 'unidentified', identity: null, live: null, openPorts, message: `Open but not identified: ${notes.join('; ')}` };
}

export * from './types';
