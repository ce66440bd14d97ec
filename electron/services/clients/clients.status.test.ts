import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, makeClient, makeManager } from '../../../tests/helpers/client-fixtures';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { listAudit } from '../audit/audit.service';
import { archiveClient } from './clients.service';
import { listStatusHistory, setClientStatus } from './clients.status';

let t: TempDb;
let clientId: number;
beforeEach(() => {
  t = openTempDb();
  clientId = makeClient(t.db, { name: 'Acme', managerId: makeManager(t.db).id }).id;
});
afterEach(() => t.close());

describe('setClientStatus', () => {
  it('requires a reason for In Default and for Suspended, as a field error, and changes nothing without it', () => {
    expect(() => setClientStatus(t.db, { id: clientId, status: 'in_default', reason: null }, actor)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', fields: { reason: 'is required for In Default' } }),
    );
    expect(() => setClientStatus(t.db, { id: clientId, status: 'suspended', reason: '' }, actor)).toThrow(/Say why Client #\d+ "Acme" is set to Suspended/);
    expect(listStatusHistory(t.db, clientId)).toHaveLength(1);
  });

  it('writes a history row (from, to, reason, actor, time) and an audit row for each change', () => {
    setClientStatus(t.db, { id: clientId, status: 'in_default', reason: 'Invoice NW-0042 is 45 days overdue' }, actor);
    setClientStatus(t.db, { id: clientId, status: 'active', reason: null }, 'someone-else');
    const history = listStatusHistory(t.db, clientId);
    expect(history.map(({ fromStatus, toStatus, reason, actor: by }) => ({ fromStatus, toStatus, reason, by }))).toEqual([
      { fromStatus: 'in_default', toStatus: 'active', reason: null, by: 'someone-else' },
      { fromStatus: 'active', toStatus: 'in_default', reason: 'Invoice NW-0042 is 45 days overdue', by: actor },
      { fromStatus: null, toStatus: 'active', reason: null, by: actor },
    ]);
    expect(history[0].at).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    const audit = listAudit(t.db, { clientId, entity: 'client', limit: 10, offset: 0 }).rows.filter((r) => r.action === 'client.status_changed');
    expect(audit[1]).toMatchObject({ before: { status: 'active' }, after: { status: 'in_default', reason: 'Invoice NW-0042 is 45 days overdue' } });
  });

  it('accepts pool redirected and inactive without a reason', () => {
    expect(setClientStatus(t.db, { id: clientId, status: 'pool_redirected', reason: null }, actor).status).toBe('pool_redirected');
    expect(setClientStatus(t.db, { id: clientId, status: 'inactive', reason: null }, actor).status).toBe('inactive');
  });

  it('refuses setting the status the client already has', () => {
    expect(() => setClientStatus(t.db, { id: clientId, status: 'active', reason: null }, actor)).toThrow(/is already Active/);
  });

  it('refuses archived clients', () => {
    archiveClient(t.db, clientId, actor);
    expect(() => setClientStatus(t.db, { id: clientId, status: 'inactive', reason: null }, actor)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(listStatusHistory(t.db, clientId)).toHaveLength(1);
  });
});
