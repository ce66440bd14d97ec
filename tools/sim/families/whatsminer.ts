// MicroBT Whatsminer: btminer API v1/v2 on 4028 (JSON, reply closed without NUL) and, on newer
// firmware, API v3 on 4433 (4-byte little-endian length + JSON). Writes need the API's tokens.
import { randomBytes } from 'node:crypto';
import { fixture } from '../fixtures';
import { poolsOf, type SimMiner, type SimPool } from '../miner';
import type { Dice } from '../seed';
import { applyLive, liveScales } from '../telemetry';
import { answerRpc, cgminerPools, cgminerStatus, hostname, macAddress, serialNumber, type FamilyDefinition, type PortSpec, type RpcRequest } from './common';
import { aesEcbDecrypt, aesEcbEncrypt, v2Session, v3Digest } from './whatsminer-crypto';

const baseline = { ths: 125, powerW: 3200 };
const description = 'cgminer 4.9.2';
const v2Password = 'admin';
const v3Account = 'super';
const v3Password = 'super';
const firmwareByApi: Record<string, string> = { v1: '20210322.22.REL', v2: '20230803.11.REL', v3: '20251209.16.Rel2' };

/** A salt per miner, fixed like a real device's; derived from the MAC so it costs no state. */
function saltOf(miner: SimMiner): string {
  return miner.identity.mac.replace(/:/g, '').slice(-8).replace(/0/g, 'x');
}

const now = () => Math.floor(Date.now() / 1000);

function v2Status(status: 'S' | 'E', code: number, msg: unknown) {
  return { STATUS: status, When: now(), Code: code, Msg: msg, Description: '' };
}

function v2Read(miner: SimMiner, command: string): unknown {
  const folder = `whatsminer/${miner.api === 'v1' ? 'v1' : 'v2'}`;
  const live = liveScales(miner, baseline);
  const { identity } = miner;
  switch (command) {
    case 'get_version': {
      const reply = fixture<{ Msg: Record<string, unknown> }>(folder, 'get_version');
      reply.Msg.fw_ver = identity.firmware;
      return applyLive(reply, live);
    }
    case 'summary': {
      const reply = fixture<{ SUMMARY: Record<string, unknown>[] }>(folder, 'summary');
      reply.SUMMARY[0].MAC = identity.mac;
      if ('Firmware Version' in reply.SUMMARY[0]) reply.SUMMARY[0]['Firmware Version'] = `'${identity.firmware}'`;
      return applyLive(reply, live);
    }
    case 'devs': {
      const reply = fixture<{ DEVS: Record<string, unknown>[] }>(folder, 'devs');
      reply.DEVS.forEach((board, i) => (board['PCB SN'] = `BHM${identity.mac.replace(/:/g, '').slice(-6)}K3000${i + 1}`));
      return applyLive(reply, live);
    }
    case 'pools': {
      const reply = fixture<{ POOLS: Record<string, unknown>[] }>(folder, 'pools');
      reply.POOLS = cgminerPools(reply.POOLS[0], poolsOf(miner)).map((pool, i) => ({ ...pool, POOL: i + 1 }));
      return applyLive(reply, live);
    }
    case 'get_miner_info': {
      if (miner.api === 'v1') return undefined;
      const reply = fixture<{ Msg: Record<string, unknown> }>(folder, 'get_miner_info');
      Object.assign(reply.Msg, { mac: identity.mac, hostname: identity.hostname });
      return applyLive(reply, live);
    }
    case 'devdetails':
      return {
        ...cgminerStatus('S', 69, 'Device Details', description),
        DEVDETAILS: [{ DEVDETAILS: 0, Name: 'SM', ID: 0, Driver: 'bitmicro', Kernel: '', Model: identity.model.replace(' ', '.') }],
      };
    case 'get_psu':
    case 'status':
      return applyLive(fixture(folder, command), live);
    case 'get_error_code':
      return applyLive(fixture('whatsminer/v2', 'get_error_code'), live);
    default:
      return undefined;
  }
}

function readV2Pools(body: Record<string, unknown>): SimPool[] {
  return [1, 2, 3]
    .map((i) => ({ url: String(body[`pool${i}`] ?? ''), user: String(body[`worker${i}`] ?? ''), password: String(body[`passwd${i}`] ?? '') }))
    .filter((pool) => pool.url !== '');
}

