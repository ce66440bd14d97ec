import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  alertRules,
  alerts,
  auditLog,
  minerClientAssignments,
  minerDaily,
  minerHourly,
  minerLatest,
  minerModels,
  miners,
  minerSamples,
} from '../../../db/schema';
import { startSimulator, type Simulator } from '../../../tools/sim/simulator';
import { actor, makeClient, makeManager } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { evaluateAlerts } from '../alerts/alerts.apply';
import { antminerDriver } from '../discovery/drivers/antminer';
import type { MinerDriver } from '../discovery/drivers/types';
import { createMiner } from '../miners/miners.service';
import { createSite } from '../sites/sites.service';
import { createTelemetry, type TelemetryService } from './telemetry.service';
import { telemetrySeries } from './telemetry.series';
import { updateTelemetrySettings } from './telemetry.settings';

// Four stock Antminers that answer, one that holds the connection and never replies (silent quirk),
// and an address where nothing listens. Only the Antminer driver is given, so a Whatsminer is "no driver yet".
let sim: Simulator;
let silent: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ count: 4, base: '127.65.0.0/24', families: ['antminer'], seed: 11, quirkRate: 0 });
  silent = await startSimulator({ count: 1, base: '127.65.1.0/24', families: ['antminer'], seed: 12, quirkRate: 1, quirks: ['silent'] });
});
afterAll(async () => {
  await sim.stop();
  await silent.stop();
});

let t: TempDb;
let clock: Date;
const errors: object[] = [];
const services: TelemetryService[] = [];
const poller = () => {
  const service = createTelemetry(t.db, { schedule: false, drivers: [antminerDriver], now: () => clock, log: { error: (details) => errors.push(details) } });
  services.push(service);
  return service;
};
const cycle = async (service: TelemetryService, at: string) => {
  clock = new Date(at);
  service.pollNow();
  const done = await service.settled();
  expect(done).not.toBeNull();
  return done!;
};

let fleet: { clientId: number; siteId: number; ids: { answering: number[]; silent: number; dead: number; whatsminer: number; unknown: number } };
beforeEach(() => {
  t = openTempDb();
  const client = makeClient(t.db, { name: 'Acme Hashing', contactEmail: 'ops@acme.com', managerId: makeManager(t.db).id });
  const site = createSite(t.db, contract['sites.create'].input.parse({ name: 'Midland TX', timeZone: 'America/Chicago' }), actor);
  const modelOf = (model: string) => t.db.select().from(minerModels).where(eq(minerModels.model, model)).get() ?? null;
  const add = (assetId: string, ip: string, model: string, family: string | null) =>
    createMiner(t.db, { assetId, make: 'Bitmain', model, modelId: modelOf(model)?.id ?? null, ip, family, siteId: site.id, clientId: client.id }, actor).id;
  const answering = sim.hosts.map((host, i) => add(`A-${i + 1}`, host.ip, host.model, i === 0 ? null : 'antminer'));
  fleet = {
    clientId: client.id,
    siteId: site.id,
    ids: {
      answering,
      silent: add('S-1', silent.hosts[0].ip, silent.hosts[0].model, 'antminer'),
      dead: add('D-1', '127.65.2.9', 'Antminer S21', 'antminer'),
      whatsminer: add('W-1', '127.65.2.10', 'Whatsminer M50S', 'whatsminer'),
      unknown: add('U-1', '127.65.2.11', 'Antminer S21', null),
    },
  };
  // A retired miner and one without an address are never polled.
  const retired = add('R-1', '127.65.2.12', 'Antminer S21', 'antminer');
  t.db.update(miners).set({ state: 'retired' }).where(eq(miners.id, retired)).run();
  add('N-1', '', 'Antminer S21', 'antminer');
  // The silent miner costs each cycle one timeout: keep it at the shortest allowed.
  updateTelemetrySettings(t.db, { pollIntervalS: 60, concurrency: 64, timeoutMs: 1000, enabled: true }, actor);
  t.db.update(miners).set({ ip: null }).where(eq(miners.assetId, 'N-1')).run();
});
afterEach(() => {
  for (const service of services.splice(0)) service.shutdown();
  t.close();
  expect(errors).toEqual([]);
});

const sampleOf = (minerId: number, at: string) =>
  t.db
    .select()
    .from(minerSamples)
    .where(and(eq(minerSamples.minerId, minerId), eq(minerSamples.at, at)))
    .get();
