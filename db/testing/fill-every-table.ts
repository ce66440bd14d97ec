import type Database from 'better-sqlite3';

/**
 * A row in every table of a database, made from each table's own definition: for tests that must cover
 * tables they do not name (the upgrade proof). Parents come before children and each foreign key points at
 * the parent's row; text that looks like a time is an ISO instant (ends after starts), numbers are positive.
 * Where a CHECK ties columns together, optional columns are added one at a time and kept only while the row
 * still goes in. Full-text tables and their shadow tables are left to their triggers.
 */

export type FilledRow = { table: string; rowid: number; values: Record<string, unknown> };

type Column = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
type ForeignKey = { table: string; from: string; to: string | null };

const laterColumn = /(^|_)(to|end|ends|until|due|expires|ended|closed|resolved|last)(_|$)/;
const timeColumn = /(_at|_date|_from|_to|_until|^at|^hour|^day|^date|^period_from|^period_to)$/;

function valueFor(table: string, column: Column): unknown {
  const type = column.type.toUpperCase();
  if (type.includes('INT')) return 1;
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 1.5;
  if (type.includes('BLOB')) return Buffer.from('x');
  if (timeColumn.test(column.name)) return laterColumn.test(column.name) ? '2026-02-01T00:00:00.000Z' : '2026-01-01T00:00:00.000Z';
  return `${table}.${column.name}`;
}

/** User tables in an order where every parent comes before its children (self references aside). */
function tablesInOrder(sqlite: Database.Database): string[] {
  const all = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").all() as {
    name: string;
    sql: string;
  }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  const tables = all.map((t) => t.name).filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
  const order: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (order.includes(name) || path.has(name) || !tables.includes(name)) return;
    path.add(name);
    for (const fk of sqlite.pragma(`foreign_key_list("${name}")`) as ForeignKey[]) if (fk.table !== name) visit(fk.table, path);
    order.push(name);
  };
  for (const name of tables) visit(name, new Set());
  return order;
}

const primaryKeyOf = (sqlite: Database.Database, table: string): string =>
  (sqlite.pragma(`table_info("${table}")`) as Column[]).find((c) => c.pk === 1)?.name ?? 'rowid';

/** Tries the row in a savepoint and rolls it back: true when the database would take it. */
function fits(sqlite: Database.Database, table: string, values: Record<string, unknown>): boolean {
  sqlite.exec('SAVEPOINT fill_try');
  try {
    insert(sqlite, table, values);
    return true;
  } catch {
    return false;
  } finally {
    sqlite.exec('ROLLBACK TO fill_try');
    sqlite.exec('RELEASE fill_try');
  }
}

function insert(sqlite: Database.Database, table: string, values: Record<string, unknown>): number {
  const names = Object.keys(values);
  const sql =
    names.length === 0
      ? `INSERT INTO "${table}" DEFAULT VALUES`
      : `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  return Number(sqlite.prepare(sql).run(...Object.values(values)).lastInsertRowid);
}

/**
 * The fullest row the table takes: every column; else every column but one optional one (a CHECK that wants
 * one of two); else the required ones with each optional column that still fits added in turn.
 */
function firstThatFits(
  sqlite: Database.Database,
  table: string,
  required: Record<string, unknown>,
  optional: [string, unknown][],
): Record<string, unknown> | null {
  const all = { ...required, ...Object.fromEntries(optional) };
  if (fits(sqlite, table, all)) return all;
  for (const [dropped] of optional) {
    const fewer = { ...required, ...Object.fromEntries(optional.filter(([name]) => name !== dropped)) };
    if (fits(sqlite, table, fewer)) return fewer;
  }
  let values = required;
  for (const [name, value] of optional) if (fits(sqlite, table, { ...values, [name]: value })) values = { ...values, [name]: value };
  return fits(sqlite, table, values) ? values : null;
}

/**
 * Puts one row in every table; answers the rows as written (read back, defaults included) and the tables it
 * could not fill. `overrides` sets columns of a table where its own rules need a particular value.
 */
export function fillEveryTable(sqlite: Database.Database, overrides: Record<string, Record<string, unknown>> = {}): { rows: FilledRow[]; unfilled: string[] } {
  // One transaction: the rows are the same, and the file is synced once rather than after every row and trial.
  return sqlite.transaction(() => fillInOrder(sqlite, overrides))();
}

function fillInOrder(sqlite: Database.Database, overrides: Record<string, Record<string, unknown>>): { rows: FilledRow[]; unfilled: string[] } {
  const written = new Map<string, Record<string, unknown>>();
  const rows: FilledRow[] = [];
  const unfilled: string[] = [];
  for (const table of tablesInOrder(sqlite)) {
    const columns = sqlite.pragma(`table_info("${table}")`) as Column[];
    const parents = new Map((sqlite.pragma(`foreign_key_list("${table}")`) as ForeignKey[]).map((fk) => [fk.from, fk]));
    const own = (column: Column): unknown => {
      const fk = parents.get(column.name);
      if (fk) return fk.table === table ? undefined : written.get(fk.table)?.[fk.to ?? primaryKeyOf(sqlite, fk.table)];
      return column.pk === 1 && column.type.toUpperCase() === 'INTEGER' ? undefined : valueFor(table, column);
    };
    const required: Record<string, unknown> = {};
    const optional: [string, unknown][] = [];
    for (const column of columns) {
      const value = own(column);
      if (value === undefined) continue;
      if (column.notnull && column.dflt_value === null) required[column.name] = value;
      else optional.push([column.name, value]);
    }
    const values = firstThatFits(
      sqlite,
      table,
      { ...required, ...overrides[table] },
      optional.filter(([name]) => !(name in (overrides[table] ?? {}))),
    );
    if (!values) {
      unfilled.push(table);
      continue;
    }
    const rowid = insert(sqlite, table, values);
    const row = sqlite.prepare(`SELECT * FROM "${table}" WHERE rowid = ?`).get(rowid) as Record<string, unknown>;
    written.set(table, row);
    rows.push({ table, rowid, values: row });
  }
  return { rows, unfilled };
}
