import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';
import { createSecretBox } from '../secrets/secret-box';
import { randomBytes } from 'node:crypto';
import { hasLoginFor, loadLoginResolver, setCredential } from './devices.credentials';

let t: DispatchDb['t'];
let log: DispatchDb['log'];
let run: DispatchDb['run'];
const rowCounts = () =>
  t.db.$client
    .prepare(
      'SELECT (SELECT count(*) FROM miner_credentials) AS logins, (SELECT count(*) FROM holding_pool) AS holding, (SELECT count(*) FROM device_action_runs) AS runs, (SELECT count(*) FROM audit_log) AS audit',
    )
    .get();

beforeEach(() => ({ t, log, run } = openDispatchDb()));
afterEach(() => t.close());

const value = <T>(outcome: { ok: boolean; value?: unknown }) => {
  expect(outcome.ok).toBe(true);
  return outcome.value as T;
};

describe('device procedures through dispatch', () => {
  it('refuses bad pools, workers and targets in plain words and changes nothing', async () => {
    const before = rowCounts();
    const pools = await run('devices.actions.start', {
      target: { minerIds: [1] },
      action: { kind: 'set_pools', pools: [{ url: 'http://pool.test:3333', worker: 'a b', password: 'x' }] },
    });
    expect(pools).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          'action.pools.0.url': expect.stringMatching(/^must look like stratum\+tcp:\/\//),
          'action.pools.0.worker': 'must not contain spaces or commas',
        },
      },
    });
    expect(await run('devices.actions.start', { target: { minerIds: [1], clientId: 2 }, action: { kind: 'reboot' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('give exactly one of') },
    });
    expect(await run('devices.holdingPool.set', { url: 'stratum+tcp://pool.test', worker: 'w' })).toMatchObject({
      ok: false,
      error: { fields: { url: expect.stringContaining('host:port') } },
    });
    expect(await run('devices.credentials.set', { siteId: null, family: 'antminer', username: 'root' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { password: 'is required for a new login' } },
    });
    expect(await run('devices.actions.start', { target: { minerIds: [99] }, action: { kind: 'reboot' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Miner #99 no longer exists; reload the list and try again.' },
    });
    expect(rowCounts()).toEqual(before);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('stores logins write-only: the list and the audit show the user name, never the password', async () => {
    const saved = value<{ id: number }>(await run('devices.credentials.set', { siteId: null, family: 'antminer', username: 'root', password: 'Top-Secret-1' }));
    // Saving the same scope without a password keeps the stored one.
    value(await run('devices.credentials.set', { siteId: null, family: 'antminer', username: 'admin' }));
    const list = value<unknown[]>(await run('devices.credentials.list', {}));
    expect(list).toEqual([
      { id: saved.id, siteId: null, siteName: null, family: 'antminer', username: 'admin', hasPassword: true, updatedAt: expect.any(String) },
    ]);
    value(await run('devices.holdingPool.set', { url: 'stratum+tcp://hold.test:3333', worker: 'facility', password: 'Hold-Secret-2' }));
    expect(value(await run('devices.holdingPool.get', {}))).toEqual({
      url: 'stratum+tcp://hold.test:3333',
      worker: 'facility',
      hasPassword: true,
      updatedAt: expect.any(String),
    });
    const audit = JSON.stringify(value(await run('audit.list', {})));
    expect(audit).toContain('miner_login.updated');
    expect(audit).not.toContain('Top-Secret-1');
    expect(audit).not.toContain('Hold-Secret-2');
    value(await run('devices.credentials.delete', { id: saved.id }));
    expect(value(await run('devices.credentials.list', {}))).toEqual([]);
  });
});

describe('login resolution', () => {
  it('picks site and family, then family, then site, then the login with neither', async () => {
    const secrets = createSecretBox(randomBytes(32));
    const site = value<{ id: number }>(await run('sites.create', { name: 'North', timeZone: null, address: '', notes: '' }));
    const other = value<{ id: number }>(await run('sites.create', { name: 'South', timeZone: null, address: '', notes: '' }));
    const add = (siteId: number | null, family: 'antminer' | null, username: string) =>
      setCredential(t.db, { siteId, family, username, password: `${username}-pw` }, secrets, 'tester');
    const fits = (rows: { siteId: number | null; family: string | null }[]) => hasLoginFor(rows)(site.id, 'antminer');
    expect([fits([]), fits([{ siteId: other.id, family: null }]), fits([{ siteId: null, family: 'whatsminer' }])]).toEqual([false, false, false]);
    expect([fits([{ siteId: site.id, family: null }]), fits([{ siteId: null, family: 'antminer' }]), fits([{ siteId: null, family: null }])]).toEqual([
      true,
      true,
      true,
    ]);
    add(null, null, 'anyone');
    expect(loadLoginResolver(t.db, secrets)(site.id, 'antminer')).toEqual({ ok: true, credentials: { username: 'anyone', password: 'anyone-pw' } });
    add(site.id, null, 'north');
    add(null, 'antminer', 'antminers');
    add(site.id, 'antminer', 'north-antminers');
    const login = loadLoginResolver(t.db, secrets);
    expect(login(site.id, 'antminer')).toMatchObject({ credentials: { username: 'north-antminers' } });
    expect(login(other.id, 'antminer')).toMatchObject({ credentials: { username: 'antminers' } });
    expect(login(site.id, 'whatsminer')).toMatchObject({ credentials: { username: 'north' } });
    expect(login(other.id, 'whatsminer')).toMatchObject({ credentials: { username: 'anyone' } });
    expect(login(null, 'whatsminer')).toMatchObject({ credentials: { username: 'anyone' } });
    // A login sealed under another key is reported, not sent.
    expect(loadLoginResolver(t.db, createSecretBox(randomBytes(32)))(site.id, 'antminer')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/could not be opened/),
    });
  });
});
