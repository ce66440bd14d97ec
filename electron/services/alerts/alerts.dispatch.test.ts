import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertRules, alerts, auditLog, minerLatest, miners } from '../../../db/schema';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';
import { makeFleet, type Fleet } from '../../../tests/helpers/fleet-fixtures';
import type { AlertFeed, AlertList, AlertRule } from '../../contract/alerts';

let d: DispatchDb;
let fleet: Fleet;
beforeEach(() => {
  d = openDispatchDb();
  fleet = makeFleet(d.t.db);
  const longAgo = new Date(Date.now() - 3_600_000).toISOString();
  d.t.db.update(miners).set({ liveStatus: 'online', lastSeenAt: longAgo }).run();
  // A-002 went quiet an hour ago; A-003 runs hot.
  d.t.db.update(miners).set({ liveStatus: 'offline' }).where(eq(miners.id, fleet.miners[1].id)).run();
  d.t.db.insert(minerLatest).values({ minerId: fleet.miners[2].id, at: longAgo, hashrateGhs: 104_000, tempMaxC: 97 }).run();
});
afterEach(() => {
  d.t.close();
  expect(d.log.error).not.toHaveBeenCalled();
});

const value = <T>(outcome: { ok: boolean; value?: unknown }) => {
  expect(outcome.ok).toBe(true);
  return outcome.value as T;
};
const auditOf = (action: string) => d.t.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe('alerts through the API', () => {
  it('evaluates, lists with subjects and counts, acknowledges with a note (audited) and shows the history', async () => {
    expect(value(await d.run('alerts.evaluate', {}))).toMatchObject({ opened: 2, active: 2 });
    const active = value<AlertList>(await d.run('alerts.list', {}));
    expect(active.statusCounts).toEqual({ open: 2, acknowledged: 0, resolved: 0 });
    expect(active.rows.map((r) => [r.kind, r.miner?.assetId, r.site?.name, r.client?.name, r.status])).toEqual(
      expect.arrayContaining([
        ['miner_offline', 'A-002', 'Midland TX', 'Acme Hashing', 'open'],
        ['temp_high', 'A-003', 'Odessa TX', 'Boreal', 'open'],
      ]),
    );
    const hot = active.rows.find((r) => r.kind === 'temp_high')!;
    const longAgo = d.t.db.select({ at: miners.lastSeenAt }).from(miners).where(eq(miners.id, fleet.miners[2].id)).get()!.at;
    expect(longAgo).toMatch(/^\d{4}-/);
    expect(hot.miner).toEqual({ id: fleet.miners[2].id, assetId: 'A-003', ip: '127.60.1.5', lastSeenAt: longAgo });
    // An offline miner's alert carries when the miner last answered, so the row can say since when.
    expect(active.rows.find((r) => r.kind === 'miner_offline')!.miner?.lastSeenAt).toBe(longAgo);

    expect(value(await d.run('alerts.acknowledge', { ids: [hot.id], note: '  Intake fan replaced, watching it  ' }))).toEqual({
      acknowledged: 1,
      alreadyAcknowledged: 0,
    });
    expect(value(await d.run('alerts.acknowledge', { ids: [hot.id] }))).toEqual({ acknowledged: 0, alreadyAcknowledged: 1 });
    const audit = auditOf('alert.acknowledged');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'tester', entity: 'alert', entityId: String(hot.id), clientId: fleet.boreal.id });
    expect(JSON.parse(audit[0].afterJson!)).toEqual({ acknowledgedBy: 'tester', note: 'Intake fan replaced, watching it' });

    const acknowledged = value<AlertList>(await d.run('alerts.list', { status: 'acknowledged', clientId: fleet.boreal.id }));
    expect(acknowledged).toMatchObject({ total: 1, statusCounts: { open: 0, acknowledged: 1, resolved: 0 } });
    expect(acknowledged.rows[0]).toMatchObject({ acknowledgedBy: 'tester', note: 'Intake fan replaced, watching it', resolvedAt: null });

    d.t.db.update(minerLatest).set({ tempMaxC: 70 }).run();
    expect(value(await d.run('alerts.evaluate', {}))).toMatchObject({ resolved: 1, active: 1 });
    const history = value<AlertList>(await d.run('alerts.list', { status: 'resolved' }));
    expect(history.rows).toEqual([expect.objectContaining({ id: hot.id, status: 'resolved', acknowledgedBy: 'tester' })]);
    expect(value<AlertList>(await d.run('alerts.list', { status: 'active', kind: 'temp_high' })).total).toBe(0);
    expect(value<AlertList>(await d.run('alerts.list', { status: 'resolved', minerId: fleet.miners[1].id })).total).toBe(0);
  });

  it('refuses unknown alerts and bad input, changing nothing', async () => {
    await d.run('alerts.evaluate', {});
    const [first] = d.t.db.select().from(alerts).all();
    expect(await d.run('alerts.acknowledge', { ids: [first.id, 9999] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/^Alert 9999 was not found/) },
    });
    expect(await d.run('alerts.acknowledge', { ids: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { ids: 'choose at least one alert' } },
    });
    expect(await d.run('alerts.acknowledge', { ids: [first.id], note: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      error: { fields: { note: 'must be at most 500 characters' } },
    });
    expect(await d.run('alerts.list', { status: 'closed' })).toMatchObject({
      ok: false,
      error: { fields: { status: 'must be one of active, open, acknowledged, resolved' } },
    });
    expect(d.t.db.select().from(alerts).where(eq(alerts.id, first.id)).get()!.acknowledgedAt).toBeNull();
    expect(auditOf('alert.acknowledged')).toEqual([]);
  });

  it('updates rules with range checks in plain words, audits each change and applies it at once', async () => {
    const rules = value<AlertRule[]>(await d.run('alerts.rules.get', {}));
    expect(rules.map((r) => [r.kind, r.enabled, r.threshold, r.desktop])).toEqual([
      ['miner_offline', true, 10, true],
      ['hashrate_low', true, 80, true],
      ['temp_high', true, 85, true],
      ['power_device_unreachable', true, 5, true],
      ['power_cap', true, 5, true],
    ]);
    const bad = await d.run('alerts.rules.update', {
      rules: [
        { kind: 'miner_offline', enabled: true, threshold: 0, desktop: true },
        { kind: 'hashrate_low', enabled: true, threshold: 101, desktop: true },
        { kind: 'temp_high', enabled: true, threshold: 29.5, desktop: true },
        { kind: 'power_device_unreachable', enabled: 'yes', threshold: 10_081, desktop: true },
      ],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          'rules.0.threshold': 'must be a whole number of minutes from 1 to 10080 (one week)',
          'rules.1.threshold': 'must be a whole number from 1 to 100 %',
          'rules.2.threshold': 'must be a whole number from 30 to 150 °C',
          'rules.3.enabled': 'must be on or off',
          'rules.3.threshold': 'must be a whole number of minutes from 1 to 10080 (one week)',
        },
      },
    });
    const twice = await d.run('alerts.rules.update', {
      rules: [
        { kind: 'temp_high', enabled: true, threshold: 90, desktop: true },
        { kind: 'temp_high', enabled: true, threshold: 95, desktop: true },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { fields: { rules: 'must name each kind of alert at most once' } } });
    expect(await d.run('alerts.rules.update', { rules: [{ kind: 'fan_dead', enabled: true, threshold: 1, desktop: true }] })).toMatchObject({ ok: false });
    expect(d.t.db.select().from(alertRules).where(eq(alertRules.kind, 'temp_high')).get()!.threshold).toBe(85);
    expect(auditOf('alert.rule.updated')).toEqual([]);

    await d.run('alerts.evaluate', {});
    const saved = value<AlertRule[]>(
      await d.run('alerts.rules.update', {
        rules: [
          { kind: 'temp_high', enabled: true, threshold: 98, desktop: false },
          { kind: 'miner_offline', enabled: true, threshold: 10, desktop: true }, // unchanged: not audited
        ],
      }),
    );
    expect(saved.find((r) => r.kind === 'temp_high')).toMatchObject({ threshold: 98, desktop: false });
    const audit = auditOf('alert.rule.updated');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'alert_rule', entityId: 'temp_high', actor: 'tester' });
    expect(JSON.parse(audit[0].beforeJson!)).toEqual({ enabled: true, threshold: 85, desktop: true });
    expect(JSON.parse(audit[0].afterJson!)).toEqual({ enabled: true, threshold: 98, desktop: false });
    // 97 °C is under the new 98 °C: the alert resolved with the save.
    expect(value<AlertList>(await d.run('alerts.list', { kind: 'temp_high' })).statusCounts).toEqual({ open: 0, acknowledged: 0, resolved: 1 });
  });

  it('feeds new alerts after an id, records the notification and counts the open ones', async () => {
    const start = value<AlertFeed>(await d.run('alerts.feed', {}));
    expect(start).toEqual({
      alerts: [],
      newCount: 0,
      lastId: 0,
      openCount: 0,
      desktopKinds: ['miner_offline', 'hashrate_low', 'temp_high', 'power_device_unreachable', 'power_cap'],
    });
    await d.run('alerts.rules.update', { rules: [{ kind: 'temp_high', enabled: true, threshold: 85, desktop: false }] }); // also evaluates
    const feed = value<AlertFeed>(await d.run('alerts.feed', { afterId: start.lastId }));
    expect(feed).toMatchObject({ newCount: 2, openCount: 2, desktopKinds: ['miner_offline', 'hashrate_low', 'power_device_unreachable', 'power_cap'] });
    expect(feed.alerts.map((a) => a.kind).sort()).toEqual(['miner_offline', 'temp_high']);
    const notified = d.t.db.select({ kind: alerts.kind, notifiedAt: alerts.notifiedAt }).from(alerts).all();
    expect(notified.find((a) => a.kind === 'miner_offline')!.notifiedAt).not.toBeNull();
    expect(notified.find((a) => a.kind === 'temp_high')!.notifiedAt).toBeNull(); // its rule asks for no desktop notification
    expect(value<AlertFeed>(await d.run('alerts.feed', { afterId: feed.lastId }))).toMatchObject({
      alerts: [],
      newCount: 0,
      lastId: feed.lastId,
      openCount: 2,
    });
    await d.run('alerts.acknowledge', { ids: [feed.alerts[0].id] });
    expect(value<AlertFeed>(await d.run('alerts.feed', { afterId: feed.lastId })).openCount).toBe(1);
  });
});