function parseObject(text: string | null): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(text ?? '') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** get_token hands out a time and salts; the encrypted command must carry the token derived from them. */
function v2Write(miner: SimMiner, request: RpcRequest): unknown {
  const salt = saltOf(miner);
  if (request.command === 'get_token') {
    const time = String(now()).slice(-4);
    const newSalt = randomBytes(6).toString('base64').replace(/[+/]/g, 'x').slice(0, 8);
    const session = v2Session(v2Password, salt, newSalt, time);
    if (miner.tokens && miner.tokens.size > 32) miner.tokens.clear(); // a real miner keeps only a few
    (miner.tokens ??= new Set()).add(session.sign);
    return v2Status('S', 134, { time, salt, newsalt: newSalt });
  }
  const aesKey = v2Session(v2Password, salt, '', '').aesKey;
  const plain = typeof request.body.data === 'string' ? aesEcbDecrypt(aesKey, request.body.data) : null;
  const inner = parseObject(plain);
  const token = typeof inner?.token === 'string' ? inner.token : undefined;
  if (!inner || !token || !miner.tokens?.has(token)) return v2Status('E', 23, 'invalid token');
  const command = inner.cmd ?? inner.command;
  if (command === 'reboot') setImmediate(() => miner.control.reboot(miner));
  else if (command === 'update_pools') miner.control.setPools(miner, readV2Pools(inner));
  else return { enc: aesEcbEncrypt(aesKey, JSON.stringify(v2Status('E', 14, 'invalid cmd'))) };
  return { enc: aesEcbEncrypt(aesKey, JSON.stringify(v2Status('S', 131, 'API command OK'))) };
}

function rpcAnswer(miner: SimMiner, request: RpcRequest): unknown {
  if (request.command === 'get_token' || request.body.enc === 1 || request.body.enc === '1') return v2Write(miner, request);
  return answerRpc(request, description, (command) => v2Read(miner, command));
}

function v3Answer(miner: SimMiner, request: Record<string, unknown>): unknown {
  const command = String(request.cmd ?? '');
  const param = request.param;
  const live = liveScales(miner, baseline);
  const { identity } = miner;
  const ok = (desc: string) => ({ code: 0, when: now(), msg: 'ok', desc });
  if (command === 'get.device.info') {
    const reply = fixture<{ msg: Record<string, Record<string, unknown>> }>('whatsminer/v3', 'get_device_info');
    Object.assign(reply.msg.miner, { 'miner-sn': identity.serial, type: identity.model.replace(' ', '_') });
    Object.assign(reply.msg.network, { mac: identity.mac, hostname: identity.hostname, ip: miner.ip });
    reply.msg.system.fwversion = identity.firmware;
    (reply.msg as Record<string, unknown>).salt = saltOf(miner);
    return applyLive(reply, live);
  }
  if (command === 'get.miner.status' && (param === 'summary' || param === 'edevs')) {
    return applyLive(fixture('whatsminer/v3', `get_miner_status_${param}`), live);
  }
  if (command === 'get.miner.status' && param === 'pools') {
    const reply = fixture<{ msg: { pools: Record<string, unknown>[] } }>('whatsminer/v3', 'get_miner_status_pools');
    reply.msg.pools = poolsOf(miner).map((pool, i) => ({
      ...reply.msg.pools[0],
      account: pool.user,
      url: pool.url,
      'pool-priority': i,
      'stratum-active': i === 0,
    }));
    return applyLive(reply, live);
  }
  if (command === 'set.system.reboot' || command === 'set.miner.pools') {
    const { digest, token } = v3Digest(command, v3Password, saltOf(miner), String(request.ts ?? ''));
    if (request.account !== v3Account || request.token !== token) return { code: -4, when: now(), msg: 'invalid token' };
    if (command === 'set.system.reboot') {
      setImmediate(() => miner.control.reboot(miner));
      return ok(command);
    }
    const plain = typeof param === 'string' ? aesEcbDecrypt(digest, param) : null;
    try {
      const pools = JSON.parse(plain ?? '') as Record<string, unknown>[];
      miner.control.setPools(
        miner,
        pools
          .map((pool) => ({ url: String(pool.pool ?? ''), user: String(pool.worker ?? ''), password: String(pool.passwd ?? '') }))
          .filter((pool) => pool.url),
      );
      return ok(command);
    } catch {
      return { code: -1, when: now(), msg: 'invalid param' };
    }
  }
  return { code: -1, when: now(), msg: 'invalid cmd', desc: command };
}

export const whatsminer: FamilyDefinition = {
  name: 'whatsminer',
  apis: ['v1', 'v2', 'v3'],
  baseline,
  models: [
    { model: 'M30S+ VG40', ths: 100, watts: 3400 },
    { model: 'M50S VH50', ths: 126, watts: 3276 },
    { model: 'M50S+ VK30', ths: 140, watts: 3080 },
    { model: 'M60S VK40', ths: 180, watts: 3420 },
  ],
  identity: (dice: Dice, index, fleet, api) => ({
    // API v1/v2 reads carry no miner serial (per-board PCB serials only).
    serial: api === 'v3' ? serialNumber(dice, 'BTM3CS40HD2408', 10, index, fleet) : null,
    mac: macAddress('C4:08:28', index, fleet),
    hostname: hostname('whatsminer', index),
    make: 'MicroBT',
    firmware: firmwareByApi[api],
  }),
  ports: (api) => {
    const ports: PortSpec[] = [{ port: 4028, framing: 'cgminer', nul: false, answer: rpcAnswer }];
    if (api === 'v3') ports.push({ port: 4433, framing: 'length-prefixed', answer: v3Answer });
    return ports;
  },
};
