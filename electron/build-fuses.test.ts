import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The `electronFuses:` block of electron-builder.yml as key → value (the file's own two-space, one-level layout). */
function fusesOfBuildConfig(): Record<string, string> {
  const lines = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8').split('\n');
  const start = lines.indexOf('electronFuses:');
  expect(start, 'electron-builder.yml sets electronFuses').toBeGreaterThanOrEqual(0);
  const block = lines.slice(start + 1);
  const end = block.findIndex((line) => !line.startsWith('  '));
  return Object.fromEntries(block.slice(0, end === -1 ? undefined : end).map((line) => line.trim().split(/:\s*/) as [string, string]));
}

describe('packaged build', () => {
  it('flips the Electron fuses: no run-as-Node, NODE_OPTIONS or --inspect; app code only from a checked app.asar; cookies encrypted', () => {
    expect(fusesOfBuildConfig()).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('assumes no update server: nothing is published, no update feed is written, no updater is shipped', () => {
    const config = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');
    expect(config.split('\n')).toContain('publish: null');
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const packages = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    expect(packages.filter((name) => /updater|update-electron-app/.test(name))).toEqual([]);
  });
});
