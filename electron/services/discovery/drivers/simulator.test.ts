/**
 * The drivers against the project's miner simulator (tools/sim): every family on 127.x with its real
 * framing and each miner's own identity. identifyHost must name each correctly, telemetry must be read,
 * the writes must change the simulated miner, and every quirk must end as a plain per-host state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolsOf } from '../../../../tools/sim/miner';
import { startSimulator, type Simulator } from '../../../../tools/sim/simulator';
import { DRIVERS, identifyHost } from './index';

let sim: Simulator;
let quirky: Simulator;

beforeAll(async () => {
  [sim, quirky] = await Promise.all([
    startSimulator({ count: 24, base: '127.71.5.0/24', seed: 5, quirkRate: 0 }),
    startSimulator({ count: 32, base: '127.71.6.0/24', seed: 9, quirkRate: 1 }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([sim?.stop(), quirky?.stop()]);
});

describe('drivers against the simulator', () => {
  it('identifies every simulated miner with its family, model, serial, MAC and hostname', async () => {
    const rows = await Promise.all(sim.hosts.map(async (host) => ({ host, found: await identifyHost(host.ip) })));
    expect(new Set(rows.map((r) => r.host.family)).size).toBe(8);
    for (const { host, found } of rows) {
      const where = `${host.ip} ${host.family} ${host.api}: ${found.message}`;
      expect(found.state, where).toBe('identified');
      const id = found.identity!;
      expect(id.family, where).toBe(host.family);
      expect(id.model?.toLowerCase(), where).toContain(host.model.toLowerCase());
      expect(id.serial, where).toBe(host.serial);
      expect(id.mac, where).toBe(host.mac.toUpperCase());
      // Avalon has no hostname in its RPC, nor Whatsminer's API v1.
      const noHostname = host.family === 'avalon' || (host.family === 'whatsminer' && host.api === 'v1');
      expect(id.hostname, where).toBe(noHostname ? null : host.hostname);
    }
  }, 60_000);

  it('reads telemetry from every simulated miner: hashrate, pools with its worker, power where the firmware has it', async () => {
    const rows = await Promise.all(sim.hosts.map(async (host) => ({ host, t: await DRIVERS[host.family].readTelemetry(host.ip) })));
    for (const { host, t } of rows) {
      const where = `${host.ip} ${host.family} ${host.api}`;
      expect(t.ok, `${where}: ${t.ok ? '' : t.message}`).toBe(true);
      if (!t.ok) continue;
      expect(t.value.hashrateGhs, where).toBeGreaterThan(0);
      expect(t.value.tempMaxC, where).toBeGreaterThan(20);
      expect(
        t.value.pools.some((p) => p.user === host.worker && p.status === 'active'),
        where,
      ).toBe(true);
      if (host.family === 'antminer') expect(t.value.powerW, where).toBeNull();
      else expect(t.value.powerSource, where).toBe('miner');
      expect(
        t.value.errors.filter((e) => e.startsWith('Could not read')),
        where,
      ).toEqual([]);
    }
  }, 60_000);

  it('sets pools on one miner of every family and API generation, and reboots them', async () => {
    const targets = sim.hosts.filter((h, i, all) => all.findIndex((o) => o.family === h.family && o.api === h.api) === i);
    const pools = [{ url: 'stratum+tcp://holding.example:3333', user: 'facility.hold', password: 'x' }];
    for (const host of targets) {
      const where = `${host.ip} ${host.family} ${host.api}`;
      const set = await DRIVERS[host.family].setPools(host.ip, pools, {});
      expect(set, `${where}: ${set.ok ? '' : set.message}`).toEqual({ ok: true, value: undefined });
      expect(poolsOf(sim.miner(host.ip))[0], where).toMatchObject({ url: pools[0].url, user: 'facility.hold' });
    }
    for (const host of targets) {
      const before = sim.miner(host.ip).bootedAtMs;
      const res = await DRIVERS[host.family].reboot(host.ip, {});
      expect(res, `${host.ip} ${host.family}: ${res.ok ? '' : res.message}`).toEqual({ ok: true, value: undefined });
      const m = sim.miner(host.ip);
      expect(m.online === false || m.bootedAtMs !== before, `${host.ip} ${host.family} rebooted`).toBe(true);
    }
  }, 60_000);

  it('turns every quirk into a plain state within the budget; repaired JSON still identifies', async () => {
    const started = Date.now();
    const rows = await Promise.all(
      quirky.hosts.map(async (host) => ({ host, found: await identifyHost(host.ip, { budgetMs: 4_000, probeTimeoutMs: 1_500 }) })),
    );
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(new Set(rows.map((r) => r.host.quirk)).size).toBeGreaterThanOrEqual(6);
    for (const { host, found } of rows) {
      const where = `${host.ip} ${host.family} quirk=${host.quirk}: ${found.state} ${found.message}`;
      expect(['identified', 'unidentified', 'unreachable'], where).toContain(found.state);
      if (host.quirk === 'malformed-json') expect(found.identity?.family, where).toBe(host.family);
      if (host.quirk === 'offline') expect(found.state, where).toBe('unreachable');
      if (host.quirk === 'silent' || host.quirk === 'endless' || host.quirk === 'tls') expect(found.state, where).not.toBe('unreachable');
    }
  }, 60_000);
});
