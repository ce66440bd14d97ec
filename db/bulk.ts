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
  for (const chunk of inChunks(rows)) prepared(sqlite, multiRowInsert(table, columns, chunk.length)).run(chunk.flat());
}

const multiRowInsert = (table: string, columns: readonly string[], count: number) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: count }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;

/** insertRows that returns the inserted rows as SQLite has them (column names, stored values), in no promised order. */
export function insertRowsReturning(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Record<string, unknown>[] {
  return inChunks(rows).flatMap(
    (chunk) => prepared(sqlite, `${multiRowInsert(table, columns, chunk.length)} RETURNING *`).all(chunk.flat()) as Record<string, unknown>[],
  );
}

/** `column IN (1, 2, 3)` with the ids written into the text: whole numbers only, so thousands of them cost no bound parameters. */
export function inIds(column: SQLWrapper, ids: readonly number[]): SQL {
  if (!ids.every(Number.isSafeInteger)) throw new Error('inIds takes whole numbers only.');
  return sql`${column} IN (${sql.raw(ids.join(', ') || 'NULL')})`;
}

/**
 * Sets columns of many rows, each found by its whole-number key, with `UPDATE … FROM (VALUES …)` statements
 * prepared once per size: one statement per few hundred rows instead of one per row. Each row is
 * `[key, ...values in the order of columns]`; give each key once (with a key twice, SQLite uses either row).
 * Runs inside the caller's transaction. Table and column names are the code's own, never user text.
 */
export function updateRows(sqlite: Database.Database, table: string, key: string, columns: readonly string[], rows: readonly unknown[][]): void {
  const one = `(${Array.from({ length: columns.length + 1 }, () => '?').join(', ')})`;
  const set = columns.map((column, i) => `${column} = v.column${i + 2}`).join(', ');
  for (const chunk of inChunks(rows)) {
    const text = `UPDATE ${table} SET ${set} FROM (VALUES ${Array.from({ length: chunk.length }, () => one).join(', ')}) AS v WHERE ${table}.${key} = v.column1`;
    prepared(sqlite, text).run(chunk.flat());
  }
}
