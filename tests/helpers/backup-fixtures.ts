import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/open-db';
import { makeManager } from './client-fixtures';

/** A temp folder removed by the returned cleanup. */
export function tempFolder(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `hashdesk-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `count` clients with a 2 KB note each (a database of many pages), straight in SQL for speed. */
export function addClients(db: Db, count: number, from = 0): void {
  const managerId = (db.$client.prepare('SELECT id FROM staff LIMIT 1').get() as { id: number } | undefined)?.id ?? makeManager(db).id;
  const insert = db.$client.prepare(
    "INSERT INTO clients (name, contact_email, manager_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
  );
  db.$client.transaction(() => {
    for (let i = from; i < from + count; i += 1) insert.run(`Client ${i}`, `c${i}@example.com`, managerId, 'n'.repeat(2048));
  })();
}

export const countOf = (db: { prepare(sql: string): { get(): unknown } }, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
