import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a bench file exports: async functions that each return named figures (milliseconds, counts, notes). */
export type Bench = () => Promise<Record<string, number | string | null>>;

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];

/** Runs every exported function of every bench/*.bench.ts (or those whose file name contains argv[2]) and prints one JSON object. */
async function main(): Promise<void> {
  const figures: Record<string, Record<string, number | string | null>> = {};
  const files = readdirSync(here)
    .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
    .sort();
  for (const file of files) {
    const module = (await import(pathToFileURL(join(here, file)).href)) as Record<string, unknown>;
    for (const [name, run] of Object.entries(module)) {
      if (typeof run !== 'function') continue;
      const key = `${file.replace(/\.bench\.ts$/, '')}.${name}`;
      // A bench that fails is a figure too: said in the summary, and the others still run.
      figures[key] = await (run as Bench)().catch((error: unknown) => ({ error: error instanceof Error ? error.message.split('\n')[0] : String(error) }));
    }
  }
  console.log(JSON.stringify(figures, null, 2));
}

await main();
