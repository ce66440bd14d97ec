/** Test helper: the shared miner API fixtures (../shared/fixtures/miners, from asic-rs; see NOTICE.md there). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMinerJson, type JsonValue } from './transport/json-repair';

export const FIXTURES_DIR = process.env.HASHDESK_MINER_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures/miners/', import.meta.url));

export function fixtureText(family: string, version: string, command: string): string {
  return readFileSync(path.join(FIXTURES_DIR, family, version, `${command}.json`), 'utf8');
}

export function fixture(family: string, version: string, command: string): JsonValue {
  const parsed = parseMinerJson(fixtureText(family, version, command));
  if (!parsed.ok) throw new Error(`fixture ${family}/${version}/${command}: ${parsed.message}`);
  return parsed.value;
}

/** Every fixture file as [relative path, text]. */
export function allFixtures(): [string, string][] {
  const out: [string, string][] = [];
  for (const family of readdirSync(FIXTURES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const version of readdirSync(path.join(FIXTURES_DIR, family.name), { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(path.join(FIXTURES_DIR, family.name, version.name)).filter((f) => f.endsWith('.json'))) {
        out.push([`${family.name}/${version.name}/${file}`, readFileSync(path.join(FIXTURES_DIR, family.name, version.name, file), 'utf8')]);
      }
    }
  }
  return out;
}
