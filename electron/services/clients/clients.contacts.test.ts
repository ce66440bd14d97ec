import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, makeClient, openClientsDb } from '../../../tests/helpers/client-fixtures';
import type { TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { listAudit } from '../audit/audit.service';
import { createClientContact, deleteClientContact, listClientContacts, updateClientContact } from './clients.contacts';
import { createClientGroup, listClientGroups } from './clients.groups';
import { archiveClient } from './clients.service';

let t: TempDb;
let managerId: number;
beforeEach(() => ({ t, managerId } = openClientsDb()));
afterEach(() => t.close());

describe('client contacts (Team tab)', () => {
  it('adds, edits and removes contacts with audit rows carrying the client id', () => {
    const { id: clientId } = makeClient(t.db, { managerId });
    const input = contract['clients.contacts.create'].input.parse({ clientId, name: 'Jo Park', email: 'JO@acme.com', role: 'technical' });
    const contact = createClientContact(t.db, input, actor);
    expect(contact).toMatchObject({ name: 'Jo Park', email: 'jo@acme.com', phone: '', role: 'technical' });
    updateClientContact(t.db, { id: contact.id, name: 'Jo Park', email: null, phone: '+1 555 0100', role: 'owner' }, actor);
    expect(listClientContacts(t.db, clientId)).toMatchObject([{ role: 'owner', phone: '+1 555 0100', email: null }]);
    deleteClientContact(t.db, contact.id, actor);
    expect(listClientContacts(t.db, clientId)).toEqual([]);
    const actions = listAudit(t.db, { clientId, entity: 'client_contact', limit: 10, offset: 0 }).rows.map((r) => r.action);
    expect(actions).toEqual(['client.contact_removed', 'client.contact_updated', 'client.contact_added']);
  });

  it('validates the role and e-mail, and refuses contacts on archived clients', () => {
    const parsed = contract['clients.contacts.create'].input.safeParse({ clientId: 1, name: 'X', email: 'nope', role: 'ceo' });
    expect(parsed.error?.issues.map((i) => i.path[0]).sort()).toEqual(['email', 'role']);
    const { id: clientId } = makeClient(t.db, { managerId });
    archiveClient(t.db, clientId, actor);
    expect(() => createClientContact(t.db, { clientId, name: 'Late', email: null, phone: '', role: 'billing' }, actor)).toThrow(/is archived/);
  });

  it('answers NOT_FOUND for a contact that is gone', () => {
    expect(() => deleteClientContact(t.db, 77, actor)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('client groups', () => {
  it('lists groups by name with their open clients, and refuses a duplicate name', () => {
    const retail = createClientGroup(t.db, { name: 'Retail', description: 'Up to 50 miners' }, actor);
    createClientGroup(t.db, { name: 'Institutional', description: '' }, actor);
    makeClient(t.db, { managerId, groupId: retail.id });
    const archived = makeClient(t.db, { managerId, groupId: retail.id });
    archiveClient(t.db, archived.id, actor);
    expect(listClientGroups(t.db).map((g) => [g.name, g.clientCount])).toEqual([
      ['Institutional', 0],
      ['Retail', 1],
    ]);
    expect(() => createClientGroup(t.db, { name: 'Retail', description: '' }, actor)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', fields: { name: 'is taken' } }),
    );
  });
});
