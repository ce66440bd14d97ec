import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * The small settings files this computer keeps beside the database (office network, backups, window position):
 * a missing, unreadable or damaged file reads as `fallback` and is rewritten on the next save.
 */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, fallback: T): T {
  if (!existsSync(file)) return fallback;
  try {
    return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return fallback;
  }
}

/** Written to a temporary name and renamed, so a crash never leaves half a file; readable by this user only. */
export function writeJsonFile(file: string, value: unknown): void {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