const minerRow = (id: number) => t.db.select().from(miners).where(eq(miners.id, id)).get()!;
const latestOf = (id: number) => t.db.select().from(minerLatest).where(eq(minerLatest.minerId, id)).get();

describe('telemetry poller against the simulator', () => {
  it('stores the latest reading, the live status, samples and rollups; identifies and stores a missing family', async () => {
    const service = poller();
    const first = await cycle(service, '2026-03-10T15:00:00Z');
    expect(first).toMatchObject({ polled: 8, answered: 4, offline: 3, unsupported: 1, identified: 1 });
    expect(first.notes.find((n) => n.minerId === fleet.ids.whatsminer)?.message).toMatch(/no telemetry driver for the whatsminer family/);
    expect(minerRow(fleet.ids.answering[0]).family).toBe('antminer');
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, 'miner.family.identified')).all();
    expect(audit.map((row) => row.entityId)).toEqual([String(fleet.ids.answering[0])]);

    const second = await cycle(service, '2026-03-10T15:01:00Z');
    expect(second).toMatchObject({ polled: 8, answered: 4, offline: 3, unsupported: 1, identified: 0 });
    for (const [i, id] of fleet.ids.answering.entries()) {
      const host = sim.hosts[i];
      const latest = latestOf(id)!;
      const model = t.db.select().from(minerModels).where(eq(minerModels.model, host.model)).get()!;
      expect(latest.at).toBe('2026-03-10T15:01:00.000Z');
      // The simulator runs its miners at 94-104 % of nominal (±2 %) once booted.
      expect(latest.hashrateGhs!).toBeGreaterThan(host.nominalThs * 1000 * 0.85);
      expect(latest.hashrateGhs!).toBeLessThan(host.nominalThs * 1000 * 1.1);
      expect(latest).toMatchObject({ powerW: model.nominalPowerW, powerSource: 'nameplate' }); // stock Antminers report no power
      expect(latest.poolUser).toBe(host.worker);
      const row = minerRow(id);
      expect(['online', 'warning']).toContain(row.liveStatus);
      expect(row.lastSeenAt).toBe('2026-03-10T15:01:00.000Z');
      // Two polls in the 15:00 bucket, 60 s between them at the nameplate power.
      const sample = sampleOf(id, '2026-03-10T15:00:00.000Z')!;
      expect(sample).toMatchObject({ polls: 2, answered: 2, onlineS: 60, powerW: model.nominalPowerW, powerSource: 'nameplate' });
      expect(sample.energyWh).toBe(Math.floor((model.nominalPowerW * 60 + 1800) / 3600));
      const hourly = t.db.select().from(minerHourly).where(eq(minerHourly.minerId, id)).all();
      expect(hourly).toEqual([
        expect.objectContaining({ hour: '2026-03-10T15:00:00.000Z', onlineS: 60, energyWh: sample.energyWh, tempMaxC: sample.tempMaxC }),
      ]);
      // 15:00 UTC is 10:00 in Chicago (CDT, UTC−5) on the same day.
      const daily = t.db.select().from(minerDaily).where(eq(minerDaily.minerId, id)).all();
      expect(daily).toEqual([expect.objectContaining({ day: '2026-03-10', onlineS: 60, energyWh: sample.energyWh })]);
    }
    expect(second.warnings).toBe(fleet.ids.answering.filter((id) => minerRow(id).liveStatus === 'warning').length);
    // Not polled: the retired miner and the one without an address keep their status and have no reading.
    const retired = t.db.select().from(miners).where(eq(miners.assetId, 'R-1')).get()!;
    expect(latestOf(retired.id)).toBeUndefined();
    // The Whatsminer (no driver yet) is left as it was.
    expect(minerRow(fleet.ids.whatsminer).liveStatus).toBe('unknown');
    expect(latestOf(fleet.ids.whatsminer)).toBeUndefined();
  });

  it("judges 'warning' by the alert rules' thresholds, so the Miners table and the alerts agree", async () => {
    const setThreshold = (kind: 'hashrate_low' | 'temp_high', threshold: number) =>
      t.db.update(alertRules).set({ threshold }).where(eq(alertRules.kind, kind)).run();
    const service = poller();
    setThreshold('hashrate_low', 1);
    setThreshold('temp_high', 150);
    await cycle(service, '2026-03-10T15:00:00Z');
    expect(fleet.ids.answering.map((id) => minerRow(id).liveStatus)).toEqual(['online', 'online', 'online', 'online']);
    setThreshold('temp_high', 30); // every running miner is warmer than this
    const hot = await cycle(service, '2026-03-10T15:01:00Z');
    expect(hot.warnings).toBe(4);
    expect(fleet.ids.answering.map((id) => minerRow(id).liveStatus)).toEqual(['warning', 'warning', 'warning', 'warning']);
    evaluateAlerts(t.db, clock);
    const firing = t.db.select({ kind: alerts.kind, minerId: alerts.minerId }).from(alerts).all();
    expect(firing.filter((a) => a.kind === 'temp_high').map((a) => a.minerId)).toEqual(fleet.ids.answering);
    expect(firing.filter((a) => a.kind === 'hashrate_low')).toEqual([]);
  });

  it('marks a silent and a dead miner offline with 0 W without holding up the others', async () => {
    updateTelemetrySettings(t.db, { pollIntervalS: 60, concurrency: 2, timeoutMs: 1000, enabled: true }, actor);
    const service = poller();
    await cycle(service, '2026-03-10T15:00:00Z');
    const done = await cycle(service, '2026-03-10T15:01:00Z');
    // With two at once and the silent miner holding one slot for its whole timeout, every other miner is still read.
    expect(done).toMatchObject({ answered: 4, offline: 3 });
    for (const id of [fleet.ids.silent, fleet.ids.dead, fleet.ids.unknown]) {
      expect(minerRow(id)).toMatchObject({ liveStatus: 'offline', lastSeenAt: null });
      expect(latestOf(id)).toMatchObject({ powerW: 0, hashrateGhs: 0, at: '2026-03-10T15:01:00.000Z' });
      expect(sampleOf(id, '2026-03-10T15:00:00.000Z')).toMatchObject({ polls: 2, answered: 0, onlineS: 0, energyWh: 0, powerW: null });
    }
    // The wait is the host's remaining budget, so it may read a millisecond or two under the 1000 ms set.
    const silentNote = done.notes.find((n) => n.minerId === fleet.ids.silent)?.message ?? '';
    const waited = Number(/sent nothing within (\d+) ms/.exec(silentNote)?.[1]);
    expect(waited, silentNote).toBeGreaterThan(900);
    expect(waited, silentNote).toBeLessThanOrEqual(1000);
    for (const id of fleet.ids.answering) expect(['online', 'warning']).toContain(minerRow(id).liveStatus);
  });

  it('puts the daily rollup on the site’s local day across midnight UTC, and splits it at local midnight', async () => {
    const service = poller();
    const id = fleet.ids.answering[1];
    // 23:58 → 00:02 UTC is 18:58 → 19:02 in Chicago: one local day, two UTC days, two hours.
    for (const at of ['23:58', '23:59'].map((hm) => `2026-03-10T${hm}:00Z`)) await cycle(service, at);
    for (const at of ['00:00', '00:01', '00:02'].map((hm) => `2026-03-11T${hm}:00Z`)) await cycle(service, at);
    const daily = t.db.select().from(minerDaily).where(eq(minerDaily.minerId, id)).all();
    expect(daily.map((d) => [d.day, d.onlineS])).toEqual([['2026-03-10', 240]]);
    const hours = t.db.select().from(minerHourly).where(eq(minerHourly.minerId, id)).orderBy(minerHourly.hour).all();
    expect(hours.map((h) => [h.hour, h.onlineS])).toEqual([
      ['2026-03-10T23:00:00.000Z', 120],
      ['2026-03-11T00:00:00.000Z', 120],
    ]);
    // Local midnight is 05:00 UTC. After the gap the first poll accounts for one interval (04:58-04:59); then
    // 04:59-05:00 still belongs to the 10th and 05:00-05:01 to the 11th.
    for (const at of ['04:59', '05:00', '05:01'].map((hm) => `2026-03-11T${hm}:00Z`)) await cycle(service, at);
    const days = t.db.select().from(minerDaily).where(eq(minerDaily.minerId, id)).orderBy(minerDaily.day).all();
    expect(days.map((d) => [d.day, d.onlineS])).toEqual([
      ['2026-03-10', 240 + 120],
      ['2026-03-11', 60],
    ]);
    const energy = (rows: { energyWh: number }[]) => rows.reduce((sum, r) => sum + r.energyWh, 0);
    const samples = t.db.select().from(minerSamples).where(eq(minerSamples.minerId, id)).all();
    expect(energy(days)).toBe(energy(samples)); // every Wh of the samples lands on exactly one day
  });

  it('goes on after a restart in the middle of a bucket without counting anything twice', async () => {
    const first = poller();
    await cycle(first, '2026-03-10T15:00:00Z');
    await cycle(first, '2026-03-10T15:01:00Z');
    first.shutdown();
    const second = poller(); // a new process: nothing in memory
    await cycle(second, '2026-03-10T15:01:30Z');
    for (const id of fleet.ids.answering) {
      const sample = sampleOf(id, '2026-03-10T15:00:00.000Z')!;
      expect(sample).toMatchObject({ polls: 3, answered: 3, onlineS: 90 });
      expect(sample.energyWh).toBe(Math.floor((sample.powerW! * 90 + 1800) / 3600)); // steady nameplate power: exact
      const hourly = t.db.select().from(minerHourly).where(eq(minerHourly.minerId, id)).get()!;
      expect(hourly).toMatchObject({ onlineS: 90, energyWh: sample.energyWh });
    }
  });

  it('deletes samples older than 14 days and keeps the rollups', async () => {
    const id = fleet.ids.answering[1];
    const old = {
      minerId: id,
      polls: 1,
      answered: 1,
      onlineS: 60,
      energyWh: 58,
      hashrateGhs: 1,
      powerW: 3500,
      powerSource: 'nameplate' as const,
      tempMaxC: 60,
    };
    t.db
      .insert(minerSamples)
      .values({ ...old, at: '2026-02-24T14:55:00.000Z' })
      .run(); // 14 days and 5 minutes before
    t.db
      .insert(minerSamples)
      .values({ ...old, at: '2026-02-24T15:05:00.000Z' })
      .run(); // 13 days 23 h 55 min before
    t.db.insert(minerHourly).values({ minerId: id, hour: '2026-02-24T14:00:00.000Z', onlineS: 60, energyWh: 58 }).run();
    await cycle(poller(), '2026-03-10T15:00:00Z');
    const left = t.db.select({ at: minerSamples.at }).from(minerSamples).where(eq(minerSamples.minerId, id)).orderBy(minerSamples.at).all();
    expect(left.map((r) => r.at)).toEqual(['2026-02-24T15:05:00.000Z', '2026-03-10T15:00:00.000Z']);
    expect(t.db.select().from(minerHourly).where(eq(minerHourly.hour, '2026-02-24T14:00:00.000Z')).all()).toHaveLength(1);
  });

  it('answers chart series per miner, client and site at the resolution the range allows', async () => {
    const service = poller();
    for (const at of ['2026-03-10T15:00:00Z', '2026-03-10T15:01:00Z', '2026-03-10T15:06:00Z']) await cycle(service, at);
    const now = new Date('2026-03-10T16:00:00Z');
    const range = { from: '2026-03-10T14:00:00Z', to: '2026-03-10T16:00:00Z' };
    const parse = (raw: object) => contract['telemetry.series'].input.parse(raw);
    const one = telemetrySeries(t.db, parse({ minerId: fleet.ids.answering[1], metric: 'power', ...range }), now);
    expect(one).toMatchObject({ resolution: '5m', unit: 'W', miners: 1, powerSource: 'nameplate' });
    expect(one.points.map((p) => p.at)).toEqual(['2026-03-10T15:00:00.000Z', '2026-03-10T15:05:00.000Z']);
    const perMiner = fleet.ids.answering.map((id) =>
      telemetrySeries(t.db, parse({ minerId: id, metric: 'energy', ...range }), now).points.reduce((sum, p) => sum + (p.value ?? 0), 0),
    );
    // The fleet was assigned today (wall clock); put the assignments before the simulated readings.
    t.db.update(minerClientAssignments).set({ fromAt: '2026-01-01T00:00:00.000Z' }).run();
    const client = telemetrySeries(t.db, parse({ clientId: fleet.clientId, metric: 'energy', ...range }), now);
    expect(client.points.reduce((sum, p) => sum + (p.value ?? 0), 0)).toBe(perMiner.reduce((a, b) => a + b, 0)); // offline miners add 0 Wh
    // A miner handed to another client at 15:05 counts for the first client up to then and for the other after.
    const moved = fleet.ids.answering[1];
    const other = makeClient(t.db, { name: 'Beta Mining', contactEmail: 'ops@beta.com', managerId: makeManager(t.db, 'Second Manager').id });
    t.db.update(minerClientAssignments).set({ toAt: '2026-03-10T15:05:00.000Z' }).where(eq(minerClientAssignments.minerId, moved)).run();
    t.db.insert(minerClientAssignments).values({ minerId: moved, clientId: other.id, fromAt: '2026-03-10T15:05:00.000Z' }).run();
    t.db.update(miners).set({ clientId: other.id }).where(eq(miners.id, moved)).run();
    const movedPoints = telemetrySeries(t.db, parse({ minerId: moved, metric: 'energy', ...range }), now).points;
    const firstAfter = telemetrySeries(t.db, parse({ clientId: fleet.clientId, metric: 'energy', ...range }), now);
    const second = telemetrySeries(t.db, parse({ clientId: other.id, metric: 'energy', ...range }), now);
    expect(firstAfter.points.find((p) => p.at === '2026-03-10T15:00:00.000Z')!.value).toBe(
      client.points.find((p) => p.at === '2026-03-10T15:00:00.000Z')!.value,
    );
    expect(firstAfter.points.find((p) => p.at === '2026-03-10T15:05:00.000Z')!.value).toBe(
      client.points.find((p) => p.at === '2026-03-10T15:05:00.000Z')!.value! - movedPoints[1].value!,
    );
    expect(second.points).toEqual([{ at: '2026-03-10T15:05:00.000Z', value: movedPoints[1].value }]);
    const secondYear = telemetrySeries(t.db, parse({ clientId: other.id, metric: 'energy', from: '2025-03-10T00:00:00Z', to: '2026-03-10T16:00:00Z' }), now);
    // Hourly rollups have one 15:00 row per miner, which began before the move: it stays with the first client.
    expect(secondYear).toMatchObject({ resolution: '1d', miners: 0, points: [] });
    const firstYear = telemetrySeries(
      t.db,
      parse({ clientId: fleet.clientId, metric: 'energy', from: '2025-03-10T00:00:00Z', to: '2026-03-10T16:00:00Z' }),
      now,
    );
    const hourlyEnergy = t.db
      .select({ e: minerHourly.energyWh })
      .from(minerHourly)
      .all()
      .reduce((sum, r) => sum + r.e, 0);
    expect(firstYear.points).toEqual([{ at: '2026-03-10', value: hourlyEnergy }]);
    const temps = fleet.ids.answering.map((id) => telemetrySeries(t.db, parse({ minerId: id, metric: 'temperature', ...range }), now).points[0].value ?? 0);
    const siteTemp = telemetrySeries(t.db, parse({ siteId: fleet.siteId, metric: 'temperature', ...range }), now);
    expect(siteTemp.points[0].value).toBe(Math.max(...temps));
    const old = telemetrySeries(t.db, parse({ siteId: fleet.siteId, metric: 'hashrate', from: '2026-02-01T00:00:00Z', to: '2026-03-10T16:00:00Z' }), now);
    expect(old).toMatchObject({ resolution: '1h', unit: 'GH/s' });
    expect(old.points.map((p) => p.at)).toEqual(['2026-03-10T15:00:00.000Z']);
    const year = telemetrySeries(t.db, parse({ siteId: fleet.siteId, metric: 'hashrate', from: '2025-03-10T00:00:00Z', to: '2026-03-10T16:00:00Z' }), now);
    expect(year).toMatchObject({ resolution: '1d' });
    expect(year.points.map((p) => p.at)).toEqual(['2026-03-10']);
    expect(() => telemetrySeries(t.db, parse({ minerId: 99_999, metric: 'power', ...range }), now)).toThrow('Miner #99999 was not found.');
  });
});

