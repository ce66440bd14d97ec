import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { permissionsOfRole } from '../../contract/roles';
import { openDispatchDb, type DispatchDb } from '../../../tests/helpers/dispatch-db';
import { dispatch } from '../../transports/dispatch';
import { listAudit } from '../audit/audit.service';
import { createHandlers } from '../handlers';
import { readOfficeLanSetting } from './office-lan.service';

let d: DispatchDb;
beforeEach(() => {
  d = openDispatchDb();
});
afterEach(() => d.t.close());

// 127.0.0.2 stands in for the office-network address; the other addresses are only text to check, never contacted.
const lanSetting = { enabled: true, host: '127.0.0.2', port: 8443, tlsCertPath: '', tlsKeyPath: '' };

describe('the office network setting', () => {
  it('is off until set, then stored owner-only beside the database and audited in words', async () => {
    expect(await d.run('officeLan.get', {})).toMatchObject({ ok: true, value: { setting: { enabled: false, host: '', port: 8443 }, running: null } });
    const cert = join(d.t.dir, 'office.crt');
    const key = join(d.t.dir, 'office.key');
    writeFileSync(cert, 'CERT');
    writeFileSync(key, 'KEY');
    const saved = await d.run('officeLan.update', { ...lanSetting, tlsCertPath: cert, tlsKeyPath: key });
    expect(saved).toMatchObject({ ok: true, value: { setting: { enabled: true, host: '127.0.0.2', tlsCertPath: cert } } });
    expect(readOfficeLanSetting(d.t.dir)).toEqual({ ...lanSetting, tlsCertPath: cert, tlsKeyPath: key });
    expect(statSync(join(d.t.dir, 'office-lan.json')).mode & 0o777).toBe(0o600);
    const [row] = listAudit(d.t.db, { limit: 1, offset: 0 }).rows;
    expect(row).toMatchObject({ actor: 'tester', action: 'office_lan.settings_changed', summary: 'The office network settings changed' });
  });

  it('refuses an address that is not one of the office network, or not this computer’s, and a certificate without its key, changing nothing', async () => {
    const refusals: [object, Record<string, string>][] = [
      [{ host: '' }, { host: 'is required to serve the office network' }],
      [{ host: '127.0.0.1' }, { host: 'is this computer only; give its address on the office network' }],
      [{ host: '0.0.0.0' }, { host: expect.stringContaining('means every address') as unknown as string }],
      [{ host: '192.0.2.99' }, { host: expect.stringMatching(/^"192.0.2.99" is not an address of this computer/) as unknown as string }],
      [{ tlsCertPath: '/etc/hashdesk/office.crt' }, { tlsKeyPath: 'is required with a certificate' }],
      [{ tlsCertPath: 'office.crt', tlsKeyPath: 'office.key' }, { tlsCertPath: expect.stringContaining('must be a full path') as unknown as string }],
      [{ tlsCertPath: '/nowhere/office.crt', tlsKeyPath: '/nowhere/office.key' }, { tlsCertPath: 'cannot be read: /nowhere/office.crt' }],
      [{ port: 70000 }, { port: 'must be from 1 to 65535' }],
    ];
    for (const [change, fields] of refusals) {
      const outcome = await d.run('officeLan.update', { ...lanSetting, ...change });
      expect(outcome, JSON.stringify(change)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields } });
    }
    expect(readOfficeLanSetting(d.t.dir).enabled).toBe(false);
    expect(listAudit(d.t.db, { limit: 5, offset: 0 }).rows).toEqual([]);
  });

  it('is for administrators only: a manager is refused before anything runs', async () => {
    const handlers = createHandlers(d.t.db, { version: 'test' });
    const asManager = { actor: 'Mo Manager', log: d.log, permissions: permissionsOfRole('manager') };
    expect(await dispatch(handlers, 'officeLan.update', lanSetting, asManager)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatch(handlers, 'officeLan.get', {}, asManager)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
