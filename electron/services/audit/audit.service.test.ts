import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDb, type TempDb } from '../../../tests/helpers/temp-db';
import { listAudit } from './audit.service';
import { recordAudit } from './record-audit';

let t: TempDb;
beforeEach(() => (t = openTempDb()));
afterEach(() => t.close());

describe('listAudit', () => {
  it('lists everything about one client (its own rows, contacts, miners) when filtered by clientId, newest first', () => {
    recordAudit(t.db, { actor: 'a', action: 'client.created', entity: 'client', entityId: 7, clientId: 7 });
    recordAudit(t.db, { actor: 'a', action: 'client.contact_added', entity: 'client_contact', entityId: 1, clientId: 7 });
    recordAudit(t.db, { actor: 'a', action: 'miner.created', entity: 'miner', entityId: 40, clientId: 8 });
    recordAudit(t.db, { actor: 'a', action: 'miner.client_changed', entity: 'miner', entityId: 41, clientId: 7 });
    recordAudit(t.db, { actor: 'a', action: 'settings.updated', entity: 'settings', entityId: 1 });
    const page = listAudit(t.db, { clientId: 7, limit: 10, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.action, r.clientId])).toEqual([
      ['miner.client_changed', 7],
      ['client.contact_added', 7],
      ['client.created', 7],
    ]);
    expect(listAudit(t.db, { clientId: 7, entity: 'miner', limit: 10, offset: 0 }).rows.map((r) => r.entityId)).toEqual(['41']);
    expect(listAudit(t.db, { entity: 'settings', limit: 10, offset: 0 }).rows[0].clientId).toBeNull();
  });
});
