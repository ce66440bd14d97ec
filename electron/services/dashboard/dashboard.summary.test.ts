import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';
import type { Result } from '../../contract';
import type { DashboardSummary } from '../../contract/dashboard';

let d: DispatchDb;
beforeEach(() => {
  d = openDispatchDb();
});
afterEach(() => d.t.close());

async function value<T>(promise: Promise<unknown>): Promise<T> {
  const outcome = (await promise) as { ok: boolean; value: T; error?: { message: string } };
  if (!outcome.ok) throw new Error(outcome.error?.message);
  return outcome.value;
}

describe('dashboard.summary through dispatch', () => {
  it('answers on an empty database with zeros and a day of empty hours, and refuses input it does not take', async () => {
    const summary = await value<DashboardSummary>(d.run('dashboard.summary', {}));
    expect(summary.fleet).toEqual({ miners: 0, statusCounts: { online: 0, offline: 0, warning: 0, unknown: 0 }, hashrateGhs: 0, powerW: 0, answering: 0 });
    expect(summary.hashrate24h).toHaveLength(24);
    expect(summary.hashrate24h.every((h) => h.hashrateGhs === null)).toBe(true);
    expect(summary).toMatchObject({ sites: [], alerts: { active: 0 }, tasks: { open: 0, overdue: 0 }, notice: { count: 0, first: [] } });
    expect(summary.billing).toMatchObject({ revenue: [], previousRevenue: [], overdue: [] });
    expect(await d.run('dashboard.summary', { days: 30 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it("agrees with the pages' own lists on the demo facility", { timeout: 180_000 }, async () => {
    await value(d.run('demo.seed', {}));
    const summary = await value<DashboardSummary>(d.run('dashboard.summary', {}));
    const miners = await value<Result<'miners.list'>>(d.run('miners.list', { limit: 1 }));
    expect(summary.fleet.statusCounts).toEqual(miners.statusCounts);
    expect(summary.fleet.miners).toBe(miners.total);
    expect(summary.fleet.hashrateGhs).toBeGreaterThan(0);
    expect(summary.sites.reduce((sum, s) => sum + s.powerW, 0)).toBe(summary.fleet.powerW);
    expect(summary.sites.map((s) => s.powerW)).toEqual([...summary.sites.map((s) => s.powerW)].sort((a, b) => b - a));
    expect(summary.hashrate24h.filter((h) => h.hashrateGhs !== null).length).toBeGreaterThanOrEqual(23);
    const clientsTotal = summary.clients.top.reduce((sum, c) => sum + c.miners, 0) + summary.clients.others.miners + summary.clients.unassigned;
    expect(clientsTotal).toBe(summary.fleet.miners);

    const queue = await value<Result<'contracts.list'>>(d.run('contracts.list', { noticeDueWithinDays: 60, sort: 'noticeBy', dir: 'asc', limit: 4 }));
    expect(summary.notice.count).toBe(queue.total);
    expect(summary.notice.first.map((c) => c.id)).toEqual(queue.rows.map((c) => c.id));
    const alerts = await value<Result<'alerts.list'>>(d.run('alerts.list', { limit: 1 }));
    expect(summary.alerts.active).toBe(alerts.total);
    const tasks = await value<Result<'tasks.list'>>(d.run('tasks.list', { overdue: true, limit: 1 }));
    expect(summary.tasks.overdue).toBe(tasks.total);
    const overdue = await value<Result<'invoices.list'>>(d.run('invoices.list', { status: 'overdue' }));
    expect(summary.billing.overdue.reduce((n, m) => n + m.count, 0)).toBe(overdue.invoices.length);
    const lastMonth = await value<Result<'invoices.list'>>(d.run('invoices.list', { period: summary.billing.previousPeriod }));
    const standing = lastMonth.invoices.filter((i) => !['draft', 'held', 'void'].includes(i.status));
    expect(summary.billing.previousRevenue.reduce((n, m) => n + m.count, 0)).toBe(standing.length);
  });
});
