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
 * Client and site mean the miners assigned to them now.
 */
export function telemetrySeries(db: DbOrTx, input: ParsedInputOf<Contract['telemetry.series']>, now = new Date()): TelemetrySeries {
  const scope = requireScope(db, input);
  const fromS = Math.floor(Date.parse(input.from) / 1000);
  const toS = Math.ceil(Date.parse(input.to) / 1000);
  const resolution = pickResolution(fromS, toS, Math.floor(now.getTime() / 1000));
  const { table, key } = tables[resolution];
  const metric: TelemetryMetric = input.metric;
  const column = sql.raw(columns[metric]);
  const combine = metric === 'temperature' ? sql`MAX(${column})` : sql`SUM(${column})`;
  let lower: string;
  let upper: string;
  if (resolution === '1d') {
    const zone = readSettingsRow(db).timeZone;
    lower = DateTime.fromSeconds(fromS, { zone }).toISODate()!;
    upper = DateTime.fromSeconds(toS, { zone }).toISODate()!;
  } else {
    lower = new Date(fromS * 1000).toISOString();
    upper = new Date(toS * 1000).toISOString();
  }
  const keyCol = sql.raw(key);
  const tableSql = sql.raw(table);
  const upperOp = resolution === '1d' ? sql.raw('<=') : sql.raw('<');
  const where = sql`miner_id IN (${scope.minerIds}) AND ${keyCol} >= ${lower} AND ${keyCol} ${upperOp} ${upper}`;
  const points = db.all<{ at: string; value: number | null }>(
    sql`SELECT ${keyCol} AS at, ${combine} AS value FROM ${tableSql} WHERE ${where} GROUP BY ${keyCol} ORDER BY ${keyCol}`,
  );
  const minersRow = db.get<{ n: number }>(sql`SELECT COUNT(DISTINCT miner_id) AS n FROM ${tableSql} WHERE ${where} AND ${column} IS NOT NULL`);
  let powerSource: PowerSource | 'mixed' | null = null;
  if (resolution === '5m' && (metric === 'power' || metric === 'energy')) {
    const sources = db.all<{ s: PowerSource }>(sql`SELECT DISTINCT power_source AS s FROM miner_samples WHERE ${where} AND power_source IS NOT NULL`);
    powerSource = sources.length === 1 ? sources[0].s : sources.length > 1 ? 'mixed' : null;
  }
  return { metric, resolution, unit: units[metric], miners: minersRow?.n ?? 0, points, powerSource };
}