describe('telemetry poller schedule', () => {
  afterEach(() => vi.useRealTimers());

  it('polls on its timer, skips and counts a start while a cycle still runs, and writes nothing after shutdown', async () => {
    // Fake timers and a driver that answers when the test says so: the 10 s interval passes without waiting or network.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-03-10T15:00:00Z'));
    const answers: (() => void)[] = [];
    const reading = { hashrateGhs: 200_000, nominalHashrateGhs: null, boards: [], tempMaxC: 60, fansRpm: [], pools: [], powerW: 3_500 };
    const heldUntilAnswered: MinerDriver = {
      ...antminerDriver,
      readTelemetry: (_host, opts) =>
        new Promise((resolve) => {
          opts?.signal?.addEventListener('abort', () => resolve({ ok: false, state: 'timeout', message: 'cut short' }), { once: true });
          answers.push(() => resolve({ ok: true, value: { ...reading, powerSource: 'miner', uptimeS: 3_600, errors: [] } }));
        }),
    };
    t.db.update(miners).set({ state: 'retired' }).run();
    t.db.update(miners).set({ state: 'assigned' }).where(eq(miners.id, fleet.ids.silent)).run();
    updateTelemetrySettings(t.db, { pollIntervalS: 10, concurrency: 4, timeoutMs: 20_000, enabled: true }, actor);
    clock = new Date('2026-03-10T15:00:00Z');
    const service = createTelemetry(t.db, {
      schedule: true,
      firstDelayMs: 1_000,
      drivers: [heldUntilAnswered],
      now: () => clock,
      log: { error: (details) => errors.push(details) },
    });
    services.push(service);

    await vi.advanceTimersByTimeAsync(999);
    expect(answers).toHaveLength(0);
    expect(service.status()).toMatchObject({ running: false, nextDueAt: '2026-03-10T15:00:01.000Z' });
    await vi.advanceTimersByTimeAsync(1);
    expect(answers).toHaveLength(1); // the first cycle, started by the timer
    expect(service.status()).toMatchObject({ running: true, nextDueAt: '2026-03-10T15:00:11.000Z' });

    await vi.advanceTimersByTimeAsync(10_000); // due again while the first still waits for its miner
    expect(answers).toHaveLength(1);
    expect(service.status()).toMatchObject({ scheduled: true, running: true, skippedLateStarts: 1, lastCycle: null, nextDueAt: '2026-03-10T15:00:21.000Z' });

    answers[0]();
    const first = await service.settled();
    expect(first).toMatchObject({ polled: 1, answered: 1 });
    expect(latestOf(fleet.ids.silent)).toMatchObject({ at: '2026-03-10T15:00:00.000Z', powerW: 3_500 });

    clock = new Date('2026-03-10T15:00:21Z');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(answers).toHaveLength(2); // the next cycle, on the timer again
    service.shutdown();
    expect(await service.settled()).toBe(first); // the cut-short cycle is not reported, and nothing of it is written
    expect(latestOf(fleet.ids.silent)).toMatchObject({ at: '2026-03-10T15:00:00.000Z' });
    expect(minerRow(fleet.ids.silent).lastSeenAt).toBe('2026-03-10T15:00:00.000Z');
    expect(service.status()).toMatchObject({ running: false, nextDueAt: null, skippedLateStarts: 1 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(answers).toHaveLength(2); // no timer left after shutdown
  });

  it('spreads a scheduled cycle over half the interval, while Poll now asks every miner at once; shutdown ends the wait', async () => {
    // Four answering miners and a 60 s interval: a scheduled cycle starts one every 7.5 s (30 s / 4).
    t.db.update(miners).set({ state: 'retired' }).run();
    for (const id of fleet.ids.answering) t.db.update(miners).set({ state: 'assigned', family: 'antminer' }).where(eq(miners.id, id)).run();
    updateTelemetrySettings(t.db, { pollIntervalS: 60, concurrency: 64, timeoutMs: 5_000, enabled: true }, actor);
    clock = new Date('2026-03-10T15:00:00Z');
    let asked = 0;
    const counting: MinerDriver = { ...antminerDriver, readTelemetry: (host, opts) => ((asked += 1), antminerDriver.readTelemetry(host, opts)) };
    const make = (schedule: boolean) => {
      const service = createTelemetry(t.db, {
        schedule,
        firstDelayMs: 0,
        drivers: [counting],
        now: () => clock,
        log: { error: (details) => errors.push(details) },
      });
      services.push(service);
      return service;
    };

    const now = make(false);
    now.pollNow();
    expect((await now.settled())?.answered).toBe(4);
    expect(asked).toBe(4);

    asked = 0;
    const scheduled = make(true);
    for (let i = 0; i < 50 && asked === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(asked).toBe(1); // the first at once, the next not before 7.5 s
    expect(scheduled.status().running).toBe(true);
    scheduled.shutdown();
    expect(await scheduled.settled()).toBeNull();
    expect(asked).toBe(1);
  }, 30_000);
});
