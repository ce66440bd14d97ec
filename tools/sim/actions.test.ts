// Device actions take effect: a reboot takes the miner off the network and brings it back with its
// uptime reset; a pool change through each family's own write API is what `pools` returns next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aesEcbDecrypt, aesEcbEncrypt, v2Session, v3Digest } from './families/whatsminer-crypto';
import { familyNames, type FamilyName } from './miner';
import { startSimulator, type SimulatedHost, type Simulator } from './simulator';
import { antminerCgi, exchange, httpJson, rpc, waitFor, wm3 } from './test-clients';

type Pool = { url: string; user: string; password: string };
type Driver = {
  setPools(host: SimulatedHost, pools: Pool[]): Promise<void>;
  readPools(host: SimulatedHost): Promise<{ url: string; user: string }[]>;
  reboot(host: SimulatedHost): Promise<void>;
};

const rpcPools = async (host: SimulatedHost) =>
  ((await rpc(host.ip, { command: 'pools' })).json.POOLS as { URL: string; User: string }[]).map((pool) => ({ url: pool.URL, user: pool.User }));
const statusOf = (reply: Record<string, unknown>) => (Array.isArray(reply.STATUS) ? (reply.STATUS as { STATUS: string }[])[0].STATUS : reply.STATUS);

/** API v1/v2: get_token, then the command AES-encrypted with the key derived from the admin password. */
async function whatsminerV2(host: SimulatedHost, command: Record<string, unknown>, password = 'admin') {
  const token = (await rpc(host.ip, { cmd: 'get_token' })).json.Msg as { time: string; salt: string; newsalt: string };
  const session = v2Session(password, token.salt, token.newsalt, token.time);
  const reply = (await rpc(host.ip, { enc: 1, data: aesEcbEncrypt(session.aesKey, JSON.stringify({ ...command, token: session.sign })) })).json;
  return typeof reply.enc === 'string' ? (JSON.parse(aesEcbDecrypt(session.aesKey, reply.enc) ?? '{}') as Record<string, unknown>) : reply;
}

async function whatsminerV3(host: SimulatedHost, cmd: string, param?: unknown, password = 'super') {
  const salt = ((await wm3(host.ip, { cmd: 'get.device.info', param: 'salt' })).msg as { salt: string }).salt;
  const ts = Math.floor(Date.now() / 1000);
  const { digest, token } = v3Digest(cmd, password, salt, ts);
  const encrypted = param === undefined ? undefined : aesEcbEncrypt(digest, JSON.stringify(param));
  return wm3(host.ip, { cmd, ts, token, account: 'super', ...(encrypted ? { param: encrypted } : {}) });
}

async function braiinsToken(host: SimulatedHost) {
  return (await httpJson<{ token: string }>(host.ip, 80, 'POST', '/api/v1/auth/login', { body: { username: 'root', password: 'root' } })).json.token;
}

async function auradineToken(host: SimulatedHost) {
  return (await httpJson<{ Token: { Token: string }[] }>(host.ip, 8080, 'POST', '/token', { body: { command: 'token', user: 'admin', password: 'admin' } }))
    .json.Token[0].Token;
}

async function luxSession(host: SimulatedHost) {
  return ((await rpc(host.ip, { command: 'logon' })).json.SESSION as { SessionID: string }[])[0].SessionID;
}

