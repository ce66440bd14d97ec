import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/open-db';
import { sql } from 'drizzle-orm';
import type { Contract } from '../../contract';
import type { ParsedInputOf } from '../../contract/define';
import type { PowerSource } from '../../contract/miners';
import type { TelemetryMetric, TelemetryResolution, TelemetrySeries } from '../../contract/telemetry';
import { SAMPLE_RETENTION_S } from './telemetry.buckets';
import { readSettingsRow } from '../settings/settings.service';
import { requireScope } from './telemetry.scope';

/** Hourly points up to this range; longer ranges get one point per day. */
const HOURLY_MAX_S = 92 * 86_400;

const units = { hashrate: 'GH/s', temperature: '°C', power: 'W', energy: 'Wh' } as const;
const columns = { hashrate: 'hashrate_ghs', temperature: 'temp_max_c', power: 'power_w', energy: 'energy_wh' } as const;

/** 5-minute samples when the whole range is within their 14 days, else hourly rollups, else daily ones for long ranges. */
export function pickResolution(fromS: number, toS: number, nowS: number): TelemetryResolution {
  if (fromS >= nowS - SAMPLE_RETENTION_S) return '5m';
  return toS - fromS <= HOURLY_MAX_S ? '1h' : '1d';
}

const tables = {
  '5m': { table: 'miner_samples', key: 'at' },
  '1h': { table: 'miner_hourly', key: 'hour' },
  '1d': { table: 'miner_daily', key: 'day' },
} as const;

/**
 * A metric over time for one miner, or summed over a client's or a site's miners (hottest for temperature).
 * A site means the miners standing there now; a client means the miners it held at each point (assignment history).
 */
export function telemetrySeries(db: DbOrTx, input: ParsedInputOf<Contract['telemetry.series']>, now = new Date()): TelemetrySeries {
  const scope = requireScope(db, input);
  const fromS = Math.floor(Date.parse(input.from) / 1000);
  const toS = Math.ceil(Date.parse(input.to) / 1000);
  const resolution = pickResolution(fromS, toS, Math.floor(now.getTime() / 1000));
  const metric: TelemetryMetric = input.metric;
  const column = sql.raw(columns[metric]);
  const combine = metric === 'temperature' ? sql`MAX(${column})` : sql`SUM(${column})`;
  // Daily rollups know miners, not who held them: a client's days are built from its hours instead.
  const fromHours = resolution === '1d' && scope.heldAt !== undefined;
  const { table, key } = tables[fromHours ? '1h' : resolution];
  const zone = readSettingsRow(db).timeZone;
  let lower: string;
  let upper: string;
  if (resolution === '1d' && !fromHours) {
    lower = DateTime.fromSeconds(fromS, { zone }).toISODate()!;
    upper = DateTime.fromSeconds(toS, { zone }).toISODate()!;
  } else {
    lower = new Date(fromS * 1000).toISOString();
    upper = new Date(toS * 1000).toISOString();
  }
  const keyCol = sql.raw(`t.${key}`);
  const tableSql = sql.raw(`${table} t`);
  const upperOp = resolution === '1d' && !fromHours ? sql.raw('<=') : sql.raw('<');
  const held = scope.heldAt ? sql` AND ${scope.heldAt(keyCol)}` : sql``;
  const where = sql`t.miner_id IN (${scope.minerIds}) AND ${keyCol} >= ${lower} AND ${keyCol} ${upperOp} ${upper}${held}`;
  const rows = db.all<{ at: string; value: number | null }>(
    sql`SELECT ${keyCol} AS at, ${combine} AS value FROM ${tableSql} WHERE ${where} GROUP BY ${keyCol} ORDER BY ${keyCol}`,
  );
  const points = fromHours ? hoursToLocalDays(rows, metric, zone) : rows;
  const minersRow = db.get<{ n: number }>(sql`SELECT COUNT(DISTINCT t.miner_id) AS n FROM ${tableSql} WHERE ${where} AND ${column} IS NOT NULL`);
  let powerSource: PowerSource | 'mixed' | null = null;
  if (resolution === '5m' && (metric === 'power' || metric === 'energy')) {
    const sources = db.all<{ s: PowerSource }>(sql`SELECT DISTINCT power_source AS s FROM miner_samples t WHERE ${where} AND power_source IS NOT NULL`);
    powerSource = sources.length === 1 ? sources[0].s : sources.length > 1 ? 'mixed' : null;
  }
  return { metric, resolution, unit: units[metric], miners: minersRow?.n ?? 0, points, powerSource };
}

/**
 * Folds hourly totals into the calendar days of `zone`: energy adds up, temperature keeps the hottest hour,
 * hashrate and power average the hours that have a value (rounded half up to a whole unit).
 */
function hoursToLocalDays(hours: { at: string; value: number | null }[], metric: TelemetryMetric, zone: string): { at: string; value: number | null }[] {
  const days = new Map<string, { sum: number; max: number | null; n: number }>();
  for (const hour of hours) {
    const day = DateTime.fromISO(hour.at, { zone }).toISODate()!;
    const entry = days.get(day) ?? { sum: 0, max: null, n: 0 };
    if (hour.value !== null) {
      entry.sum += hour.value;
      entry.max = entry.max === null ? hour.value : Math.max(entry.max, hour.value);
      entry.n += 1;
    }
    days.set(day, entry);
  }
  return [...days].map(([at, d]) => ({
    at,
    value: d.n === 0 ? null : metric === 'energy' ? d.sum : metric === 'temperature' ? d.max : Math.round(d.sum / d.n),
  }));
}
