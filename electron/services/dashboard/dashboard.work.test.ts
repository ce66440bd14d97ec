import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alerts } from '../../../db/schema';
import { actor } from '../../../tests/helpers/client-fixtures';
import { activeWith, draft, openContractsDb, testNow, type ContractsWorld } from '../../../tests/helpers/contract-fixtures';
import { contract } from '../../contract';
import { createTask } from '../tasks/tasks.service';
import { activeAlerts, contractsDueForNotice, openTasks } from './dashboard.work';

let w: ContractsWorld;
beforeEach(() => {
  w = openContractsDb();
});
afterEach(() => w.t.close());

describe('activeAlerts', () => {
  it('counts alerts still firing by kind and those nobody acknowledged, leaving resolved ones out', () => {
    const at = testNow.toISOString();
    const alert = (kind: 'miner_offline' | 'temp_high' | 'power_cap', minerId: number | null, state: { acknowledgedAt?: string; resolvedAt?: string } = {}) =>
      w.db
        .insert(alerts)
        .values({ kind, minerId, message: 'test', threshold: 10, openedAt: at, lastSeenAt: at, ...state })
        .run();
    alert('miner_offline', w.miners.acme1.id);
    alert('miner_offline', w.miners.acme2.id, { acknowledgedAt: at });
    alert('temp_high', w.miners.acme1.id);
    alert('temp_high', w.miners.acme2.id, { resolvedAt: at });
    alert('miner_offline', w.miners.stock1.id, { resolvedAt: at, acknowledgedAt: at });
    expect(activeAlerts(w.db)).toEqual({
      active: 3,
      unacknowledged: 2,
      byKind: { miner_offline: 2, hashrate_low: 0, temp_high: 1, power_device_unreachable: 0, power_cap: 0 },
    });
  });
});

describe('openTasks', () => {
  it('counts tasks still to do per status and those past their due date in the site calendar', () => {
    const task = (status: string, dueDate: string | null) =>
      createTask(w.db, contract['tasks.create'].input.parse({ title: `${status} ${dueDate}`, type: 'repair', status, dueDate }), actor);
    task('open', '2026-03-09'); // overdue
    task('open', '2026-03-10'); // due today in New York: not overdue
    task('in_progress', null);
    task('waiting_parts', '2026-03-01'); // overdue
    task('done', '2026-03-01'); // closed: neither
    task('cancelled', null);
    expect(openTasks(w.db, testNow)).toEqual({ open: 4, overdue: 2, byStatus: { open: 2, in_progress: 1, waiting_parts: 1 } });
  });
});

describe('contractsDueForNotice', () => {
  it('lists contracts in force whose last day to give notice falls within 60 days, soonest first, as the renewal queue does', () => {
    const site = w.site.id;
    const custom = (endsAt: string) => ({ siteId: site, term: 'custom' as const, startsAt: '2026-01-01', endsAt, noticeDays: 60 });
    const soon = activeWith(w.db, { clientId: w.acme.id, ...custom('2026-05-01') }, [w.miners.acme1.id]);
    const later = activeWith(w.db, { clientId: w.boreal.id, ...custom('2026-06-20') }, [w.miners.stock1.id]);
    activeWith(w.db, { clientId: w.boreal.id, type: 'infinity', pricePerThsDay: '0.05', contractedThs: '10', ...custom('2026-08-01') }, []);
    draft(w.db, { clientId: w.acme.id, ...custom('2026-04-15') }); // a draft is not in force
    const due = contractsDueForNotice(w.db, testNow);
    expect(due.withinDays).toBe(60);
    expect(due.count).toBe(2);
    expect(due.first.map((c) => [c.id, c.client.name, c.noticeBy.slice(0, 10)])).toEqual([
      [soon.id, 'Acme Hashing', '2026-03-02'],
      [later.id, 'Boreal', '2026-04-21'],
    ]);
    expect(due.first[0]).toMatchObject({ reference: soon.number, status: 'expiring', timeZone: 'America/New_York', autoRenew: expect.any(Boolean) });
  });
});
