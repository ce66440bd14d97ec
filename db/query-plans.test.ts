import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { averageHashratesSql, offlineHoursSql } from '../electron/services/billing/billing.gather-miners';
import { DAYS_SQL, SUM_SQL } from '../electron/services/billing/billing.gather-energy';
import { idsParam } from '../electron/services/billing/billing.statements';
import { owingGroupsSql } from '../electron/services/dashboard/dashboard.billing';
import { CLIENT_HOURS } from '../electron/services/dashboard/dashboard.fleet';
import { CLIENT_HOURS_SQL } from '../electron/services/telemetry/telemetry.rollups';
import { invoiceOpenStatuses } from '../electron/contract/invoices.vocab';
import { applyMigrations } from './migrate';
import { findMigrationsFolder } from './open-db';

/** How SQLite means to run a query of the app on the migrated schema, one step a line. */
function planOf(text: string, ...params: unknown[]): string {
  const sqlite = new Database(':memory:');
  applyMigrations(sqlite, findMigrationsFolder());
  const steps = sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[];
  sqlite.close();
  return steps.map((step) => step.detail).join('\n');
}

describe('the indexes the billing reads rely on', () => {
  it("hashrate billing reads each miner's hours of the period from miner_hourly_hashrate_idx alone, never the table", () => {
    const plan = planOf(averageHashratesSql, idsParam([1, 2, 3]), '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z');
    expect(plan).toContain('SEARCH miner_hourly USING COVERING INDEX miner_hourly_hashrate_idx (miner_id=? AND hour>? AND hour<?)');
  });

  it("every billing reads only the miners' offline hours of the period, from the partial miner_hourly_offline_idx", () => {
    const plan = planOf(offlineHoursSql, idsParam([1, 2, 3]), '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z');
    expect(plan).toContain('SEARCH miner_hourly USING COVERING INDEX miner_hourly_offline_idx (miner_id=? AND hour>? AND hour<?)');
  });

  it('the overdue figure reads a range of due dates per open status from invoices_status_due_idx, not every invoice', () => {
    const plan = planOf(owingGroupsSql(), ...invoiceOpenStatuses, '2026-03-01');
    expect(plan).toContain('SEARCH invoices USING INDEX invoices_status_due_idx (status=? AND due_date<?)');
    expect(plan).not.toContain('SCAN invoices');
  });

  it("metered billing reads a counter's whole days from energy_daily's key and its other hours from the covering energy_hourly_billing_idx", () => {
    expect(planOf(DAYS_SQL, 1, '2026-03-01', '2026-04-01')).toContain(
      'SEARCH energy_daily USING INDEX sqlite_autoindex_energy_daily_1 (counter_id=? AND day>? AND day<?)',
    );
    expect(planOf(SUM_SQL, 1, '2026-03-01T05:00:00.000Z', '2026-03-02T00:00:00.000Z')).toContain(
      'SEARCH energy_hourly USING COVERING INDEX energy_hourly_billing_idx (counter_id=? AND hour>? AND hour<?)',
    );
  });
});

describe('the indexes the rollup by client relies on', () => {
  it("is rewritten from the hour's rows of miner_hourly, each miner looked up by id", () => {
    const plan = planOf(CLIENT_HOURS_SQL, '2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z');
    expect(plan).toContain('SEARCH h USING INDEX miner_hourly_hour_idx (hour>? AND hour<?)');
    expect(plan).toContain('SEARCH m USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it("a scoped dashboard's chart reads the hours of each of the person's clients from client_hourly_client_idx", () => {
    const plan = planOf(CLIENT_HOURS, 1, '2026-03-01T10:00:00.000Z', '2026-03-02T09:00:00.000Z');
    expect(plan).toContain('client_hourly_client_idx (client_id=? AND hour>? AND hour<?)');
  });
});
