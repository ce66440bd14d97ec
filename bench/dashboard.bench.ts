import type { Db } from '../db/open-db';
import { dashboardTopClients } from '../electron/contract/dashboard';
import { billingFigures } from '../electron/services/dashboard/dashboard.billing';
import { fleetDay, liveFleet, minersPerClient } from '../electron/services/dashboard/dashboard.fleet';
import { dashboardSummary } from '../electron/services/dashboard/dashboard.summary';
import { activeAlerts, contractsDueForNotice, openTasks } from '../electron/services/dashboard/dashboard.work';
import { seededRandom } from '../electron/services/demo/seed-random';
import { refreshFleetHours } from '../electron/services/telemetry/telemetry.rollups';
import { withFilledDb } from './fixtures/bench-db';
import { minerCount } from './fixtures/fill-clients';
import { fillContracts } from './fixtures/fill-contracts';
import { timeRuns } from './fixtures/time-runs';

/**
 * dashboard.summary over the bench's 100,000 miners at 5 sites, 5,000 clients and 20,000 tasks, with every
 * answering miner's latest reading, 24 hours of hourly rollups per miner (2.4 M rows) and the fleet rollup
 * built from them, 20,000 contracts, 2,000 alerts firing among 50,000 resolved, and a year of monthly
 * invoices for 5,000 contracts (60,000, some overdue). Target: the summary's data in 100 ms or less.
 */

const now = new Date('2026-03-10T12:20:00Z');
const HOUR_MS = 3_600_000;
const firstHourMs = Date.parse('2026-03-09T13:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function fillTelemetry(db: Db): void {
  const sqlite = db.$client;
  const random = seededRandom(3);
  sqlite.transaction(() => {
    const latest = sqlite.prepare(`INSERT INTO miner_latest (miner_id, at, hashrate_ghs, power_w, power_source) VALUES (?, ?, ?, ?, 'miner')`);
    const hourly = sqlite.prepare(`INSERT INTO miner_hourly (miner_id, hour, hashrate_ghs, power_w, online_s, energy_wh) VALUES (?, ?, ?, ?, ?, ?)`);
    for (let id = 1; id <= minerCount; id += 1) {
      const ghs = random.int(180_000, 210_000);
      latest.run(id, iso(now.getTime() - 30_000), ghs, 3_500);
      for (let h = 0; h < 24; h += 1) {
        const online = random.chance(0.97) ? 3_600 : 0;
        hourly.run(id, iso(firstHourMs + h * HOUR_MS), online ? ghs : null, online ? 3_500 : null, online, online ? 3_500 : 0);
      }
    }
  })();
}

