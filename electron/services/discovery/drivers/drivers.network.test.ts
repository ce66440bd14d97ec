/**
 * Every driver against loopback miners that answer from the shared fixtures with the wire protocols of
 * PROTOCOLS.md: identifyHost, readTelemetry and the writes (reboot, set pools) with their auth schemes.
 * Only 127.0.0.1 is ever contacted.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { aesEcbZeroDecrypt, aesEcbZeroEncrypt, whatsminerV2Token, whatsminerV3Token } from '../crypto/whatsminer-crypto';
import { fixture } from '../test-fixtures';
import { cgError, cgOk, httpMiner, rpcMiner, wm3Miner } from '../testing/fake-miners';
import { closedPort, tcpServer, type Loopback } from '../testing/loopback';
import { DRIVERS, identifyHost } from './index';
import type { PortOverrides } from './types';

const H = '127.0.0.1';
const open: Loopback[] = [];
const keep = async (p: Promise<Loopback>) => {
  const s = await p;
  open.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Port overrides where every port not given is a closed one, so probes of it are refused at once. */
async function ports(given: PortOverrides): Promise<PortOverrides> {
  const closed = await closedPort();
  return { rpc: closed, http: closed, wm3: closed, auradineWeb: closed, ...given };
}

const POOLS = [
  { url: 'stratum+tcp://holding.pool:3333', user: 'facility.hold', password: 'x' },
  { url: 'stratum+tcp://backup.pool:443', user: 'facility.backup', password: 'pw' },
];

