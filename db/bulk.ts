import type Database from 'better-sqlite3';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { inChunks } from './chunks';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection and text. */
export function prepared(sqlite: Database.Database, text: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = sqlite.prepare(text)));
  return statement;
}

/**
 * Inserts many rows through cached multi-row prepared statements on the raw connection: building
 * 10,000 rows through the ORM costs more than SQLite's work. Runs inside the caller's transaction,
 * which shares the connection. Column names are the code's own, never user text.
 */
export function insertRows(sqlite: Database.Database, table: string, columns: readonly string[], rows: readonly unknown[][]): void {
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (const chunk of inChunks(rows)) {
    const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: chunk.length }, () => one).join(', ')}`;
    prepared(sqlite, text).run(chunk.flat());
  }
}

/** `column IN (1, 2, 3)` with the ids written into the text: whole numbers only, so thousands of them cost no bound parameters. */
export function inIds(column: SQLWrapper, ids: readonly number[]): SQL {
  if (!ids.every(Number.isSafeInteger)) throw new Error('inIds takes whole numbers only.');
  return sql`${column} IN (${sql.raw(ids.join(', ') || 'NULL')})`;
}
