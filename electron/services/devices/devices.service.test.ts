// Device actions against the simulator (loopback 127.67.x only): every family reboots and takes new pools,
// a redirect remembers the exact pools and a restore puts them back, and the client's status follows.
import { eq } from 'drizzle-orm';
import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, clients, deviceActionResults, poolRedirects } from '../../../db/schema';
import { startSimulator, type Simulator } from '../../../tools/sim/simulator';
import { poolsOf } from '../../../tools/sim/miner';
import { actor, makeClient, makeManager } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract, type Input } from '../../contract';
import { whatsminerDriver } from '../discovery/drivers/whatsminer';
import { createMiner } from '../miners/miners.service';
import { createSecretBox } from '../secrets/secret-box';
import { createSite } from '../sites/sites.service';
import { randomBytes } from 'node:crypto';
import { setCredential, setHoldingPool } from './devices.credentials';
import { createDeviceActions, type DeviceActions, type DeviceActionsDeps } from './devices.service';
import { getRunStatus } from './devices.runs';

let sim: Simulator;
let silent: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ count: 24, base: '127.67.0.0/24', seed: 21, quirkRate: 0, rebootDownMs: 500 });
  silent = await startSimulator({ count: 1, base: '127.67.1.0/24', families: ['antminer'], seed: 22, quirkRate: 1, quirks: ['silent'] });
});
afterAll(async () => {
  await sim?.stop();
  await silent?.stop();
});

const secrets = createSecretBox(randomBytes(32));
const errors: object[] = [];
let t: TempDb;
let services: DeviceActions[];
let clientId: number;
let siteId: number;
const service = (deps: Partial<DeviceActionsDeps> = {}) => {
  const made = createDeviceActions(t.db, { secrets, log: { error: (details) => errors.push(details) }, timeoutMs: 10_000, ...deps });
  services.push(made);
  return made;
};
const parse = <K extends 'devices.actions.start'>(name: K, input: Input<K>) => contract[name].input.parse(input);
const run = async (devices: DeviceActions, input: Input<'devices.actions.start'>) => {
  const started = devices.start(parse('devices.actions.start', input), actor);
  await devices.settled(started.runId);
  return getRunStatus(t.db, { runId: started.runId, state: null, offset: 0, limit: 500 });
};
const addMiner = (assetId: string, ip: string | null, family: string | null, paid = true) =>
  createMiner(t.db, { assetId, make: 'Sim', model: 'Sim', ip, family, siteId, clientId, paid }, actor).id;

beforeEach(() => {
  t = openTempDb();
  services = [];
  clientId = makeClient(t.db, { name: 'Unpaid Hashing', contactEmail: 'ops@unpaid.com', managerId: makeManager(t.db).id }).id;
  siteId = createSite(t.db, contract['sites.create'].input.parse({ name: 'Loopback Hall' }), actor).id;
});
afterEach(() => {
  for (const s of services) s.shutdown();
  t.close();
  expect(errors).toEqual([]);
});

const firstOf = (family: string, n = 0) => sim.hosts.filter((h) => h.family === family)[n];

