import { evaluateAlerts } from '../electron/services/alerts/alerts.apply';
import { withFilledDb } from './fixtures/bench-db';
import { minerCount } from './fixtures/fill-clients';
import { timeRuns } from './fixtures/time-runs';

/**
 * One alert evaluation over the bench's 100,000 miners (a quarter of them offline, as the filler picks
 * statuses): every answering miner gets a latest reading, one in 50 below 80 % of nominal and one in 40
 * at 90 °C; offline miners were last seen an hour ago. First: the evaluation that opens every alert;
 * steady: the following ones, a minute apart, updating the offline minutes of each.
 */
export async function alertsEvaluate(): Promise<Record<string, number>> {
  return withFilledDb((db) => {
    const sqlite = db.$client;
    const start = Date.parse('2026-11-20T12:00:00.000Z');
    sqlite.exec(`INSERT INTO miner_latest (miner_id, at, hashrate_ghs, temp_max_c)
      SELECT m.id, '2026-11-20T11:59:00.000Z', CASE WHEN m.id % 50 = 1 THEN mm.nominal_hashrate_ghs * 7 / 10 ELSE mm.nominal_hashrate_ghs END,
        CASE WHEN m.id % 40 = 3 THEN 90 ELSE 70 END
      FROM miners m JOIN miner_models mm ON mm.id = m.model_id WHERE m.live_status IN ('online', 'warning')`);
    sqlite.prepare(`UPDATE miners SET last_seen_at = ? WHERE live_status = 'offline'`).run(new Date(start - 3_600_000).toISOString());
    sqlite.exec('ANALYZE');
    sqlite.pragma('wal_checkpoint(PASSIVE)');
    const firstStart = performance.now();
    const first = evaluateAlerts(db, new Date(start));
    const firstMs = Math.round(performance.now() - firstStart);
    let minute = 0;
    const steady = timeRuns(() => evaluateAlerts(db, new Date(start + ++minute * 60_000)), 20);
    return { miners: minerCount, alertsFiring: first.active, firstMs, steadyMedianMs: steady.median, steadyP95Ms: steady.p95 };
  });
}