const drivers: Record<FamilyName, Driver> = {
  antminer: {
    async setPools(host, pools) {
      const reply = await antminerCgi(host.ip, 'POST', '/cgi-bin/set_miner_conf.cgi', {
        pools: pools.map((p) => ({ url: p.url, user: p.user, pass: p.password })),
        'api-listen': true,
      });
      expect(JSON.parse(reply.body)).toMatchObject({ stats: 'success' });
    },
    readPools: rpcPools,
    reboot: async (host) => void expect((await antminerCgi(host.ip, 'POST', '/cgi-bin/reboot.cgi')).status).toBe(200),
  },
  whatsminer: {
    async setPools(host, pools) {
      if (host.api === 'v3') {
        expect(
          await whatsminerV3(
            host,
            'set.miner.pools',
            pools.map((p) => ({ pool: p.url, worker: p.user, passwd: p.password })),
          ),
        ).toMatchObject({ code: 0 });
        return;
      }
      const fields = Object.fromEntries(
        pools.flatMap((p, i) => [
          [`pool${i + 1}`, p.url],
          [`worker${i + 1}`, p.user],
          [`passwd${i + 1}`, p.password],
        ]),
      );
      expect(await whatsminerV2(host, { cmd: 'update_pools', ...fields })).toMatchObject({ STATUS: 'S', Msg: 'API command OK' });
    },
    async readPools(host) {
      if (host.api !== 'v3') return rpcPools(host);
      return ((await wm3(host.ip, { cmd: 'get.miner.status', param: 'pools' })).msg as { pools: { url: string; account: string }[] }).pools.map((p) => ({
        url: p.url,
        user: p.account,
      }));
    },
    async reboot(host) {
      if (host.api === 'v3') expect(await whatsminerV3(host, 'set.system.reboot')).toMatchObject({ code: 0 });
      else expect(await whatsminerV2(host, { cmd: 'reboot' })).toMatchObject({ STATUS: 'S' });
    },
  },
  luxos: {
    async setPools(host, pools) {
      const session = await luxSession(host);
      const oldIds = ((await rpc(host.ip, { command: 'pools' })).json.POOLS as { POOL: number }[]).map((pool) => pool.POOL);
      for (const pool of pools)
        expect(statusOf((await rpc(host.ip, { command: 'addpool', parameter: `${session},${pool.url},${pool.user},${pool.password}` })).json)).toBe('S');
      const added = ((await rpc(host.ip, { command: 'pools' })).json.POOLS as { POOL: number; URL: string }[]).find((pool) => pool.URL === pools[0].url)!;
      expect(statusOf((await rpc(host.ip, { command: 'switchpool', parameter: `${session},${added.POOL}` })).json)).toBe('S');
      for (const id of oldIds) expect(statusOf((await rpc(host.ip, { command: 'removepool', parameter: `${session},${id}` })).json)).toBe('S');
    },
    readPools: rpcPools,
    reboot: async (host) => void expect(statusOf((await rpc(host.ip, { command: 'rebootdevice', parameter: await luxSession(host) })).json)).toBe('S'),
  },
  avalon: {
    async setPools(host, pools) {
      for (const [i, p] of pools.entries()) {
        expect(statusOf((await rpc(host.ip, { command: 'ascset', parameter: `0,setpool,root,root,${i},${p.url},${p.user},${p.password}` })).json)).toBe('I');
      }
    },
    readPools: rpcPools,
    reboot: async (host) => void expect(statusOf((await rpc(host.ip, { command: 'ascset', parameter: '0,reboot,0' })).json)).toMatch(/^[IS]$/),
  },
  auradine: {
    async setPools(host, pools) {
      const reply = await httpJson(host.ip, 8080, 'POST', '/updatepools', {
        headers: { Token: await auradineToken(host) },
        body: { command: 'updatepools', pools: pools.map((p) => ({ url: p.url, user: p.user, pass: p.password })) },
      });
      expect(statusOf(reply.json)).toBe('S');
    },
    readPools: rpcPools,
    reboot: async (host) =>
      void expect(
        (await httpJson(host.ip, 8080, 'POST', '/restart', { headers: { Token: await auradineToken(host) }, body: { command: 'restart' } })).status,
      ).toBe(200),
  },
  braiins: {
    async setPools(host, pools) {
      const body = [
        { name: 'Hashdesk', pools: pools.map((p) => ({ url: p.url, user: p.user, password: p.password })), load_balance_strategy: { quota: { value: 1 } } },
      ];
      expect((await httpJson(host.ip, 80, 'PUT', '/api/v1/pools/batch', { headers: { Authorization: await braiinsToken(host) }, body })).status).toBe(200);
    },
    async readPools(host) {
      const groups = (
        await httpJson<{ pools: { url: string; user: string }[] }[]>(host.ip, 80, 'GET', '/api/v1/pools', {
          headers: { Authorization: await braiinsToken(host) },
        })
      ).json;
      return groups.flatMap((group) => group.pools.map((p) => ({ url: p.url, user: p.user })));
    },
    reboot: async (host) =>
      void expect((await httpJson(host.ip, 80, 'PUT', '/api/v1/actions/reboot', { headers: { Authorization: await braiinsToken(host) } })).status).toBe(204),
  },
  epic: {
    async setPools(host, pools) {
      const param = { coin: 'BTC', stratum_configs: pools.map((p) => ({ pool: p.url, login: p.user, password: p.password })), unique_id: false };
      expect((await httpJson(host.ip, 4028, 'POST', '/coin', { body: { param, password: 'wrong' } })).json).toMatchObject({
        result: false,
        error: 'Incorrect password',
      });
      expect((await httpJson(host.ip, 4028, 'POST', '/coin', { body: { param, password: 'letmein' } })).json).toMatchObject({ result: true });
    },
    readPools: async (host) =>
      (await httpJson<{ StratumConfigs: { pool: string; login: string }[] }>(host.ip, 4028, 'GET', '/summary')).json.StratumConfigs.map((p) => ({
        url: p.pool,
        user: p.login,
      })),
    reboot: async (host) =>
      void expect((await httpJson(host.ip, 4028, 'POST', '/reboot', { body: { param: '0', password: 'letmein' } })).json).toMatchObject({ result: true }),
  },
  bitaxe: {
    async setPools(host, pools) {
      const [main, fallback] = pools.map((p) => ({ ...p, host: p.url.replace(/^stratum\+tcp:\/\//, '').split(':')[0], port: Number(p.url.split(':').at(-1)) }));
      const body = {
        stratumURL: main.host,
        stratumPort: main.port,
        stratumUser: main.user,
        stratumPassword: main.password,
        fallbackStratumURL: fallback.host,
        fallbackStratumPort: fallback.port,
        fallbackStratumUser: fallback.user,
        fallbackStratumPassword: fallback.password,
      };
      expect((await httpJson(host.ip, 80, 'PATCH', '/api/system', { body })).status).toBe(200);
    },
    readPools: async (host) => {
      const info = (await httpJson<Record<string, string | number>>(host.ip, 80, 'GET', '/api/system/info')).json;
      return [
        { url: `stratum+tcp://${info.stratumURL}:${info.stratumPort}`, user: String(info.stratumUser) },
        { url: `stratum+tcp://${info.fallbackStratumURL}:${info.fallbackStratumPort}`, user: String(info.fallbackStratumUser) },
      ];
    },
    reboot: async (host) => void expect((await httpJson(host.ip, 80, 'POST', '/api/system/restart').catch(() => ({ status: 200 }))).status).toBe(200),
  },
};

let sim: Simulator;
const rebootDownMs = 700;
beforeAll(async () => {
  sim = await startSimulator({ count: 24, base: '127.61.3.0/24', seed: 11, rebootDownMs });
});
afterAll(() => sim?.stop());

const redirect: Pool[] = [
  { url: 'stratum+tcp://holding.hashdesk.test:3333', user: 'facility.hold', password: 'x' },
  { url: 'stratum+tcp://backup.hashdesk.test:443', user: 'facility.backup', password: 'y' },
];

describe.each(familyNames)('%s actions', (family) => {
  it('sets pools through its own write API and reports them back', async () => {
    for (const host of sim.hosts.filter((candidate) => candidate.family === family)) {
      expect((await drivers[family].readPools(host))[0].user).toBe(host.worker);
      await drivers[family].setPools(host, redirect);
      expect(await drivers[family].readPools(host)).toEqual(redirect.map(({ url, user }) => ({ url, user })));
    }
  });

  it('reboots: the miner leaves the network, comes back, and its uptime starts again', async () => {
    const host = sim.hosts.find((candidate) => candidate.family === family)!;
    const port = host.ports[0];
    const refused = async () => (await exchange(host.ip, port, '', { timeoutMs: 300 })).end === 'refused';
    const before = sim.miner(host.ip).bootedAtMs;
    await drivers[family].reboot(host);
    expect(await waitFor(refused, 2_000)).toBe(true);
    expect(await waitFor(async () => !(await refused()), rebootDownMs + 3_000)).toBe(true);
    expect(sim.miner(host.ip).bootedAtMs).toBeGreaterThan(before);
    expect(Date.now() - sim.miner(host.ip).bootedAtMs).toBeLessThan(10_000);
  });
});

describe('write credentials', () => {
  it('refuses Whatsminer writes signed with the wrong password and changes nothing', async () => {
    const host = sim.hosts.find((candidate) => candidate.family === 'whatsminer' && candidate.api !== 'v3')!;
    const before = await drivers.whatsminer.readPools(host);
    expect(await whatsminerV2(host, { cmd: 'update_pools', pool1: 'stratum+tcp://evil:1', worker1: 'x', passwd1: 'x' }, 'not-admin')).toMatchObject({
      STATUS: 'E',
      Msg: 'invalid token',
    });
    const v3 = sim.hosts.find((candidate) => candidate.family === 'whatsminer' && candidate.api === 'v3')!;
    expect(await whatsminerV3(v3, 'set.system.reboot', undefined, 'not-super')).toMatchObject({ code: -4, msg: 'invalid token' });
    expect(await drivers.whatsminer.readPools(host)).toEqual(before);
  });

  it('refuses LuxOS writes without a session', async () => {
    const host = sim.hosts.find((candidate) => candidate.family === 'luxos')!;
    expect((await rpc(host.ip, { command: 'addpool', parameter: 'nosession,stratum+tcp://evil:1,x,x' })).json.STATUS).toMatchObject([{ STATUS: 'E' }]);
  });
});
