// Recorded miner replies from ../shared/fixtures/miners (see NOTICE.md there). Each file is read
// once; every request gets its own deep copy to rewrite.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixturesRoot = fileURLToPath(new URL('../../../shared/fixtures/miners/', import.meta.url));

const cache = new Map<string, unknown>();

/** A fresh copy of `<family>/<version>/<name>.json`, e.g. fixture('antminer/v2020', 'summary'). */
export function fixture<T = Record<string, unknown>>(folder: string, name: string): T {
  const key = `${folder}/${name}`;
  let parsed = cache.get(key);
  if (parsed === undefined) {
    parsed = JSON.parse(readFileSync(`${fixturesRoot}${key}.json`, 'utf8')) as unknown;
    cache.set(key, parsed);
  }
  return structuredClone(parsed) as T;
}
