import type { DbOrTx } from '../../../db/open-db';
import { clients } from '../../../db/schema';
import { AppError } from '../../contract/errors';
import { requireById } from '../require-row';

export type ClientRow = typeof clients.$inferSelect;

/** How a client is named in messages: `Client #12 "Acme"`. */
export const clientLabel = (row: Pick<ClientRow, 'id' | 'name'>): string => `Client #${row.id} "${row.name}"`;

export function requireClient(db: DbOrTx, id: number): ClientRow {
  return requireById(db, clients, id, 'Client', 'Refresh the list and try again.');
}

/** A client that may still be changed: archived (and merged) clients are kept read-only as a record. */
export function requireOpenClient(db: DbOrTx, id: number): ClientRow {
  const row = requireClient(db, id);
  if (row.archivedAt) {
    const merged = row.mergedIntoId ? ` It was merged into client #${row.mergedIntoId}; make the change there.` : '';
    throw new AppError('CONFLICT', `${clientLabel(row)} is archived and can no longer be changed.${merged}`);
  }
  return row;
}
