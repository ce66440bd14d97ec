import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../db/open-db';
import { AppError } from '../contract/errors';

const defaultHint = 'It may have been removed; reload the list and try again.';

/** A record that must exist, or the refusal every service words the same way: `Client #12 was not found. <hint>` */
export function requireFound<T>(row: T | undefined | null, what: string, id: number | string, hint = defaultHint): T {
  if (row === undefined || row === null) throw new AppError('NOT_FOUND', `${what} #${id} was not found. ${hint}`);
  return row;
}

type TableWithId = SQLiteTable & { id: SQLiteColumn };

/** The row of `table` with this primary key, or NOT_FOUND naming it (`what`) with what to do next (`hint`). */
export function requireById<T extends TableWithId>(db: DbOrTx, table: T, id: number, what: string, hint?: string): T['$inferSelect'] {
  const row = db
    .select()
    .from(table as SQLiteTable)
    .where(eq(table.id, id))
    .get() as T['$inferSelect'] | undefined;
  return requireFound(row, what, id, hint);
}
