import type { Db } from '../../../db/open-db';
import { BUCKET_S, isoAt } from '../telemetry/telemetry.buckets';
import { hourOf, refreshFleetHours, refreshRollups } from '../telemetry/telemetry.rollups';
import { readSettingsRow } from '../settings/settings.service';
import type { DemoContext } from './demo.context';
import type { MinerStory } from './demo.fleet-story';

/** How far back the chart data goes, and how densely (see energyOver). */
const SAMPLE_DAY_EVERY_S = 3_600;
const SAMPLE_WEEK_EVERY_S = 6 * 3_600;
const HOURLY_DAYS = 30;
const FRESH_OUTLET_S = 180;

/** Whether the miner answered at the point's time, and whether that is after its `since` (SQL over demo_phases p and times b). */
const answered = `(p.answers_after OR b.s < p.since_s)`;
const after = `b.s >= p.since_s`;

/** A miner's figures while healthy (`ok`) and from `since` on (`bad`): a warning's reading, or silence when offline. */
type Phases = {
  okGhs: number;
  okTemp: number;
  okWatts: number;
  badGhs: number | null;
  badTemp: number | null;
  badWatts: number;
  sinceS: number;
  answersAfter: boolean;
};

function phasesOf(miner: MinerStory, watts: number): Phases {
  const healthyTemp = 60 + (miner.id % 17);
  if (miner.status === 'online') {
    return {
      okGhs: miner.hashrateGhs,
      okTemp: miner.tempC ?? healthyTemp,
      okWatts: watts,
      badGhs: miner.hashrateGhs,
      badTemp: miner.tempC,
      badWatts: watts,
      sinceS: 0,
      answersAfter: true,
    };
  }
  const okWatts = miner.status === 'offline' ? miner.nominalW : Math.round(watts / (miner.warning === 'low' ? 0.7 : 1));
  const common = { okGhs: miner.nominalGhs, okTemp: healthyTemp, okWatts, sinceS: miner.sinceS };
  if (miner.status === 'offline') return { ...common, badGhs: null, badTemp: null, badWatts: 0, answersAfter: false };
  return { ...common, badGhs: miner.hashrateGhs, badTemp: miner.tempC, badWatts: watts, answersAfter: true };
}

/** Outlet power of miners whose outlet was read within the last polls: the poller uses it over the nameplate. */
function freshOutletWatts(db: Db, nowS: number): Map<number, number> {
  const rows = db.$client
    .prepare(
      `SELECT a.miner_id AS minerId, o.power_w AS powerW FROM outlet_assignments a JOIN power_outlets o ON o.id = a.outlet_id
       WHERE a.to_at IS NULL AND o.power_w IS NOT NULL AND o.read_at >= ?`,
    )
    .all(new Date((nowS - FRESH_OUTLET_S) * 1000).toISOString()) as { minerId: number; powerW: number }[];
  return new Map(rows.map((r) => [r.minerId, r.powerW]));
}

/** A wobble in [-spread, spread] for a miner at an instant (SQL): a multiplicative hash, so every run writes the same charts without a visible rhythm. */
const wobble = (spread: number) => `(((p.miner_id * 7919 + b.s / 300) * 2654435761 % 4294967291) % ${2 * spread + 1} - ${spread})`;

/**
 * The charts read sparse points here (a day hourly, a week six-hourly, a month daily: the full 5-minute
 * history of thousands of miners would take the seed minutes). Each point carries the energy of the
 * whole stretch it stands for, so the energy a chart sums over a range is what the fleet drew.
 */
const energyOver = (span: string) => `CASE WHEN NOT ${answered} THEN 0 WHEN ${after} THEN p.bad_watts ELSE p.ok_watts END * ${span} / 3600`;

/**
 * The poller's view of the fleet: each polled miner's latest reading and live status (online near nominal,
 * warnings hot or short of a hashboard, offline since it stopped answering), the pool its worker mines on,
 * five-minute samples across the last day and week, and hourly rollups across the last month, from the
 * miner's figures before and after its `since`. Written with a few set-wide statements.
 */
