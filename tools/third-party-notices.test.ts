import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectNotices, maxLicenceChars } from './third-party-notices.mjs';

const root = resolve(import.meta.dirname, '..');
const notices = collectNotices(root);
const find = (name: string) => notices.packages.find((pkg) => pkg.name === name);
const installedVersion = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('third-party notices from node_modules', () => {
  it('lists the production dependencies with their installed version, licence and licence text', () => {
    for (const [name, licence] of [
      ['react', 'MIT'],
      ['@mantine/core', 'MIT'],
      ['better-sqlite3', 'MIT'],
      ['drizzle-orm', 'Apache-2.0'],
      ['zod', 'MIT'],
    ]) {
      const pkg = find(name);
      expect(pkg, name).toMatchObject({ name, version: installedVersion(name), license: licence });
    }
    const react = find('react')!;
    expect(notices.texts[react.textId!]).toMatch(/^MIT License[\s\S]*Permission is hereby granted, free of charge/);
  });

  it('follows the tree below the direct dependencies (scheduler under react-dom, unzipper under exceljs)', () => {
    expect(find('scheduler')).toBeDefined();
    expect(find('unzipper')).toBeDefined();
  });

  it('leaves out devDependencies and what only they pull in', () => {
    for (const name of ['vitest', 'electron', 'electron-builder', 'typescript', '@playwright/test', 'vite', 'drizzle-kit', 'eslint'])
      expect(find(name), name).toBeUndefined();
  });

  it('names a licence for every package but buffers, whose package states none (no licence field, file or README line)', () => {
    expect(notices.packages.filter((pkg) => !pkg.license).map((pkg) => pkg.name)).toEqual(['buffers']);
    // png-js has no licence field; its LICENSE file's title is used and says where it came from.
    expect(find('png-js')?.license).toBe('MIT (from its licence file)');
  });

  it('stores each licence text once, cut at the cap, with every reference pointing at a text', () => {
    expect(new Set(notices.texts).size).toBe(notices.texts.length);
    expect(Math.max(...notices.texts.map((text) => text.length))).toBeLessThan(maxLicenceChars + 200);
    for (const pkg of notices.packages) if (pkg.textId !== null) expect(notices.texts[pkg.textId]).toBeTypeOf('string');
    expect(new Set(notices.packages.map((pkg) => `${pkg.name}@${pkg.version}`)).size).toBe(notices.packages.length);
  });
});