describe('Antminer stock: RPC + Digest CGI', () => {
  const f = (c: string) => fixture('antminer', 'v2020', c);
  const md5 = (s: string) => createHash('md5').update(s).digest('hex');
  let conf: Record<string, unknown> = { pools: [{ url: 'stratum+tcp://old:3333', user: 'old', pass: 'x' }], 'bitmain-fan-ctrl': false, 'freq-level': '100' };
  const cgi = () =>
    httpMiner(({ method, path, headers, body }) => {
      const auth = headers.authorization ?? '';
      const p: Record<string, string> = {};
      for (const m of auth.matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]+))/g)) p[m[1]] = m[2] ?? m[3];
      const expected = md5(`${md5('root:antMiner Configuration:root')}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${md5(`${method}:${p.uri}`)}`);
      if (p.response !== expected) return { status: 401, headers: { 'WWW-Authenticate': 'Digest realm="antMiner Configuration", nonce="n0nce", qop="auth"' } };
      if (path === '/cgi-bin/get_system_info.cgi') return { body: f('system_info') };
      if (path === '/cgi-bin/get_miner_conf.cgi') return { body: conf };
      if (path === '/cgi-bin/set_miner_conf.cgi' && method === 'POST') {
        conf = JSON.parse(body);
        return { body: { stats: 'success', code: 'M000', msg: 'OK!' } };
      }
      if (path === '/cgi-bin/reboot.cgi' && method === 'POST') return { body: {} };
      return { status: 404, body: 'not found' };
    });
  const rpc = () =>
    rpcMiner(
      (req) => ({ version: f('version'), stats: f('stats'), summary: f('summary'), pools: f('pools') })[req.command as string] ?? cgError('Invalid command'),
    );

  it('is identified in two RPC exchanges where the firmware joins commands: version once, then the live reads together', async () => {
    const asked: unknown[] = [];
    const replies: Record<string, unknown> = { version: f('version'), stats: f('stats'), summary: f('summary'), pools: f('pools') };
    const joining = await keep(
      rpcMiner((req) => {
        asked.push(req.command);
        const commands = String(req.command).split('+');
        return commands.length === 1 ? (replies[commands[0]] ?? cgError('Invalid command')) : Object.fromEntries(commands.map((c) => [c, [replies[c]]]));
      }),
    );
    const p = await ports({ rpc: joining.port, http: (await keep(cgi())).port });
    const found = await identifyHost(H, { ports: p });
    expect(asked).toEqual(['version', 'stats+summary+pools']);
    expect(found).toMatchObject({ state: 'identified', identity: { serial: 'THQING0BDJAB024NF' } });
    const read = await DRIVERS.antminer.readTelemetry(H, { ports: p });
    expect(found.live?.hashrateGhs).toBe(read.ok ? read.value.hashrateGhs : 'unread');
    expect(found.live?.pools.length).toBeGreaterThan(0);
  });

  it('is identified with serial and hostname from the CGI page, and read', async () => {
    const p = await ports({ rpc: (await keep(rpc())).port, http: (await keep(cgi())).port });
    const found = await identifyHost(H, { ports: p });
    expect(found.state).toBe('identified');
    expect(found.identity).toMatchObject({ family: 'antminer', model: 'Antminer S19 Pro', serial: 'THQING0BDJAB024NF', hostname: 'Antminer' });
    expect(found.openPorts).toEqual([p.rpc]);
    const t = await DRIVERS.antminer.readTelemetry(H, { ports: p });
    expect(t.ok && t.value.hashrateGhs).toBe(110567);
  });

  it('sets pools through get/set_miner_conf (keeping the other settings) and reboots; a wrong password is auth_failed', async () => {
    const p = await ports({ http: (await keep(cgi())).port });
    expect(await DRIVERS.antminer.setPools(H, POOLS, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(conf).toEqual({
      pools: [
        { url: 'stratum+tcp://holding.pool:3333', user: 'facility.hold', pass: 'x' },
        { url: 'stratum+tcp://backup.pool:443', user: 'facility.backup', pass: 'pw' },
        { url: '', user: '', pass: '' },
      ],
      'bitmain-fan-ctrl': false,
      'freq-level': '100',
    });
    expect(await DRIVERS.antminer.reboot(H, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(await DRIVERS.antminer.reboot(H, { password: 'wrong' }, { ports: p })).toMatchObject({ ok: false, state: 'auth_failed' });
  });
});

describe('Whatsminer API v2 (4028) with encrypted writes', () => {
  const f = (c: string) => fixture('whatsminer', 'v2', c);
  const token = { time: '1700000000', salt: 'BQ5hoXV9', newsalt: 'ZGAl6Ilx' };
  const writes: Record<string, unknown>[] = [];
  const miner = () =>
    rpcMiner((req) => {
      if (req.enc === 1) {
        const { aesKey, sign } = whatsminerV2Token('admin', token);
        const plain = aesEcbZeroDecrypt(aesKey, String(req.data));
        let cmd: Record<string, unknown> | null;
        try {
          cmd = plain === null ? null : (JSON.parse(plain) as Record<string, unknown>);
        } catch {
          cmd = null; // another key decrypts to noise
        }
        if (!cmd || cmd.token !== sign) return { STATUS: 'E', When: 0, Code: 23, Msg: 'invalid token', Description: '' };
        writes.push(cmd);
        return { enc: aesEcbZeroEncrypt(aesKey, JSON.stringify({ STATUS: 'S', When: 0, Code: 131, Msg: 'API command OK', Description: '' })) };
      }
      switch (req.command) {
        case 'get_token':
          return { STATUS: 'S', When: 0, Code: 134, Msg: token, Description: '' };
        case 'get_version':
          return f('get_version');
        case 'get_miner_info':
          return f('get_miner_info');
        case 'summary':
          return f('summary');
        case 'devs':
          return f('devs');
        case 'pools':
          return f('pools');
        case 'get_error_code':
          return f('get_error_code_with_errors');
        case 'devdetails':
          return cgOk('Device Details', { DEVDETAILS: [{ DEVDETAILS: 0, Name: 'SM', ID: 0, Driver: 'bitmicro', Model: 'M50S+.VK30' }] });
        default:
          return { STATUS: 'E', When: 0, Code: 14, Msg: 'invalid cmd', Description: '' };
      }
    });

  it('is identified through get_version after an unknown version reply, and read', async () => {
    const p = await ports({ rpc: (await keep(miner())).port });
    const found = await identifyHost(H, { ports: p });
    expect(found).toMatchObject({ state: 'identified', identity: { family: 'whatsminer', model: 'WhatsMiner M50S+ VK30', mac: 'D4:01:02:03:04:05' } });
    const t = await DRIVERS.whatsminer.readTelemetry(H, { ports: p });
    expect(t.ok && t.value).toMatchObject({ hashrateGhs: 124500, powerW: 3200, powerSource: 'miner' });
    expect(t.ok && t.value.errors).toEqual(['Error 218 since 2024-06-15 10:30:00', 'Error 110 since 2024-06-15 09:15:00']);
  });

  it('reboots and updates pools with the md5crypt token and AES; a wrong password is auth_failed', async () => {
    const p = await ports({ rpc: (await keep(miner())).port });
    expect(await DRIVERS.whatsminer.reboot(H, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(await DRIVERS.whatsminer.setPools(H, POOLS, { password: 'admin' }, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(writes.map((w) => w.cmd)).toEqual(['reboot', 'update_pools']);
    expect(writes[1]).toMatchObject({ pool1: POOLS[0].url, worker1: POOLS[0].user, passwd1: 'x', pool2: POOLS[1].url, passwd2: 'pw', pool3: '', worker3: '' });
    expect(await DRIVERS.whatsminer.reboot(H, { password: 'nope' }, { ports: p })).toMatchObject({ ok: false, state: 'auth_failed' });
  });
});

describe('Whatsminer API v3 (4433)', () => {
  const f = (c: string) => fixture('whatsminer', 'v3', c);
  const writes: Record<string, unknown>[] = [];
  const miner = () =>
    wm3Miner((req) => {
      const salt = 'uhCiDyVj'; // the fixture's msg.salt
      if (req.cmd === 'get.device.info') return f('get_device_info_with_errors');
      if (req.cmd === 'get.miner.status') return f(`get_miner_status_${String(req.param)}`);
      const { token, aesKey } = whatsminerV3Token(String(req.cmd), 'super', salt, Number(req.ts));
      if (req.token !== token || req.account !== 'super') return { code: -4, msg: 'invalid token' };
      writes.push({ cmd: req.cmd, param: req.param === undefined ? undefined : JSON.parse(aesEcbZeroDecrypt(aesKey, String(req.param)) ?? 'null') });
      return { code: 0, msg: 'ok', when: 0, desc: req.cmd };
    });

  it('is identified on 4433 with its serial, read in TH/s, rebooted and given pools', async () => {
    const p = await ports({ wm3: (await keep(miner())).port });
    const found = await identifyHost(H, { ports: p });
    expect(found).toMatchObject({
      state: 'identified',
      identity: { family: 'whatsminer', model: 'WhatsMiner M60S VK40', serial: 'BTM3CS40HD24083100000000000000000' },
    });
    const t = await DRIVERS.whatsminer.readTelemetry(H, { ports: p });
    expect(t.ok && t.value).toMatchObject({ hashrateGhs: 171259, powerW: 3156, tempMaxC: 82 });
    expect(t.ok && t.value.errors).toHaveLength(5);
    expect(await DRIVERS.whatsminer.reboot(H, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(await DRIVERS.whatsminer.setPools(H, POOLS, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(writes).toEqual([
      { cmd: 'set.system.reboot', param: undefined },
      {
        cmd: 'set.miner.pools',
        param: [
          { pool: POOLS[0].url, worker: POOLS[0].user, passwd: 'x' },
          { pool: POOLS[1].url, worker: POOLS[1].user, passwd: 'pw' },
        ],
      },
    ]);
    expect(await DRIVERS.whatsminer.reboot(H, { password: 'bad' }, { ports: p })).toMatchObject({ ok: false, state: 'auth_failed' });
  });
});

describe('LuxOS', () => {
  const f = (c: string) => fixture('luxminer', 'v1', c);
  it('is identified, read, rebooted and given pools through a session', async () => {
    let pools = [{ POOL: 0, URL: 'stratum+tcp://old.pool:3333', User: 'old', Status: 'Alive', 'Stratum Active': true }];
    let session = '';
    const calls: string[] = [];
    const miner = await keep(
      rpcMiner((req) => {
        const cmd = String(req.command);
        const param = typeof req.parameter === 'string' ? req.parameter.split(',') : [];
        if (['addpool', 'switchpool', 'removepool', 'rebootdevice'].includes(cmd)) {
          calls.push(`${cmd} ${String(req.parameter)}`);
          if (param[0] !== session || session === '') return cgError('Invalid session');
        }
        switch (cmd) {
          case 'session':
            return cgOk('Session', { SESSION: [{ SessionID: session }] });
          case 'logon':
            session = 'sess42';
            return cgOk('Logon', { SESSION: [{ SessionID: session }] });
          case 'addpool': {
            const id = Math.max(...pools.map((x) => x.POOL)) + 1;
            pools.push({ POOL: id, URL: param[1], User: param[2], Status: 'Alive', 'Stratum Active': false });
            return cgOk(`Added pool ${id}`);
          }
          case 'switchpool':
            pools = pools.map((x) => ({ ...x, 'Stratum Active': x.POOL === Number(param[1]) }));
            return cgOk('Switched');
          case 'removepool':
            if (pools.find((x) => x.POOL === Number(param[1]))?.['Stratum Active']) return cgError('Cannot remove active pool');
            pools = pools.filter((x) => x.POOL !== Number(param[1]));
            return cgOk('Removed');
          case 'pools':
            return cgOk('Pools', { POOLS: pools });
          case 'rebootdevice':
            return cgOk('Rebooting');
          default:
            return (
              (
                {
                  version: f('version'),
                  config: f('config'),
                  summary: f('summary'),
                  devs: f('devs'),
                  temps: f('temps'),
                  fans: f('fans'),
                  power: f('power'),
                } as Record<string, unknown>
              )[cmd] ?? cgError('Invalid command')
            );
        }
      }),
    );
    const p = await ports({ rpc: miner.port });
    expect(await identifyHost(H, { ports: p })).toMatchObject({ state: 'identified', identity: { family: 'luxos', serial: 'JYZZB0UBDJABF06RB' } });
    const t = await DRIVERS.luxos.readTelemetry(H, { ports: p });
    expect(t.ok && t.value).toMatchObject({ hashrateGhs: 59756, powerW: 1051 });
    expect(await DRIVERS.luxos.setPools(H, POOLS, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(pools.map((x) => [x.URL, x.User, x['Stratum Active']])).toEqual([
      [POOLS[0].url, POOLS[0].user, true],
      [POOLS[1].url, POOLS[1].user, false],
    ]);
    expect(await DRIVERS.luxos.reboot(H, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(calls.at(-1)).toBe('rebootdevice sess42');
    expect(await DRIVERS.luxos.setPools(H, [{ url: 'stratum+tcp://a,b:1', user: 'u', password: '' }], {}, { ports: p })).toMatchObject({
      ok: false,
      state: 'bad_input',
    });
  });
});

describe('Braiins OS REST', () => {
  const f = (c: string) => fixture('braiins', 'v25_07', c);
  const files: Record<string, string> = {
    'miner/details': 'miner_details',
    'miner/stats': 'miner_stats',
    'miner/hw/hashboards': 'miner_hw_hashboards',
    'cooling/state': 'cooling_state',
    pools: 'pools',
    network: 'network',
    'miner/errors': 'miner_errors',
  };
  const puts: [string, unknown][] = [];
  const web = () =>
    httpMiner(({ method, path, headers, body }) => {
      if (path === '/') return { body: '<html><head><title>Braiins OS</title></head></html>' };
      if (path === '/api/v1/auth/login') {
        const b = JSON.parse(body) as { username: string; password: string };
        return b.username === 'root' && b.password === 'root' ? { body: { token: 'tok123', timeout_s: 3600 } } : { status: 401, body: { message: 'bad' } };
      }
      if (headers.authorization !== 'tok123') return { status: 401, body: {} };
      const rest = path.replace('/api/v1/', '');
      if (method === 'PUT') {
        puts.push([rest, body ? JSON.parse(body) : null]);
        return { status: 204 };
      }
      return files[rest] ? { body: f(files[rest]) } : { status: 404, body: {} };
    });

  it('reads the MAC and hostname from /network only where miner/details leaves them out', async () => {
    const asked: string[] = [];
    const details = { ...(f('miner_details') as object), mac_address: null, hostname: null };
    const sparse = await keep(
      httpMiner((req) => {
        asked.push(req.path);
        if (req.path === '/api/v1/miner/details') return { body: details };
        return req.path === '/api/v1/auth/login'
          ? { body: { token: 'tok123', timeout_s: 3600 } }
          : req.path === '/'
            ? { body: '<title>Braiins OS</title>' }
            : { body: f(files[req.path.replace('/api/v1/', '')] ?? 'pools') };
      }),
    );
    const found = await identifyHost(H, { ports: await ports({ http: sparse.port }) });
    expect(found.identity).toMatchObject({ family: 'braiins', mac: '02:EE:DA:A9:B6:4A', hostname: 'Antminer' });
    expect(asked).toContain('/api/v1/network');
  });

  it('is identified from its web page, logs in, reads, reboots and sets pools', async () => {
    const p = await ports({ http: (await keep(web())).port });
    const found = await identifyHost(H, { ports: p });
    expect(found).toMatchObject({ state: 'identified', identity: { family: 'braiins', model: 'Antminer S19 XP', mac: '02:EE:DA:A9:B6:4A' }, message: null });
    const t = await DRIVERS.braiins.readTelemetry(H, { ports: p });
    expect(t.ok && t.value).toMatchObject({ hashrateGhs: 141464, powerW: 3137, tempMaxC: 71 });
    expect(await DRIVERS.braiins.reboot(H, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(await DRIVERS.braiins.setPools(H, POOLS.slice(0, 1), {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(puts).toEqual([
      ['actions/reboot', null],
      [
        'pools/batch',
        [{ name: 'Hashdesk', pools: [{ url: POOLS[0].url, user: POOLS[0].user, password: 'x' }], load_balance_strategy: { quota: { value: 1 } } }],
      ],
    ]);
  });

  it('is still recognised when the login is refused, with a plain message', async () => {
    const p = await ports({ http: (await keep(web())).port });
    const found = await identifyHost(H, { ports: p, credentials: { braiins: { password: 'wrong' } } });
    expect(found.state).toBe('identified');
    expect(found.identity).toMatchObject({ family: 'braiins', model: null });
    expect(found.message).toMatch(/Braiins OS.*credentials/);
  });
});

describe('Avalon, Bitaxe, ePIC and Auradine', () => {
  it('Avalon: identified by version, read from stats, rebooted and given pools with ascset', async () => {
    const f = (c: string) => fixture('avalonminer', 'v1', c);
    const ascset: string[] = [];
    const miner = await keep(
      rpcMiner((req) => {
        if (req.command === 'ascset') {
          ascset.push(String(req.parameter));
          return f('ascset_softon');
        }
        return (
          ({ version: f('version'), stats: f('avalon_a_stats'), summary: f('summary'), pools: f('pools') } as Record<string, unknown>)[String(req.command)] ??
          cgError('Invalid command')
        );
      }),
    );
    const p = await ports({ rpc: miner.port });
    expect(await identifyHost(H, { ports: p })).toMatchObject({ state: 'identified', identity: { family: 'avalon', model: 'Avalon Q' } });
    const t = await DRIVERS.avalon.readTelemetry(H, { ports: p });
    expect(t.ok && t.value).toMatchObject({ hashrateGhs: 81073, powerW: 3189 });
    expect(await DRIVERS.avalon.reboot(H, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(await DRIVERS.avalon.setPools(H, POOLS, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(ascset).toEqual([
      '0,reboot,0',
      `0,setpool,root,root,0,${POOLS[0].url},${POOLS[0].user},x`,
      `0,setpool,root,root,1,${POOLS[1].url},${POOLS[1].user},pw`,
    ]);
  });

  it('Bitaxe: identified by /api/system/info, pools set with PATCH (host and port apart), restarted', async () => {
    const patches: unknown[] = [];
    let restarts = 0;
    const web = await keep(
      httpMiner(({ method, path, body }) => {
        if (path === '/api/system/info') return { body: fixture('bitaxe', 'v2_0_0', 'system_info') };
        if (path === '/api/system' && method === 'PATCH') return (patches.push(JSON.parse(body)), { body: {} });
        if (path === '/api/system/restart' && method === 'POST') return (restarts++, { body: 'System will restart shortly.' });
        return { status: 404, body: 'no' };
      }),
    );
    const p = await ports({ http: web.port });
    expect(await identifyHost(H, { ports: p })).toMatchObject({
      state: 'identified',
      identity: { family: 'bitaxe', model: 'Bitaxe Supra' },
      openPorts: [web.port],
    });
    expect(await DRIVERS.bitaxe.setPools(H, POOLS, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(patches).toEqual([
      {
        stratumURL: 'holding.pool',
        stratumPort: 3333,
        stratumUser: 'facility.hold',
        stratumPassword: 'x',
        fallbackStratumURL: 'backup.pool',
        fallbackStratumPort: 443,
        fallbackStratumUser: 'facility.backup',
        fallbackStratumPassword: 'pw',
      },
    ]);
    expect(await DRIVERS.bitaxe.reboot(H, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(restarts).toBe(1);
    expect(await DRIVERS.bitaxe.setPools(H, [...POOLS, POOLS[0]], {}, { ports: p })).toMatchObject({ ok: false, state: 'bad_input' });
  });

  it('ePIC: its HTTP API on 4028 answers the RPC probe with 400, then /capabilities identifies it', async () => {
    const f = (c: string) => fixture('epic', 'v1', c);
    const posts: unknown[] = [];
    const api = await keep(
      httpMiner(({ method, path, body }) => {
        if (method === 'POST') {
          const b = JSON.parse(body) as { password: string };
          if (b.password !== 'letmein') return { status: 401, body: { result: false, error: 'Incorrect password' } };
          posts.push([path, b]);
          return { body: { result: true, error: null } };
        }
        const name = path.slice(1);
        return ['summary', 'capabilities', 'network', 'temps'].includes(name) ? { body: f(name) } : { status: 404, body: {} };
      }),
    );
    const p = await ports({ rpc: api.port });
    expect(await identifyHost(H, { ports: p })).toMatchObject({ state: 'identified', identity: { family: 'epic', serial: '002000353232510933363631' } });
    const t = await DRIVERS.epic.readTelemetry(H, { ports: p });
    expect(t.ok && t.value).toMatchObject({ hashrateGhs: 99366, powerW: 2167 });
    expect(await DRIVERS.epic.reboot(H, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(await DRIVERS.epic.setPools(H, POOLS.slice(0, 1), {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(posts).toEqual([
      ['/reboot', { param: '0', password: 'letmein' }],
      [
        '/coin',
        { param: { coin: 'BTC', stratum_configs: [{ pool: POOLS[0].url, login: POOLS[0].user, password: 'x' }], unique_id: false }, password: 'letmein' },
      ],
    ]);
    expect(await DRIVERS.epic.reboot(H, { password: 'nope' }, { ports: p })).toMatchObject({ ok: false, state: 'auth_failed' });
  });

  it('Auradine: RPC reads plus the token web API on 8080 for identity, fans, PSU and writes', async () => {
    const f = (c: string) => fixture('auradine', 'v1', c);
    const writes: unknown[] = [];
    const replies: Record<string, unknown> = { version: f('version'), summary: f('summary'), devs: f('devs'), pools: f('pools') };
    const rpc = await keep(rpcMiner((req) => (replies[String(req.command)] as object | undefined) ?? cgError('Invalid command')));
    const web = await keep(
      httpMiner(({ method, path, headers, body }) => {
        if (path === '/token') {
          const b = JSON.parse(body) as { user: string; password: string };
          return b.user === 'admin' && b.password === 'admin'
            ? { body: { STATUS: [{ STATUS: 'S', Msg: 'Token' }], Token: [{ Token: 'T0K' }] } }
            : { body: { STATUS: [{ STATUS: 'E', Msg: 'Invalid user or password' }] } };
        }
        if (headers.token !== 'T0K') return { body: { STATUS: [{ STATUS: 'E', Msg: 'Invalid token' }] } };
        if (method === 'POST') return (writes.push([path, JSON.parse(body)]), { body: { STATUS: [{ STATUS: 'S', Msg: 'OK' }] } });
        const name = path.slice(1);
        return ['ipreport', 'fan', 'psu', 'temperature', 'mode', 'led'].includes(name) ? { body: f(name) } : { status: 404, body: {} };
      }),
    );
    const p = await ports({ rpc: rpc.port, auradineWeb: web.port });
    expect(await identifyHost(H, { ports: p })).toMatchObject({
      state: 'identified',
      identity: { family: 'auradine', model: 'Teraflux AT1500', serial: 'AU23200006' },
    });
    const t = await DRIVERS.auradine.readTelemetry(H, { ports: p });
    expect(t.ok && t.value).toMatchObject({ hashrateGhs: 20600, powerW: 59, fansRpm: [7080, 7020, 7100, 7020], errors: [] });
    expect(await DRIVERS.auradine.reboot(H, {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(await DRIVERS.auradine.setPools(H, POOLS.slice(0, 1), {}, { ports: p })).toEqual({ ok: true, value: undefined });
    expect(writes).toEqual([
      ['/restart', { command: 'restart' }],
      ['/updatepools', { command: 'updatepools', pools: [{ url: POOLS[0].url, user: POOLS[0].user, pass: 'x' }] }],
    ]);
    expect(await DRIVERS.auradine.reboot(H, { password: 'wrong' }, { ports: p })).toMatchObject({ ok: false, state: 'auth_failed' });
  });
});

describe('identifyHost on hosts that are not miners', () => {
  it('calls a host with nothing open unreachable', async () => {
    const p = await ports({});
    const found = await identifyHost(H, { ports: p });
    expect(found.state).toBe('unreachable');
    expect(found.openPorts).toEqual([]);
  });

  it('keeps a port that answers strange JSON as open but unidentified, with what it said', async () => {
    const s = await keep(rpcMiner(() => ({ hello: 'world' })));
    const p = await ports({ rpc: s.port });
    const found = await identifyHost(H, { ports: p });
    expect(found).toMatchObject({ state: 'unidentified', openPorts: [s.port] });
    expect(found.message).toContain('not like a known miner');
  });

  it('gives up on a silent port within its budget and still calls the port open', async () => {
    const silent = await keep(tcpServer(() => {}));
    const p = await ports({ rpc: silent.port, wm3: silent.port, http: silent.port });
    const started = Date.now();
    const found = await identifyHost(H, { ports: p, budgetMs: 700, probeTimeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(found.state).toBe('unidentified');
    expect(found.openPorts).toEqual([silent.port]);
  });

  it('skips ports the scanner did not find open', async () => {
    const s = await keep(rpcMiner(() => fixture('antminer', 'v2020', 'version')));
    const found = await identifyHost(H, { ports: await ports({ rpc: s.port }), openPorts: [80] });
    expect(found.state).toBe('unreachable');
  });
});