export function seedDemoTelemetry(ctx: DemoContext): { telemetrySamples: number; telemetryHours: number } {
  const { db, fleet } = ctx;
  const sqlite = db.$client;
  const nowS = Math.floor(ctx.clock.realNow.getTime() / 1000);
  const polledAt = new Date((nowS - 25) * 1000).toISOString();
  const outletWatts = freshOutletWatts(db, nowS);
  sqlite.exec(`CREATE TEMP TABLE demo_phases (miner_id INTEGER PRIMARY KEY, ok_ghs INTEGER, ok_temp INTEGER, ok_watts INTEGER, bad_ghs INTEGER,
    bad_temp INTEGER, bad_watts INTEGER, since_s INTEGER, answers_after INTEGER, source TEXT)`);
  try {
    const phase = sqlite.prepare('INSERT INTO demo_phases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const latest =
      sqlite.prepare(`INSERT INTO miner_latest (miner_id, at, hashrate_ghs, temp_max_c, fans_rpm, pool_url, pool_user, power_w, power_source, uptime_s)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const seen = sqlite.prepare('UPDATE miners SET live_status = ?, last_seen_at = ? WHERE id = ?');
    for (const miner of fleet) {
      const outlet = miner.powerSource === 'nameplate' ? outletWatts.get(miner.id) : undefined;
      const source = outlet === undefined ? miner.powerSource : 'pdu';
      const watts = outlet ?? miner.powerW;
      const p = phasesOf(miner, watts);
      phase.run(miner.id, p.okGhs, p.okTemp, p.okWatts, p.badGhs, p.badTemp, p.badWatts, p.sinceS, p.answersAfter ? 1 : 0, source);
      if (miner.status === 'offline') {
        latest.run(miner.id, polledAt, 0, null, null, null, null, 0, null, null);
        seen.run('offline', new Date(miner.sinceS * 1000).toISOString(), miner.id);
        continue;
      }
      const fans = JSON.stringify(Array.from({ length: miner.nominalW < 100 ? 1 : 4 }, (_, i) => 5_400 + ((miner.id * 13 + i * 7) % 12) * 100));
      const pool = miner.workerName ? 'stratum+tcp://stratum.braiins.example:3333' : null;
      latest.run(miner.id, polledAt, miner.hashrateGhs, miner.tempC, fans, pool, miner.workerName, watts, source, nowS - miner.sinceS);
      seen.run(miner.status, polledAt, miner.id);
    }
    const lastSampleS = Math.floor((nowS - 60) / BUCKET_S) * BUCKET_S;
    const sampleTimes = `WITH RECURSIVE b(s) AS (SELECT CAST(@last AS INTEGER) UNION ALL SELECT s - CASE WHEN s > @dayAgo THEN ${SAMPLE_DAY_EVERY_S} ELSE ${SAMPLE_WEEK_EVERY_S} END FROM b WHERE s > @weekAgo)`;
    const samples = sqlite
      .prepare(
        `${sampleTimes}
        INSERT INTO miner_samples (miner_id, at, polls, answered, hashrate_ghs, power_w, power_source, temp_max_c, online_s, energy_wh)
        SELECT p.miner_id, strftime('%Y-%m-%dT%H:%M:%fZ', b.s, 'unixepoch'), 5, CASE WHEN ${answered} THEN 5 ELSE 0 END,
          CASE WHEN NOT ${answered} THEN NULL WHEN ${after} THEN p.bad_ghs ELSE p.ok_ghs END * (1000 + ${wobble(12)}) / 1000,
          CASE WHEN NOT ${answered} THEN NULL WHEN ${after} THEN p.bad_watts ELSE p.ok_watts END * (1000 + ${wobble(6)}) / 1000,
          CASE WHEN ${answered} THEN p.source END,
          CASE WHEN NOT ${answered} THEN NULL WHEN ${after} THEN p.bad_temp ELSE p.ok_temp END + ${wobble(2)},
          CASE WHEN ${answered} THEN ${BUCKET_S} ELSE 0 END,
          ${energyOver(`CASE WHEN b.s > @dayAgo THEN ${SAMPLE_DAY_EVERY_S} ELSE ${SAMPLE_WEEK_EVERY_S} END`)}
        FROM demo_phases p CROSS JOIN b ORDER BY p.miner_id, b.s`,
      )
      .run({ last: lastSampleS, dayAgo: nowS - 86_400, weekAgo: nowS - 7 * 86_400 }).changes;
    // The last day's samples rolled up hour by hour as the poller does (the dashboard's 24-hour chart reads them),
    // and one hour a day (the site's afternoon) before that across the month: what the 30-day charts read. The
    // newest of those carries the energy up to the first rolled-up hour only, so a month's energy still reads true.
    const lastDay = Array.from({ length: 24 }, (_, k) => lastSampleS - k * SAMPLE_DAY_EVERY_S);
    const firstHourS = hourOf(lastDay[lastDay.length - 1]);
    const hours = sqlite
      .prepare(
        `WITH RECURSIVE b(s) AS (SELECT CAST(@first AS INTEGER) UNION ALL SELECT s - 86400 FROM b WHERE s > @oldest)
        INSERT INTO miner_hourly (miner_id, hour, hashrate_ghs, power_w, temp_max_c, online_s, energy_wh)
        SELECT p.miner_id, strftime('%Y-%m-%dT%H:%M:%fZ', b.s, 'unixepoch'),
          CASE WHEN NOT ${answered} THEN NULL WHEN ${after} THEN p.bad_ghs ELSE p.ok_ghs END * (1000 + ${wobble(12)}) / 1000,
          CASE WHEN NOT ${answered} THEN NULL WHEN ${after} THEN p.bad_watts ELSE p.ok_watts END * (1000 + ${wobble(6)}) / 1000,
          CASE WHEN NOT ${answered} THEN NULL WHEN ${after} THEN p.bad_temp ELSE p.ok_temp END + ${wobble(2)},
          CASE WHEN ${answered} THEN 3600 ELSE 0 END,
          ${energyOver('MIN(86400, @firstHour - b.s)')}
        FROM demo_phases p CROSS JOIN b ORDER BY p.miner_id, b.s`,
      )
      .run({
        first: Math.floor((firstHourS - 1 - 20 * 3_600) / 86_400) * 86_400 + 20 * 3_600,
        firstHour: firstHourS,
        oldest: nowS - HOURLY_DAYS * 86_400,
      }).changes;
    refreshRollups(db, lastDay, [], readSettingsRow(db).timeZone); // hours only: the demo keeps no daily rollups
    refreshFleetHours(db, isoAt(nowS - (HOURLY_DAYS + 1) * 86_400), isoAt(firstHourS));
    return { telemetrySamples: samples, telemetryHours: hours };
  } finally {
    sqlite.exec('DROP TABLE demo_phases');
  }
}
