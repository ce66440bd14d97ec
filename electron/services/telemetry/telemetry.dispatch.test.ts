import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, telemetrySettings } from '../../../db/schema';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';

let d: DispatchDb;
beforeEach(() => (d = openDispatchDb()));
afterEach(() => {
  d.t.close();
  expect(d.log.error).not.toHaveBeenCalled();
});

const good = { pollIntervalS: 120, concurrency: 32, timeoutMs: 5000, enabled: false };

describe('telemetry settings and status through the API', () => {
  it('starts from the defaults, saves and audits a change', async () => {
    expect(await d.run('telemetry.settings.get', {})).toEqual({
      ok: true,
      value: { pollIntervalS: 60, concurrency: 128, timeoutMs: 10_000, enabled: true, updatedAt: null },
    });
    const saved = await d.run('telemetry.settings.update', good);
    expect(saved).toMatchObject({ ok: true, value: good });
    expect(await d.run('telemetry.settings.get', {})).toMatchObject({ ok: true, value: good });
    const audit = d.t.db.select().from(auditLog).where(eq(auditLog.action, 'telemetry.settings.updated')).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].beforeJson!)).toEqual({ pollIntervalS: 60, concurrency: 128, timeoutMs: 10_000, enabled: true });
    expect(JSON.parse(audit[0].afterJson!)).toEqual(good);
    expect(audit[0].actor).toBe('tester');
  });

  it('refuses out-of-range settings in plain words and changes nothing', async () => {
    const bad = await d.run('telemetry.settings.update', { pollIntervalS: 5, concurrency: 1000, timeoutMs: 60_001, enabled: 'yes' });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          pollIntervalS: 'must be at least 10 seconds',
          concurrency: 'must be at most 512 miners at once',
          timeoutMs: 'must be at most 60000 ms (one minute)',
          enabled: 'must be on or off',
        },
      },
    });
    expect(await d.run('telemetry.settings.update', { ...good, pollIntervalS: 12.5 })).toMatchObject({
      ok: false,
      error: { fields: { pollIntervalS: 'must be a whole number of seconds' } },
    });
    expect(d.t.db.select().from(telemetrySettings).all()).toEqual([]);
    expect(d.t.db.select().from(auditLog).where(eq(auditLog.action, 'telemetry.settings.updated')).all()).toEqual([]);
  });

  it('reports a poller that has not run yet, and refuses a series without exactly one scope', async () => {
    expect(await d.run('telemetry.status', {})).toEqual({
      ok: true,
      value: { enabled: true, running: false, scheduled: false, lastCycle: null, skippedLateStarts: 0, nextDueAt: null },
    });
    const both = await d.run('telemetry.series', { minerId: 1, siteId: 1, metric: 'power', from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z' });
    expect(both).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Choose exactly one of a miner, a client or a site.') },
    });
    const backwards = await d.run('telemetry.series', { siteId: 1, metric: 'watts', from: '2026-03-11T00:00:00Z', to: '2026-03-10T00:00:00Z' });
    expect(backwards).toMatchObject({ ok: false, error: { fields: { metric: 'must be hashrate, temperature, power or energy' } } });
    const reversed = await d.run('telemetry.series', { siteId: 1, metric: 'power', from: '2026-03-11T00:00:00Z', to: '2026-03-10T00:00:00Z' });
    expect(reversed).toMatchObject({ ok: false, error: { fields: { to: 'must be after the start' } } });
    const missing = await d.run('telemetry.series', { siteId: 404, metric: 'power', from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Site #404 was not found. It may have been removed; reload the list and try again.' },
    });
  });

  it('polls on request and reports the cycle (an empty fleet polls nothing)', async () => {
    const started = await d.run('telemetry.pollNow', {});
    expect(started).toMatchObject({ ok: true, value: { running: true } });
    let status = await d.run('telemetry.status', {});
    for (let i = 0; i < 100 && status.ok && (status.value as { running: boolean }).running; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await d.run('telemetry.status', {});
    }
    expect(status).toMatchObject({ ok: true, value: { running: false, lastCycle: { polled: 0, answered: 0, offline: 0, notes: [] } } });
  });
});