describe('reboot and set pools', () => {
  it('reboots one miner of every family: each leaves and comes back with its uptime reset', async () => {
    const hosts = [...new Set(sim.hosts.map((h) => h.family))].map((family) => firstOf(family));
    const ids = hosts.map((h, i) => addMiner(`R-${i}`, h.ip, h.family));
    const before = hosts.map((h) => sim.miner(h.ip).bootedAtMs);
    const status = await run(service(), { target: { minerIds: ids }, action: { kind: 'reboot' } });
    expect(status.run).toMatchObject({ kind: 'reboot', status: 'finished', total: 8, done: 8, counts: { ok: 8, failed: 0 } });
    expect(status.results.rows.map((r) => r.message)).toEqual(Array(8).fill('Reboot sent; it is back on the network in a few minutes.'));
    // Each simulated miner comes back after its down time with a new boot time.
    const back = () => hosts.every((h, i) => sim.miner(h.ip).bootedAtMs > before[i]);
    for (let waited = 0; waited < 3_000 && !back(); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(back()).toBe(true);
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, 'device_action.started')).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].afterJson!)).toEqual({ kind: 'reboot', miners: 8 });
  });

  it('sets two pools on one miner of every family, read back from the simulated miners', async () => {
    const hosts = [...new Set(sim.hosts.map((h) => h.family))].map((family) => firstOf(family, 1));
    const ids = hosts.map((h, i) => addMiner(`P-${i}`, h.ip, h.family));
    const pools = [
      { url: 'stratum+tcp://new.pool.test:3333', worker: 'acct.main', password: 'Pool-Pass-Secret' },
      { url: 'stratum+tcp://backup.pool.test:443', worker: 'acct.backup', password: '' },
    ];
    const status = await run(service(), { target: { minerIds: ids }, action: { kind: 'set_pools', pools } });
    expect(status.run.counts).toMatchObject({ ok: 8, failed: 0 });
    expect(status.run.pools).toEqual(pools.map(({ url, worker }) => ({ url, worker })));
    for (const h of hosts) {
      expect(poolsOf(sim.miner(h.ip)).map(({ url, user }) => ({ url, user }))).toEqual([
        { url: 'stratum+tcp://new.pool.test:3333', user: 'acct.main' },
        { url: 'stratum+tcp://backup.pool.test:443', user: 'acct.backup' },
      ]);
    }
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'miner.pools_set')).all()).toHaveLength(8);
  });
});

