import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../db/open-db';

export type TempDb = { db: Db; dir: string; file: string; close(): void };

let template: string | null = null;

/**
 * A database file that the migrations made, once per test process: each temp database starts as a copy of it,
 * instead of running every migration again for each test. openDb still checks the copy against the migrations
 * folder (and applies one added since), so the copy is what a new database is.
 */
function migratedTemplate(): string {
  if (template) return template;
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-template-'));
  const file = join(dir, 'hashdesk.db');
  const db = openDb(file);
  db.$client.pragma('wal_checkpoint(TRUNCATE)'); // everything in the one file that is copied
  db.$client.close();
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  template = file;
  return file;
}

/** A fresh database file in its own temp folder, migrated like the real one; close() removes it. */
export function openTempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-test-'));
  const file = join(dir, 'hashdesk.db');
  copyFileSync(migratedTemplate(), file);
  const db = openDb(file);
  return {
    db,
    dir,
    file,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
