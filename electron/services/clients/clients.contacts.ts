import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/open-db';
import { clientContacts } from '../../../db/schema';
import type { Contract } from '../../contract';
import type { ClientContact } from '../../contract/clients.records';
import type { ParsedInputOf } from '../../contract/define';
import { recordAudit } from '../audit/record-audit';
import { requireClient, requireOpenClient } from './clients.guards';
import { requireById } from '../require-row';

type ContactRow = typeof clientContacts.$inferSelect;

function requireContact(db: DbOrTx, id: number): ContactRow {
  return requireById(db, clientContacts, id, 'Contact', 'It may have been removed; refresh the Team tab.');
}

export function listClientContacts(db: DbOrTx, clientId: number): ClientContact[] {
  requireClient(db, clientId);
  return db.select().from(clientContacts).where(eq(clientContacts.clientId, clientId)).orderBy(asc(clientContacts.name), asc(clientContacts.id)).all();
}

export function createClientContact(db: DbOrTx, input: ParsedInputOf<Contract['clients.contacts.create']>, actor: string): ClientContact {
  return db.transaction((tx) => {
    requireOpenClient(tx, input.clientId);
    const now = new Date().toISOString();
    const row = tx
      .insert(clientContacts)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'client.contact_added', entity: 'client_contact', entityId: row.id, clientId: row.clientId, after: row });
    return row;
  });
}

export function updateClientContact(db: DbOrTx, input: ParsedInputOf<Contract['clients.contacts.update']>, actor: string): ClientContact {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const before = requireContact(tx, id);
    requireOpenClient(tx, before.clientId);
    const after = tx
      .update(clientContacts)
      .set({ ...fields, updatedAt: new Date().toISOString() })
      .where(eq(clientContacts.id, id))
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'client.contact_updated', entity: 'client_contact', entityId: id, clientId: before.clientId, before, after });
    return after;
  });
}

export function deleteClientContact(db: DbOrTx, id: number, actor: string): { id: number } {
  return db.transaction((tx) => {
    const before = requireContact(tx, id);
    requireOpenClient(tx, before.clientId);
    tx.delete(clientContacts).where(eq(clientContacts.id, id)).run();
    recordAudit(tx, { actor, action: 'client.contact_removed', entity: 'client_contact', entityId: id, clientId: before.clientId, before });
    return { id };
  });
}
