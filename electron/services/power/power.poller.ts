import { repeatAfterEach } from '../repeat-timer';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../db/open-db';
import { powerDevices } from '../../../db/schema';
import type { PowerTestResult } from '../../contract/power';
import { eachLimited } from '../telemetry/telemetry.poll';
import { deviceTarget, manualDeviceRefusal, requireDevice, type DeviceRow, type PowerDeps } from './power.devices';
import { pruneEnergyReadings, storePowerPoll } from './power.store';
import type { PowerReader, PowerReadResult } from './reader';

export type PowerPollerDeps = PowerDeps & {
  /** true: a cycle starts by itself every interval (the desktop app, `serve --poll`); false: only when asked. */
  schedule: boolean;
  reader: PowerReader;
  log: { error(details: object, message: string): void };
  intervalS?: number;
  /** Devices read at once. */
  concurrency?: number;
  /** One device's whole read may take this long; then it is unreachable and the others go on. */
  timeoutMs?: number;
  now?: () => Date;
  firstDelayMs?: number;
};

export const POWER_INTERVAL_S = 60;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Reads one device within its time limit and the cycle's signal. Never throws and never takes much longer
 * than the limit: a dead device becomes "unreachable" and delays no one.
 */
export async function readWithin(
  reader: PowerReader,
  deps: PowerDeps,
  db: Db,
  row: DeviceRow,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<PowerReadResult> {
  const own = new AbortController();
  const both = AbortSignal.any([signal, own.signal]);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<PowerReadResult>((resolve) => {
    timer = setTimeout(() => {
      own.abort();
      resolve({ ok: false, state: 'unreachable', message: `${row.host}:${row.port} did not answer within ${timeoutMs} ms.` });
    }, timeoutMs + 200);
  });
  try {
    const target = deviceTarget(db, deps, row);
    return await Promise.race([
      reader(target, { timeoutMs, connectTimeoutMs: Math.min(3_000, timeoutMs), deadline: Date.now() + timeoutMs, signal: both }).catch(
        (error: unknown): PowerReadResult => ({
          ok: false,
          state: 'error',
          message: `Reading ${row.host} failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
      ),
      late,
    ]);
  } catch (error) {
    // The device cannot be read as configured (a profile no longer shipped, a secret sealed by another key).
    return { ok: false, state: 'error', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    own.abort();
  }
}

/** A manual device is read by hand: asking to poll or test it is answered plainly instead of failing as unreachable. */
function polledDevice(row: DeviceRow): DeviceRow {
  if (row.kind === 'manual') throw manualDeviceRefusal(row.name);
  return row;
}

/**
 * The power poller: every enabled device each minute, a few at once, one transaction per device.
 * `shutdown()` is synchronous and nothing is written after it returns.
 */
export function createPowerPoller(db: Db, deps: PowerPollerDeps) {
  const intervalS = deps.intervalS ?? POWER_INTERVAL_S;
  const concurrency = deps.concurrency ?? 16;
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const now = deps.now ?? (() => new Date());
  const controller = new AbortController();
  let closed = false;
  let running: Promise<void> | null = null;
  let lastPruneMs = 0;

  async function pollRows(rows: DeviceRow[]): Promise<void> {
    await eachLimited(rows, concurrency, controller.signal, async (row) => {
      const result = await readWithin(deps.reader, deps, db, row, timeoutMs, controller.signal);
      if (closed) return;
      try {
        storePowerPoll(db, row.id, result, now(), intervalS);
      } catch (error) {
        deps.log.error({ err: error, deviceId: row.id }, 'storing a power poll failed');
      }
    });
    const nowMs = now().getTime();
    if (!closed && nowMs - lastPruneMs >= PRUNE_EVERY_MS) {
      pruneEnergyReadings(db, now());
      lastPruneMs = nowMs;
    }
  }

  /** One cycle over every enabled device; a cycle already running is joined rather than doubled. */
  function cycle(): Promise<void> {
    if (closed) return Promise.resolve();
    running ??= pollRows(
      db
        .select()
        .from(powerDevices)
        .where(and(eq(powerDevices.enabled, true), ne(powerDevices.kind, 'manual')))
        .all(),
    )
      .catch((error: unknown) => {
        if (!closed) deps.log.error({ err: error }, 'power poll cycle failed');
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const repeat = deps.schedule
    ? repeatAfterEach(deps.firstDelayMs ?? 5_000, intervalS * 1000, cycle, (error) => deps.log.error({ err: error }, 'power poll cycle failed'))
    : null;

  return {
    intervalS,
    /** Polls one device now (enabled or not: the person asked), or every enabled device; resolves once stored. */
    async pollNow(id?: number): Promise<void> {
      if (id === undefined) return cycle();
      await pollRows([polledDevice(requireDevice(db, id))]);
    },
    /** Reads a device (saved, or a draft of the form) once without storing anything: "Test connection". */
    async test(device: number | DeviceRow): Promise<PowerTestResult> {
      const row = polledDevice(typeof device === 'number' ? requireDevice(db, device) : device);
      const result = await readWithin(deps.reader, deps, db, row, timeoutMs, controller.signal);
      if (!result.ok) return result;
      const { reading } = result;
      return {
        ok: true,
        powerW: reading.powerW,
        energyWh: reading.energy?.wh ?? null,
        outlets: reading.outlets.map(({ index, name, state, powerW }) => ({ index, name, state, powerW })),
        extra: reading.extra,
        notes: reading.notes,
      };
    },
    /** Waits for the running cycle (tests). */
    settled: async () => {
      await running;
    },
    shutdown(): void {
      closed = true;
      repeat?.stop();
      controller.abort();
    },
  };
}

export type PowerPoller = ReturnType<typeof createPowerPoller>;
