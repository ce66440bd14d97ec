import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that need a module graph of their own: they replace a module with vi.mock (which only takes hold
 * where the module was not loaded yet), or leave state in a module that another file reads (the office-LAN
 * start outcome).
 */
const ownModuleGraph = [
  'electron/preload.test.ts',
  'electron/office-lan-start.test.ts',
  'electron/services/auth/auth.password.test.ts',
  'electron/services/auth/auth.signin.test.ts',
];

const everyTest = ['electron/**/*.test.ts', 'db/**/*.test.ts', 'renderer/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tools/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    // A beforeAll that builds thousands of rows (the crash tests) can take longer than vitest's 10 s on a busy machine.
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: a single fork on the two-core CI, where much of
    // each file is waiting on sockets, child processes and imports. Two forks took the unit run from
    // 456 s to 268 s there, every test passing.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Every other file runs in a fork that stays up and keeps its loaded modules (zod, drizzle, the services)
        // for the next file, instead of a new fork importing them all again per file.
        test: { name: 'shared', include: everyTest, exclude: [...configDefaults.exclude, ...ownModuleGraph], isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: ownModuleGraph, isolate: true } },
    ],
  },
});
