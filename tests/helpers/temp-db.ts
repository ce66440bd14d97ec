import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../db/open-db';

export type TempDb = { db: Db; dir: string; file: string; close(): void };

/** A fresh database file in its own temp folder, migrated like the real one; close() removes it. */
export function openTempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'hashdesk-test-'));
  const file = join(dir, 'hashdesk.db');
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
