import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { DatabaseHealth } from '../../contract/backups';

/**
 * Up to this size the start runs the full integrity_check (it also cross-checks every index against its
 * table); above it quick_check, which reads every page but skips that cross-check and takes a fraction of the
 * time, so a large database does not hold the window back for long.
 */
export const fullCheckLimitBytes = 512 * 1024 * 1024;

/** SQLite's own check of the open database: 'ok', or its list of problems (at most 20 lines). */
export function checkIntegrity(sqlite: Database.Database, file: string): DatabaseHealth {
  const check = sizeOf(file) <= fullCheckLimitBytes ? 'integrity_check' : 'quick_check';
  try {
    const lines = (sqlite.pragma(`${check}(20)`) as Record<string, string>[]).map((row) => Object.values(row)[0]);
    return lines.length === 1 && lines[0] === 'ok' ? { ok: true, check, problems: [] } : { ok: false, check, problems: lines };
  } catch (error) {
    return { ok: false, check, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