describe('unpaid pool redirect', () => {
  it('redirects the unpaid miners, remembers their exact pools, restores them, and moves the client status both ways', async () => {
    const hosts = [...new Set(sim.hosts.map((h) => h.family))].map((family) => firstOf(family, 2));
    // Pools of the client's own, so a restore that sent anything else would show.
    hosts.forEach((h, i) =>
      sim.setPools(h.ip, [
        { url: `stratum+tcp://client${i}.pool.test:3333`, user: `client.w${i}`, password: 'x' },
        { url: `stratum+tcp://client${i}.backup.test:25`, user: `client.b${i}`, password: 'x' },
      ]),
    );
    const originals = hosts.map((h) => poolsOf(sim.miner(h.ip)).map(({ url, user }) => ({ url, user })));
    const ids = hosts.map((h, i) => addMiner(`U-${i}`, h.ip, h.family, false));
    addMiner('PAID-1', firstOf('antminer', 0).ip, 'antminer', true);
    const noAddress = addMiner('U-NOIP', null, 'antminer', false);
    const noFamily = addMiner('U-NOFAM', '127.67.2.9', null, false);
    setHoldingPool(t.db, { url: 'stratum+tcp://holding.facility.test:3333', worker: 'facility', password: 'Hold-Pool-Secret' }, secrets, actor);
    const devices = service();

    const preview = devices.preview(
      parse('devices.actions.start', { target: { clientId, unpaidOnly: true }, action: { kind: 'pool_redirect' } }).target,
      'pool_redirect',
    );
    expect(preview).toMatchObject({ total: 10, withoutAddress: 1, unknownFamily: 1, alreadyDone: 0, holdingPoolSet: true, missingCredentials: 8 });
    expect(preview.families.every((f) => f.supported && f.count === 1)).toBe(true);

    const redirected = await run(devices, { target: { clientId, unpaidOnly: true }, action: { kind: 'pool_redirect' } });
    expect(redirected.run.counts).toEqual({ ok: 8, failed: 0, unsupported: 0, skipped: 2 });
    const byId = new Map(redirected.results.rows.map((r) => [r.minerId, r]));
    expect(byId.get(noAddress)?.message).toMatch(/no IP address/);
    expect(byId.get(noFamily)?.message).toMatch(/family is not known/);
    hosts.forEach((h, i) => {
      const now = poolsOf(sim.miner(h.ip));
      expect(now[0]).toMatchObject({ url: 'stratum+tcp://holding.facility.test:3333', user: `facility.U-${i}`, password: 'Hold-Pool-Secret' });
      expect(byId.get(ids[i])?.message).toContain(`${originals[i][0].url} (${originals[i][0].user})`);
      // Every slot points at the holding pool, also where the firmware writes slots one by one (Avalon, Bitaxe).
      expect(poolsOf(sim.miner(h.ip)).map((p) => p.url)).toEqual(Array(poolsOf(sim.miner(h.ip)).length).fill('stratum+tcp://holding.facility.test:3333'));
      expect(byId.get(ids[i])?.message).not.toContain('fallback');
    });
    expect(t.db.select().from(clients).where(eq(clients.id, clientId)).get()?.status).toBe('pool_redirected');
    expect(devices.redirectedCount({ clientId, unpaidOnly: false })).toBe(8);

    // Again: every miner is on the holding pool already and is skipped, untouched; new pools wait for the restore.
    const again = await run(devices, { target: { minerIds: ids }, action: { kind: 'pool_redirect' } });
    expect(again.run.counts).toMatchObject({ ok: 0, skipped: 8 });
    const pools = [{ url: 'stratum+tcp://other.pool.test:3333', worker: 'w' }];
    expect(devices.preview({ minerIds: ids, unpaidOnly: false }, 'set_pools')).toMatchObject({ alreadyDone: 8, families: [] });
    const setWhileRedirected = await run(devices, { target: { minerIds: ids }, action: { kind: 'set_pools', pools } });
    expect(setWhileRedirected.results.rows.map((r) => r.message)).toEqual(
      Array(8).fill('It is on the holding pool: restore its pools first, then set new ones.'),
    );
    hosts.forEach((h) => expect(poolsOf(sim.miner(h.ip))[0].url).toBe('stratum+tcp://holding.facility.test:3333'));

    const restore = devices.restoreClientPools(clientId, 'billing');
    expect(restore).not.toBeNull();
    await devices.settled(restore!.runId);
    const restored = getRunStatus(t.db, { runId: restore!.runId, state: null, offset: 0, limit: 50 });
    expect(restored.run.counts).toMatchObject({ ok: 8, failed: 0 });
    hosts.forEach((h, i) => {
      expect(poolsOf(sim.miner(h.ip)).map(({ url, user }) => ({ url, user }))).toEqual(originals[i]);
    });
    expect(
      t.db
        .select()
        .from(poolRedirects)
        .all()
        .every((r) => r.restoredAt !== null && r.restoredBy === 'billing'),
    ).toBe(true);
    expect(t.db.select().from(clients).where(eq(clients.id, clientId)).get()?.status).toBe('active');
    expect(devices.restoreClientPools(clientId, 'billing')).toBeNull();
    const actions = t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.clientId, clientId))
      .all()
      .map((r) => r.action);
    expect(actions.filter((a) => a === 'miner.pool_redirected')).toHaveLength(8);
    expect(actions.filter((a) => a === 'miner.pool_restored')).toHaveLength(8);
    expect(actions.filter((a) => a === 'client.status_changed')).toHaveLength(2);
  });

  it('does not redirect a miner whose pools cannot be read, and leaves the client status alone', async () => {
    const dead = addMiner('DEAD', '127.67.2.20', 'antminer', false);
    setHoldingPool(t.db, { url: 'stratum+tcp://holding.facility.test:3333', worker: 'facility' }, secrets, actor);
    const status = await run(service({ timeoutMs: 2_000 }), { target: { clientId, unpaidOnly: true }, action: { kind: 'pool_redirect' } });
    expect(status.results.rows).toMatchObject([{ minerId: dead, state: 'failed' }]);
    expect(status.results.rows[0].message).toMatch(/^Could not read its pools, so they could not be remembered/);
    expect(t.db.select().from(poolRedirects).all()).toEqual([]);
    expect(t.db.select().from(clients).where(eq(clients.id, clientId)).get()?.status).toBe('active');
  });

  it('refuses to start a redirect before the holding pool is set, and changes nothing', () => {
    addMiner('U-1', firstOf('antminer', 0).ip, 'antminer', false);
    expect(() => service().start(parse('devices.actions.start', { target: { clientId, unpaidOnly: true }, action: { kind: 'pool_redirect' } }), actor)).toThrow(
      /Set the holding pool first/,
    );
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'device_action.started')).all()).toEqual([]);
  });
});

