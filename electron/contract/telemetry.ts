import { z } from 'zod';
import { call } from './define';
import { idSchema } from './fields';
import type { PowerSource } from './miners';

/** How the telemetry poller runs. */
export type TelemetrySettings = {
  pollIntervalS: number;
  concurrency: number;
  timeoutMs: number;
  enabled: boolean;
  /** null until the first save (the defaults apply). */
  updatedAt: string | null;
};

// 128 at once polls 10,000 miners within one 60 s interval on a two-core office machine (bench/telemetry-poll).
export const telemetryDefaults = { pollIntervalS: 60, concurrency: 128, timeoutMs: 10_000, enabled: true } as const;

/** One miner the last cycle could not read, in plain words. */
export type TelemetryNote = { minerId: number; assetId: string; ip: string; message: string };

export type TelemetryCycle = {
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  /** Miners asked (or skipped for want of a driver). */
  polled: number;
  answered: number;
  offline: number;
  warnings: number;
  /** Miners whose family has no driver yet, or that could not be identified: not counted offline. */
  unsupported: number;
  /** Families identified and stored during this cycle. */
  identified: number;
  /** The first notes of the cycle (at most 50). */
  notes: TelemetryNote[];
};

export type TelemetryStatus = {
  enabled: boolean;
  /** true while a cycle runs. */
  running: boolean;
  /** true when the poller schedules cycles by itself (the desktop app; `serve --poll`). */
  scheduled: boolean;
  lastCycle: TelemetryCycle | null;
  /** Cycles not started because the previous one still ran, since the app started. */
  skippedLateStarts: number;
  nextDueAt: string | null;
};

export const telemetryMetrics = ['hashrate', 'temperature', 'power', 'energy'] as const;
export type TelemetryMetric = (typeof telemetryMetrics)[number];
export const telemetryResolutions = ['5m', '1h', '1d'] as const;
export type TelemetryResolution = (typeof telemetryResolutions)[number];

/**
 * A chart series. Values are integers in the metric's unit: GH/s, °C, W (average), Wh (per point).
 * `at` is the point's start: a UTC instant for 5m/1h, the site's calendar day (YYYY-MM-DD) for 1d.
 */
export type TelemetrySeries = {
  metric: TelemetryMetric;
  resolution: TelemetryResolution;
  unit: 'GH/s' | '°C' | 'W' | 'Wh';
  /** Miners that contributed at least one point. */
  miners: number;
  points: { at: string; value: number | null }[];
  /** Where the power figures came from, when the metric is power or energy and one source was used throughout; 'mixed' otherwise. */
  powerSource: PowerSource | 'mixed' | null;
};

const isoInstant = z.iso.datetime({ offset: true, error: 'must be a date and time, like 2026-05-01T00:00:00Z' });

export const telemetrySettingsInput = z
  .object({
    pollIntervalS: z
      .number({ error: 'must be a number of seconds' })
      .int('must be a whole number of seconds')
      .min(10, 'must be at least 10 seconds')
      .max(3600, 'must be at most 3600 seconds (one hour)'),
    concurrency: z
      .number({ error: 'must be a number of miners' })
      .int('must be a whole number of miners')
      .min(1, 'must be at least 1 miner at once')
      .max(512, 'must be at most 512 miners at once'),
    timeoutMs: z
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(1000, 'must be at least 1000 ms (one second)')
      .max(60_000, 'must be at most 60000 ms (one minute)'),
    enabled: z.boolean({ error: 'must be on or off' }),
  })
  .strict();

const scopeShape = {
  minerId: idSchema.optional(),
  clientId: idSchema.optional(),
  siteId: idSchema.optional(),
};

export const telemetryCalls = {
  'telemetry.settings.get': call<TelemetrySettings>()(z.object({}).strict()),
  'telemetry.settings.update': call<TelemetrySettings>()(telemetrySettingsInput),
  'telemetry.status': call<TelemetryStatus>()(z.object({}).strict()),
  /** Starts a cycle now unless one runs; returns the status (running: true while it does). */
  'telemetry.pollNow': call<TelemetryStatus>()(z.object({}).strict()),
  /** 5-minute points when the whole range lies within the 14 days samples are kept, else hourly up to 92 days, else daily. */
  'telemetry.series': call<TelemetrySeries>()(
    z
      .object({
        ...scopeShape,
        metric: z.enum(telemetryMetrics, { error: 'must be hashrate, temperature, power or energy' }),
        from: isoInstant,
        to: isoInstant,
      })
      .strict()
      .refine((v) => [v.minerId, v.clientId, v.siteId].filter((id) => id !== undefined).length === 1, {
        message: 'Choose exactly one of a miner, a client or a site.',
        path: ['scope'],
      })
      .refine((v) => Date.parse(v.from) < Date.parse(v.to), { message: 'must be after the start', path: ['to'] })
      .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 3 * 366 * 86_400_000, { message: 'must be at most three years after the start', path: ['to'] }),
  ),
};
