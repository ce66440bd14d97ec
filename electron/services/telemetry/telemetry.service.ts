import { setMaxListeners } from 'node:events';
import type { Db } from '../../../db/open-db';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import type { TelemetryCycle, TelemetrySettings, TelemetryStatus } from '../../contract/telemetry';
import type { DriverOptions, MinerDriver } from '../discovery/drivers/types';
import { minerDrivers } from '../discovery/scan/scan-drivers';
import { newPollerMemory, runCycle } from './telemetry.cycle';
import { driverMap } from './telemetry.poll';
import { deleteOldSamples } from './telemetry.rollups';
import type { OutletPower } from './telemetry.rules';
import { getTelemetrySettings, updateTelemetrySettings } from './telemetry.settings';

export type TelemetryDeps = {
  /** true: cycles start by themselves every poll interval (the desktop app, `serve --poll`); false: only pollNow. */
  schedule: boolean;
  /** The drivers by family; default the scanner's registry. A family without one is reported per miner. */
  drivers?: readonly MinerDriver[];
  driverOptions?: DriverOptions;
  /** The clock the samples are accounted by (tests fix it). */
  now?: () => Date;
  /** Delay of the first scheduled cycle after start. */
  firstDelayMs?: number;
  outletPower?: (minerId: number) => OutletPower | null;
  log: { error(details: object, message: string): void };
};

const RETENTION_EVERY_S = 3600;

/**
 * The telemetry poller: one cycle at a time over every miner with an address, on a timer of the poll
 * interval. A cycle that is still running when the next is due makes that start late: it is skipped and
 * counted. `shutdown()` is synchronous and writes nothing after it returns.
 */
export function createTelemetry(db: Db, deps: TelemetryDeps) {
  const drivers = driverMap(deps.drivers ?? minerDrivers);
  const now = deps.now ?? (() => new Date());
  const memory = newPollerMemory();
  let closed = false;
  let running: { controller: AbortController; done: Promise<void> } | null = null;
  let lastCycle: TelemetryCycle | null = null;
  let skippedLateStarts = 0;
  let timer: NodeJS.Timeout | null = null;
  let nextDueMs: number | null = null;
  let lastRetentionS: number | null = null;

  /** Scheduled cycles spread their polls over half the interval; Poll now goes as fast as it may. */
  function runOnce(paced: boolean): void {
    if (closed || running) return;
    const settings = getTelemetrySettings(db);
    const controller = new AbortController();
    // Every poll in flight listens for the cycle's end: hundreds of listeners are expected, not a leak.
    setMaxListeners(0, controller.signal);
    const cycleNow = now();
    const done = runCycle(db, {
      drivers,
      driverOptions: deps.driverOptions,
      intervalS: settings.pollIntervalS,
      concurrency: settings.concurrency,
      timeoutMs: settings.timeoutMs,
      now: cycleNow,
      signal: controller.signal,
      memory,
      outletPower: deps.outletPower,
      mayWrite: () => !closed,
      spreadMs: paced ? (settings.pollIntervalS * 1000) / 2 : 0,
    })
      .then((cycle) => {
        if (closed) return;
        lastCycle = cycle;
        const nowS = Math.floor(cycleNow.getTime() / 1000);
        if (lastRetentionS === null || nowS - lastRetentionS >= RETENTION_EVERY_S) {
          deleteOldSamples(db, nowS);
          lastRetentionS = nowS;
        }
      })
      .catch((error: unknown) => {
        if (!closed) deps.log.error({ err: error }, 'telemetry cycle failed');
      })
      .finally(() => {
        running = null;
      });
    running = { controller, done };
  }

  function tick(): void {
    timer = null;
    if (closed) return;
    if (running) skippedLateStarts += 1;
    else runOnce(true);
    const intervalMs = getTelemetrySettings(db).pollIntervalS * 1000;
    const due = (nextDueMs ?? Date.now()) + intervalMs;
    arm(due < Date.now() ? Date.now() + intervalMs : due);
  }

  function arm(dueMs: number): void {
    if (timer) clearTimeout(timer);
    timer = null;
    nextDueMs = null;
    if (closed || !deps.schedule || !getTelemetrySettings(db).enabled) return;
    nextDueMs = dueMs;
    timer = setTimeout(tick, Math.max(0, dueMs - Date.now()));
    timer.unref?.();
  }

  arm(Date.now() + (deps.firstDelayMs ?? 5_000));

  function status(): TelemetryStatus {
    const settings = getTelemetrySettings(db);
    return {
      enabled: settings.enabled,
      running: running !== null,
      scheduled: deps.schedule,
      lastCycle,
      skippedLateStarts,
      nextDueAt: nextDueMs === null ? null : new Date(nextDueMs).toISOString(),
    };
  }

  return {
    status,
    settings: (): TelemetrySettings => getTelemetrySettings(db),
    updateSettings(input: ParsedInputOf<Contract['telemetry.settings.update']>, actor: string): TelemetrySettings {
      const saved = updateTelemetrySettings(db, input, actor);
      arm(Date.now() + saved.pollIntervalS * 1000);
      return saved;
    },
    /** Starts a cycle now unless one runs (also when scheduled polling is off or not scheduled here). */
    pollNow(): TelemetryStatus {
      runOnce(false);
      return status();
    },
    /** Waits for the running cycle (tests, the bench). */
    settled: async (): Promise<TelemetryCycle | null> => {
      await running?.done;
      return lastCycle;
    },
    /** App shutdown, before the database closes: stops the timer and the running cycle; nothing is written after. */
    shutdown(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      nextDueMs = null;
      running?.controller.abort();
    },
  };
}

export type TelemetryService = ReturnType<typeof createTelemetry>;