describe('failures stay per miner', () => {
  it('reports a family without a driver as unsupported without opening a connection', async () => {
    let connections = 0;
    const listener: Server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(4028, '127.67.3.1', resolve));
    try {
      const id = addMiner('A-1', '127.67.3.1', 'antminer');
      const status = await run(service({ drivers: [whatsminerDriver] }), { target: { minerIds: [id] }, action: { kind: 'reboot' } });
      expect(status.results.rows).toMatchObject([{ state: 'unsupported', message: 'Hashdesk cannot talk to Antminer miners yet, so it was not contacted.' }]);
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });

  it('a miner that never answers fails on its own budget while the others finish', async () => {
    const silentId = addMiner('SILENT', silent.hosts[0].ip, 'antminer');
    const good = [0, 1, 2].map((n) => addMiner(`G-${n}`, firstOf('whatsminer', n).ip, 'whatsminer'));
    const pools = [{ url: 'stratum+tcp://quick.pool.test:3333', worker: 'w.quick', password: '' }];
    const startedAt = Date.now();
    const status = await run(service({ timeoutMs: 1_500 }), { target: { minerIds: [silentId, ...good] }, action: { kind: 'set_pools', pools } });
    expect(Date.now() - startedAt).toBeLessThan(6_000);
    const rows = t.db.select().from(deviceActionResults).all();
    const silentRow = rows.find((r) => r.minerId === silentId)!;
    expect(silentRow.state).toBe('failed');
    for (const id of good) {
      const row = rows.find((r) => r.minerId === id)!;
      expect(row.state).toBe('ok');
      expect(row.at < silentRow.at).toBe(true);
    }
    expect(status.run.counts).toMatchObject({ ok: 3, failed: 1 });
  });
});

describe('secrets', () => {
  it('never puts a login, pool or holding password in the database file, the audit, the results, the API or the log', async () => {
    setCredential(t.db, { siteId: null, family: 'bitaxe', username: 'admin', password: 'S3cret-Login-pw' }, secrets, actor);
    setHoldingPool(t.db, { url: 'stratum+tcp://holding.facility.test:3333', worker: 'facility', password: 'Hold-Pool-Secret' }, secrets, actor);
    const bitaxe = firstOf('bitaxe', 0);
    const id = addMiner('B-1', bitaxe.ip, 'bitaxe', false);
    const devices = service();
    await run(devices, {
      target: { minerIds: [id] },
      action: { kind: 'set_pools', pools: [{ url: 'stratum+tcp://a.test:3333', worker: 'w', password: 'Pool-Pass-Secret' }] },
    });
    const redirected = await run(devices, { target: { minerIds: [id] }, action: { kind: 'pool_redirect' } });
    expect(redirected.run.counts.ok).toBe(1);
    expect(sim.miner(bitaxe.ip).pools?.[0].password).toBe('Hold-Pool-Secret');
    const restored = await run(devices, { target: { minerIds: [id] }, action: { kind: 'pool_restore' } });
    expect(restored.run.counts.ok).toBe(1);
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = readdirSync(t.dir).map((name) => readFileSync(`${t.dir}/${name}`).toString('latin1'));
    const api = JSON.stringify([redirected, restored, t.db.select().from(auditLog).all()]);
    for (const secret of ['S3cret-Login-pw', 'Hold-Pool-Secret', 'Pool-Pass-Secret']) {
      for (const text of [...files, api, JSON.stringify(errors)]) expect(text).not.toContain(secret);
    }
    expect(restored.results.rows[0].message).toMatch(/^Original pools restored: stratum\+tcp:\/\/a\.test:3333 \(w\)/);
  });
});