function fillAlertsAndInvoices(db: Db): void {
  const sqlite = db.$client;
  const random = seededRandom(5);
  const at = iso(now.getTime() - 86_400_000);
  sqlite.transaction(() => {
    const alert = sqlite.prepare(
      `INSERT INTO alerts (kind, miner_id, message, threshold, opened_at, last_seen_at, resolved_at, acknowledged_at) VALUES (?, ?, 'bench', 10, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= 52_000; i += 1) {
      const firing = i <= 2_000;
      alert.run(random.pick(['miner_offline', 'hashrate_low', 'temp_high'] as const), i, at, at, firing ? null : at, random.chance(0.3) ? at : null);
    }
    const contracts = sqlite.prepare(`SELECT id, client_id AS clientId FROM contracts WHERE status <> 'draft' ORDER BY id LIMIT 5000`).all() as {
      id: number;
      clientId: number;
    }[];
    const invoice = sqlite.prepare(
      `INSERT INTO invoices (client_id, contract_id, period, period_from, period_to, time_zone, status, number, issue_date, due_date, net_days, currency,
         subtotal_minor, tax_minor, total_minor, amount_paid_minor, tax_exempt, bill_to_json, issued_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'UTC', ?, ?, ?, ?, 30, 'USD', ?, 0, ?, ?, 0, '{}', ?, ?, ?)`,
    );
    let serial = 0;
    for (let m = 0; m < 12; m += 1) {
      const month = new Date(Date.UTC(2025, 2 + m, 1));
      const next = new Date(Date.UTC(2025, 3 + m, 1));
      const period = month.toISOString().slice(0, 7);
      const issued = iso(next.getTime() + 86_400_000);
      for (const c of contracts) {
        const latest = m === 11;
        const status = latest ? random.pick(['issued', 'issued', 'paid', 'draft'] as const) : random.chance(0.95) ? 'paid' : 'issued';
        const total = random.int(10_000, 5_000_000);
        const number = status === 'draft' ? null : `INV-${(serial += 1)}`;
        invoice.run(
          c.clientId,
          c.id,
          period,
          iso(month.getTime()),
          iso(next.getTime()),
          status,
          number,
          number ? issued.slice(0, 10) : null,
          number ? iso(next.getTime() + 31 * 86_400_000).slice(0, 10) : null,
          total,
          total,
          status === 'paid' ? total : 0,
          number ? issued : null,
          issued,
          issued,
        );
      }
    }
  })();
}

function cpuMs<T>(run: () => T): { result: T; cpuMs: number } {
  const before = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(before);
  return { result, cpuMs: Math.round((used.user + used.system) / 100) / 10 };
}

/**
 * The same summary for a person whose role sees only the clients they manage (the manager of the most clients):
 * their figures come from the miners' own rows, not the fleet rollup. No target of its own; shown beside the other.
 */
function scopedSummary(db: Db): Record<string, number> {
  const { managerId, clients } = db.$client
    .prepare('SELECT manager_id AS managerId, COUNT(*) AS clients FROM clients GROUP BY manager_id ORDER BY clients DESC LIMIT 1')
    .get() as { managerId: number; clients: number };
  const scope = { managerId };
  const summary = dashboardSummary(db, now, scope);
  const timed = timeRuns(() => dashboardSummary(db, now, scope), 10);
  const part = (run: () => unknown) => timeRuns(run, 5).median;
  return {
    scopedClients: clients,
    scopedMiners: summary.fleet.miners,
    scopedSummaryMedianMs: timed.median,
    scopedSummaryP95Ms: timed.p95,
    scopedLiveFleetMs: part(() => liveFleet(db, scope)),
    scopedFleetDayMs: part(() => fleetDay(db, now, scope)),
    scopedMinersPerClientMs: part(() => minersPerClient(db, dashboardTopClients, scope)),
    scopedBillingMs: part(() => billingFigures(db, now, scope)),
    scopedNoticeMs: part(() => contractsDueForNotice(db, now, scope)),
  };
}

export async function dashboardSummaryData(): Promise<Record<string, number | string>> {
  return withFilledDb((db) => {
    fillContracts(db);
    fillTelemetry(db);
    fillAlertsAndInvoices(db);
    const rollupHour = cpuMs(() => db.transaction(() => refreshFleetHours(db, iso(firstHourMs + 23 * HOUR_MS), iso(firstHourMs + 24 * HOUR_MS))));
    refreshFleetHours(db, iso(firstHourMs), iso(firstHourMs + 24 * HOUR_MS));
    db.$client.exec('ANALYZE');
    const summary = dashboardSummary(db, now);
    const runs = 20;
    const timed = cpuMs(() => timeRuns(() => dashboardSummary(db, now), runs));
    // Each part's median wall time and CPU time per call, to see which one a slow summary comes from.
    const part = (run: () => unknown) => {
      const { result, cpuMs: used } = cpuMs(() => timeRuns(run, 10));
      return `${result.median} ms wall, ${Math.round((used / 15) * 10) / 10} ms CPU`;
    };
    return {
      miners: summary.fleet.miners,
      overdueInvoices: summary.billing.overdue.reduce((n, m) => n + m.count, 0),
      summaryMedianMs: timed.result.median,
      summaryP95Ms: timed.result.p95,
      summaryCpuMsPerCall: Math.round((timed.cpuMs / (runs + 5)) * 10) / 10,
      targetMs: 100,
      liveFleet: part(() => liveFleet(db)),
      fleetDay: part(() => fleetDay(db, now)),
      minersPerClient: part(() => minersPerClient(db, dashboardTopClients)),
      alerts: part(() => activeAlerts(db)),
      tasks: part(() => openTasks(db, now)),
      notice: part(() => contractsDueForNotice(db, now)),
      billing: part(() => billingFigures(db, now)),
      fleetRollupOneHourCpuMs: rollupHour.cpuMs,
      ...scopedSummary(db),
      note: 'wall ms are median/p95 of 20 runs after 5 warm-ups; CPU ms is the process CPU time per call (wall includes waiting for a core on a shared machine)',
    };
  });
}
