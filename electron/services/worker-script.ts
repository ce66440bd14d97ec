import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * How to start a worker thread whose script sits beside the calling module (`moduleUrl`): from source
 * (vitest, tsx) a bootstrap that registers tsx's loader in the worker itself and imports `sourceName`;
 * from the build, `builtName`, the entry electron-vite writes next to the main bundle (the calling module
 * may sit in out/main or in out/main/chunks).
 */
export function workerScript(moduleUrl: string, sourceName: string, builtName: string): { code: string; eval: boolean } {
  const here = dirname(fileURLToPath(moduleUrl));
  const source = join(here, sourceName);
  if (existsSync(source)) {
    // tsx's ESM entry as its exports map names it (require.resolve would give the CommonJS one).
    const tsxPackage = createRequire(moduleUrl).resolve('tsx/package.json');
    const tsxExports = JSON.parse(readFileSync(tsxPackage, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
    const tsx = pathToFileURL(join(dirname(tsxPackage), tsxExports.exports['./esm/api'].import.default)).href;
    const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(source).href)}); });`;
    return { code, eval: true };
  }
  for (const dir of [here, dirname(here)]) {
    const built = join(dir, builtName);
    if (existsSync(built)) return { code: built, eval: false };
  }
  throw new Error(`The worker script ${builtName} was not found beside ${here}.`);
}
