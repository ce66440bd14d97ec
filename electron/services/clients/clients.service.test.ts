import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actor, makeClient, openClientsDb, setOrganisation } from '../../../tests/helpers/client-fixtures';
import type { TempDb } from '../../../tests/helpers/temp-db';
import { contract } from '../../contract';
import { clientFormOf, type Client } from '../../contract/clients';
import { listAudit } from '../audit/audit.service';
import { createMiner } from '../miners/miners.service';
import { createStaff, updateStaff } from '../staff/staff.service';
import { createClientGroup } from './clients.groups';
import { archiveClient, getClientDetail, updateClient } from './clients.service';

let t: TempDb;
let managerId: number;
beforeEach(() => ({ t, managerId } = openClientsDb()));
afterEach(() => t.close());

const parseCreate = (raw: unknown) => contract['clients.create'].input.safeParse(raw);
/** The update input of a client's form with some fields changed. */
const edited = (client: Client, changes: object = {}) => contract['clients.update'].input.parse({ id: client.id, ...clientFormOf(client), ...changes });
const fieldErrors = (raw: unknown) => {
  const parsed = parseCreate(raw);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('client form rules', () => {
  it('names every missing required field: name, contact e-mail, manager', () => {
    expect(fieldErrors({})).toEqual({ name: 'is required', contactEmail: 'is required', managerId: 'is required' });
    expect(fieldErrors({ name: '   ', contactEmail: 'a@b.co', managerId: 1 })).toEqual({ name: 'is required' });
  });

  it('validates e-mails, country, currency and phone per field', () => {
    const errors = fieldErrors({ name: 'A', contactEmail: 'not-mail', billingEmail: 'x@', managerId: 1, country: 'XX', currency: 'ABC', phone: 'call me' });
    expect(Object.keys(errors).sort()).toEqual(['billingEmail', 'contactEmail', 'country', 'currency', 'phone']);
    expect(errors.contactEmail).toMatch(/valid e-mail/);
    expect(errors.country).toMatch(/ISO 3166/);
  });

  it('normalises e-mails, country and currency, and turns empty optional fields into null', () => {
    const parsed = contract['clients.create'].input.parse({
      name: ' A ',
      contactEmail: ' Ops@Acme.COM ',
      billingEmail: '',
      managerId: 1,
      country: 'no',
      currency: 'eur',
    });
    expect(parsed).toMatchObject({
      name: 'A',
      contactEmail: 'ops@acme.com',
      billingEmail: null,
      country: 'NO',
      currency: 'EUR',
      company: '',
      taxExempt: false,
    });
  });
});

describe('createClient and updateClient', () => {
  it('creates a client with the billing e-mail and currency defaulting to the contact e-mail and the organisation currency', () => {
    const client = makeClient(t.db, { name: 'Acme', contactEmail: 'ops@acme.com', managerId });
    expect(client).toMatchObject({ billingEmail: null, effectiveBillingEmail: 'ops@acme.com', currency: null, effectiveCurrency: 'USD', status: 'active' });
    expect(client.manager).toEqual({ id: managerId, name: 'Maria Lopez' });
    const own = makeClient(t.db, { billingEmail: 'ap@acme.com', currency: 'EUR', managerId });
    expect(own).toMatchObject({ effectiveBillingEmail: 'ap@acme.com', effectiveCurrency: 'EUR' });
  });

  it('follows the organisation default currency when it changes', () => {
    const client = makeClient(t.db, { managerId });
    setOrganisation(t.db, 'CAD', 'UTC');
    expect(getClientDetail(t.db, client.id).effectiveCurrency).toBe('CAD');
  });

  it('refuses a contact e-mail another open client uses, naming that client', () => {
    const acme = makeClient(t.db, { name: 'Acme', contactEmail: 'ops@acme.com', managerId });
    expect(() => makeClient(t.db, { contactEmail: 'ops@acme.com', managerId })).toThrow(
      `Client #${acme.id} "Acme" already uses ops@acme.com as contact e-mail.`,
    );
    const other = makeClient(t.db, { managerId });
    const input = edited(other, { contactEmail: 'ops@acme.com' });
    expect(() => updateClient(t.db, input, actor)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', fields: { contactEmail: `is already used by client #${acme.id}` } }),
    );
  });

  it('lets a new client reuse the e-mail of an archived client', () => {
    const old = makeClient(t.db, { contactEmail: 'ops@acme.com', managerId });
    archiveClient(t.db, old.id, actor);
    expect(makeClient(t.db, { contactEmail: 'ops@acme.com', managerId }).contactEmail).toBe('ops@acme.com');
  });

  it('refuses an unknown manager, an inactive new manager and an unknown group', () => {
    expect(() => makeClient(t.db, { managerId: 999 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', fields: { managerId: 'was not found' } }));
    const gone = createStaff(t.db, { name: 'Gone', email: null, phone: '', active: false }, actor);
    expect(() => makeClient(t.db, { managerId: gone.id })).toThrow(/no longer active staff/);
    expect(() => makeClient(t.db, { managerId, groupId: 42 })).toThrow(expect.objectContaining({ fields: { groupId: 'was not found' } }));
  });

  it('keeps a client whose manager left editable', () => {
    const client = makeClient(t.db, { managerId });
    updateStaff(t.db, { id: managerId, name: 'Maria Lopez', email: null, phone: '', active: false }, actor);
    const input = edited(client, { notes: 'still ours' });
    expect(updateClient(t.db, input, actor).notes).toBe('still ours');
  });

  it('renames a client keeping its id and its miners, with a before/after audit row', () => {
    const group = createClientGroup(t.db, { name: 'Wholesale', description: '' }, actor);
    const client = makeClient(t.db, { name: 'Old Name', managerId, groupId: group.id });
    createMiner(t.db, { assetId: 'A-1', make: 'Bitmain', model: 'S21', clientId: client.id }, actor);
    const renamed = updateClient(t.db, edited(client, { name: 'New Name' }), actor);
    expect(renamed).toMatchObject({ id: client.id, name: 'New Name', group: { id: group.id, name: 'Wholesale' }, counts: { assignedMiners: 1 } });
    const [updated] = listAudit(t.db, { entity: 'client', entityId: String(client.id), limit: 1, offset: 0 }).rows;
    expect(updated).toMatchObject({ action: 'client.updated', clientId: client.id, before: { name: 'Old Name' }, after: { name: 'New Name' } });
  });

  it('writes a created audit row and an initial status history row', () => {
    const client = makeClient(t.db, { managerId });
    const rows = listAudit(t.db, { clientId: client.id, limit: 10, offset: 0 }).rows;
    expect(rows.map((r) => r.action)).toEqual(['client.created']);
  });

  it('answers NOT_FOUND for a client that does not exist', () => {
    expect(() => getClientDetail(t.db, 404)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'Client #404 was not found. Refresh the list and try again.' }),
    );
  });
});

describe('archiveClient', () => {
  it('refuses while miners are assigned, telling the user to reassign them first', () => {
    const client = makeClient(t.db, { name: 'Acme', managerId });
    createMiner(t.db, { assetId: 'A-1', make: 'Bitmain', model: 'S21', clientId: client.id }, actor);
    createMiner(t.db, { assetId: 'A-2', make: 'Bitmain', model: 'S21', clientId: client.id }, actor);
    expect(() => archiveClient(t.db, client.id, actor)).toThrow(
      `Client #${client.id} "Acme" cannot be archived yet: it still has 2 miners assigned: reassign them to another client first.`,
    );
    expect(getClientDetail(t.db, client.id).archivedAt).toBeNull();
  });

  it('archives (never deletes), audits, and then refuses changes', () => {
    const client = makeClient(t.db, { managerId });
    const archived = archiveClient(t.db, client.id, actor);
    expect(archived.archivedAt).not.toBeNull();
    expect(listAudit(t.db, { clientId: client.id, limit: 1, offset: 0 }).rows[0].action).toBe('client.archived');
    expect(() => updateClient(t.db, edited(client), actor)).toThrow(/is archived and can no longer be changed/);
    expect(() => archiveClient(t.db, client.id, actor)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
