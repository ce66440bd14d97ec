import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDb } from '../db/open-db';
import { minerModels } from '../db/schema';
import { antminerDriver } from '../electron/services/discovery/drivers/antminer';
import { createMiners, type NewMiner } from '../electron/services/miners/miners.service';
import { refreshRollups } from '../electron/services/telemetry/telemetry.rollups';
import { createTelemetry } from '../electron/services/telemetry/telemetry.service';
import { updateTelemetrySettings } from '../electron/services/telemetry/telemetry.settings';
import type { SimulatedHost } from '../tools/sim/simulator';
import type { TelemetryCycle } from '../electron/contract/telemetry';
import { startSimProcess } from './fixtures/sim-process';

/**
 * The simulated fleet runs in child processes (`tools/sim/main.ts`), so the poller's process is measured alone
 * and each simulator stays under the open-file limit: an Antminer listens on two ports (4028 and 80), so
 * 10,000 of them need 20,000 descriptors, more than one process may open here (hard limit 20,000).
 * Only Antminers: the scanner's driver registry (the poller's default) has no other family yet.
 */
const total = Number(process.env.TELEMETRY_BENCH_MINERS ?? 10_000);
const concurrency = Number(process.env.TELEMETRY_BENCH_CONCURRENCY ?? 128); // the app default
const perProcess = 5_000;

/** Telemetry cycles over `total` simulated Antminers, `concurrency` at once, 10 s each: one by Poll now (as fast as it may) and one scheduled (spread over half the 60 s interval). */
export async function telemetryPollCycle(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-'));
  const children: ChildProcess[] = [];
  const db = openDb(join(dir, 'bench.db'));
  try {
    const hosts: SimulatedHost[] = [];
    for (let i = 0; i * perProcess < total; i++) {
      const count = Math.min(perProcess, total - i * perProcess);
      const manifest = join(dir, `sim-${i}.json`);
      children.push(await startSimProcess({ count, base: `127.${70 + i}.0.0/16`, families: ['antminer'], manifest }));
      hosts.push(...(JSON.parse(readFileSync(manifest, 'utf8')) as { hosts: SimulatedHost[] }).hosts);
    }
    const modelIds = new Map(
      db
        .select()
        .from(minerModels)
        .where(eq(minerModels.make, 'Bitmain'))
        .all()
        .map((m) => [m.model, m.id]),
    );
    const rows: NewMiner[] = hosts.map((host, i) => ({
      assetId: `B-${i + 1}`,
      make: host.make,
      model: host.model,
      modelId: modelIds.get(host.model) ?? null,
      ip: host.ip,
      family: 'antminer',
    }));
    createMiners(db, rows, 'bench');
    updateTelemetrySettings(db, { pollIntervalS: 60, concurrency, timeoutMs: 10_000, enabled: true }, 'bench');
    const errors: object[] = [];
    const log = { error: (details: object) => errors.push(details) };
    // Poll now: every miner as fast as `concurrency` allows.
    const now = await measured(async () => {
      const telemetry = createTelemetry(db, { schedule: false, drivers: [antminerDriver], log });
      telemetry.pollNow();
      const cycle = await telemetry.settled();
      telemetry.shutdown();
      return cycle;
    });
    // A scheduled cycle, as the app runs every minute: the starts spread over half the interval.
    const scheduled = await measured(async () => {
      const telemetry = createTelemetry(db, { schedule: true, firstDelayMs: 0, drivers: [antminerDriver], log });
      while (!telemetry.status().running) await new Promise((resolve) => setTimeout(resolve, 10));
      const cycle = await telemetry.settled();
      telemetry.shutdown();
      return cycle;
    });
    if (errors.length) throw new Error(`The cycle failed: ${JSON.stringify(errors)}`);
    return {
      miners: hosts.length,
      concurrency,
      answered: now.cycle.answered,
      offline: now.cycle.offline,
      durationMs: now.wallMs,
      cpuMs: now.cpuMs,
      coresUsed: now.cores,
      scheduledAnswered: scheduled.cycle.answered,
      scheduledDurationMs: scheduled.wallMs,
      scheduledCpuMs: scheduled.cpuMs,
      scheduledCoresUsed: scheduled.cores,
    };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time and this process's CPU time of one cycle. */
async function measured(run: () => Promise<TelemetryCycle | null>): Promise<{ cycle: TelemetryCycle; wallMs: number; cpuMs: number; cores: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const cycle = await run();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (!cycle) throw new Error('The cycle did not finish.');
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { cycle, wallMs: Math.round(wallMs), cpuMs: Math.round(cpuMs), cores: Math.round((cpuMs / wallMs) * 100) / 100 };
}

/**
 * The rollup work at the end of a day: 10,000 miners with a full day of 5-minute samples (2.88 million rows),
 * then the hourly and site-day rows of one cycle's bucket recomputed, as every cycle does.
 */
export async function telemetryRollupsEndOfDay(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  try {
    const miners = 10_000;
    createMiners(
      db,
      Array.from({ length: miners }, (_, i) => ({ assetId: `R-${i + 1}`, make: 'Bitmain', model: 'Antminer S21', ip: `127.60.${i >> 8}.${i & 255}` })),
      'bench',
    );
    const dayStartS = Date.parse('2026-03-10T00:00:00Z') / 1000;
    const insert = db.$client.prepare(
      'INSERT INTO miner_samples (miner_id, at, polls, answered, hashrate_ghs, power_w, power_source, temp_max_c, online_s, energy_wh) VALUES (?, ?, 5, 5, 200000, 3500, ?, 70, 300, 292)',
    );
    db.$client.transaction(() => {
      for (let b = 0; b < 288; b++) {
        const at = new Date((dayStartS + b * 300) * 1000).toISOString();
        for (let id = 1; id <= miners; id++) insert.run(id, at, 'nameplate');
      }
    })();
    const lastBucketS = dayStartS + 287 * 300;
    const started = performance.now();
    db.transaction(() => refreshRollups(db, [lastBucketS], ['UTC'], 'UTC'));
    const ms = performance.now() - started;
    const day = db.$client.prepare('SELECT COUNT(*) AS n, SUM(online_s) AS s FROM miner_daily').get() as { n: number; s: number };
    if (day.n !== miners || day.s !== miners * 86_400) throw new Error(`The daily rollup is wrong: ${JSON.stringify(day)}`);
    return { miners, samples: miners * 288, rollupMs: Math.round(ms) };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
